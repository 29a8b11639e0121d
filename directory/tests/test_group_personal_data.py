"""Groups' ownership records in the site-wide personal-data registry: export, erasure, retention."""

import datetime

from django.utils import timezone

from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

import pytest

from core.personal_data.registry import erase_person, export_person, holds_data, purge_all
from directory.group_personal_data import purge
from directory.models import AssetPage, DirectoryEntryOwner

from .group_helpers import (
    GROUP_EMAIL,
    add_entry,
    moderator_acts,
    sign_in,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]


@pytest.fixture
def entries(client, directory_for_groups, register_data, directory_moderator):
    sign_in(client)
    live = add_entry(client, register_data, name="Upton Memorial Hall")
    moderator_acts(directory_moderator, live.page, "approve")
    draft = add_entry(client, register_data, name="Welland Hall")
    return live, draft


def test_the_export_lists_the_groups_entries_with_where_they_stand(entries):
    live, draft = entries
    assert holds_data(GROUP_EMAIL.upper())
    exported = export_person(GROUP_EMAIL)["directory_groups"]["directory_entries"]
    assert [(row["reference"], row["title"], row["state"]) for row in exported] == [
        (live.reference, "Upton Memorial Hall", "live"),
        (draft.reference, "Welland Hall", "in_review"),
    ]
    assert exported[0]["group_email"] == GROUP_EMAIL
    assert exported[0]["entry_url"].endswith("/directory/upton-memorial-hall/")
    assert exported[1]["entry_url"] is None


def test_erasure_keeps_live_entries_deletes_drafts_and_ends_the_groups_sessions(client, entries):
    live, draft = entries
    draft_id = draft.page_id
    assert client.get("/directory/your-entries/").status_code == 200
    counts = erase_person(GROUP_EMAIL)
    assert counts["directory_groups"] >= 2
    assert not DirectoryEntryOwner.objects.exists()
    assert not holds_data(GROUP_EMAIL)
    # The live entry is the organisation's public information: it stays, with nobody owning it.
    assert AssetPage.objects.get(pk=live.page_id).live
    # The draft was only the group's: it goes, with its revisions and its review.
    assert not AssetPage.objects.filter(pk=draft_id).exists()
    assert not Revision.objects.filter(object_id=str(draft_id)).exists()
    assert not WorkflowState.objects.filter(object_id=str(draft_id)).exists()
    assert not PageLogEntry.objects.filter(page_id=draft_id).exclude(data={}).exists()
    # The group's signed-in session ended.
    response = client.get("/directory/your-entries/")
    assert response.status_code == 302


def test_erasure_of_an_address_that_only_signed_in_ends_its_session(client, directory_for_groups):
    sign_in(client, "visitor@example.org")
    assert export_person("visitor@example.org")["directory_groups"] == {"directory_entries": []}
    erase_person("visitor@example.org")
    assert client.get("/directory/your-entries/").status_code == 302


def test_retention_deletes_entries_sent_back_and_never_live_after_the_period(
    client, directory_for_groups, register_data, directory_moderator
):
    sign_in(client)
    sent_back = add_entry(client, register_data, name="Welland Hall")
    moderator_acts(directory_moderator, sent_back.page, "reject", comment="Not a community asset.")
    in_review = add_entry(client, register_data, name="Hanley Castle Hall")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    TaskState.objects.filter(workflow_state__object_id=str(sent_back.page_id)).update(finished_at=long_ago)

    assert purge(days=365) == 1
    assert not AssetPage.objects.filter(pk=sent_back.page_id).exists()
    assert AssetPage.objects.filter(pk=in_review.page_id).exists()
    assert DirectoryEntryOwner.objects.filter(pk=in_review.pk).exists()
    assert purge(days=365) == 0  # idempotent
    assert purge_all(days=365)["directory_groups"] == 0


def test_retention_keeps_recently_sent_back_entries(client, directory_for_groups, register_data, directory_moderator):
    sign_in(client)
    sent_back = add_entry(client, register_data, name="Welland Hall")
    moderator_acts(directory_moderator, sent_back.page, "reject", comment="Which days is it open?")
    assert purge(days=365) == 0
    assert DirectoryEntryOwner.objects.filter(pk=sent_back.pk).exists()
