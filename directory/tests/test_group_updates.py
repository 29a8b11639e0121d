"""A group updates its entry and confirms it is still correct; only moderators publish."""

import datetime
from html import unescape

from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry, TaskState, WorkflowState

import pytest

from directory.models import AssetPage

from .group_helpers import (
    GROUP_EMAIL,
    add_entry,
    live_fields,
    moderator_acts,
    sign_in,
    update_data,
    workflow_state,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

NEW_SUMMARY = "A hall for hire, now with a hearing loop."


@pytest.fixture
def live_entry(client, directory_for_groups, register_data, directory_moderator):
    sign_in(client)
    owner = add_entry(client, register_data)
    moderator_acts(directory_moderator, owner.page, "approve")
    assert AssetPage.objects.get(pk=owner.page_id).live
    return owner


def edit_url(owner):
    return reverse("directory_groups:edit", args=[owner.reference])


def test_the_update_form_is_filled_from_the_latest_revision(client, live_entry, register_data):
    client.post(
        edit_url(live_entry), update_data(register_data, summary=NEW_SUMMARY, opens_5="10:00", closes_5="12:00")
    )
    html = unescape(client.get(edit_url(live_entry)).content.decode())
    assert NEW_SUMMARY in html  # the version in review, not the live one
    assert 'value="Upton Memorial Hall Trust"' in html
    assert 'value="10:00"' in html and 'value="12:00"' in html
    assert 'value="WR8 0HW"' in html
    assert 'value="52.06312"' in html
    assert 'name="group_name"' not in html


def test_an_update_waits_for_review_and_the_live_entry_stays_as_it_was(
    client, live_entry, register_data, directory_moderator
):
    mail.outbox.clear()
    response = client.post(
        edit_url(live_entry),
        update_data(register_data, summary=NEW_SUMMARY, hearing_loop="on", opens_1="", closes_1=""),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("directory_groups:sent", args=[live_entry.reference])

    page = AssetPage.objects.get(pk=live_entry.page_id)
    assert page.live and page.has_unpublished_changes
    assert page.summary == "A hall for hire with a kitchen and a garden."
    assert not page.hearing_loop
    assert page.opening_times.count() == 2
    assert live_fields(Client(), page)[1]["summary"] == "A hall for hire with a kitchen and a garden."
    draft = page.get_latest_revision_as_object()
    assert draft.summary == NEW_SUMMARY and draft.hearing_loop
    assert [o.weekday for o in draft.opening_times.all()] == [3]
    state = workflow_state(page)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision_id == page.latest_revision_id
    assert PageLogEntry.objects.filter(page=page, action="directory.group_updated").exists()
    assert any(m.to == [GROUP_EMAIL] and "changes" in m.subject for m in mail.outbox)
    assert any("moderators@connected-communities.localhost" in m.to for m in mail.outbox)

    moderator_acts(directory_moderator, page, "approve")
    page = AssetPage.objects.get(pk=live_entry.page_id)
    assert page.summary == NEW_SUMMARY and page.hearing_loop
    assert [o.weekday for o in page.opening_times.all()] == [3]
    assert live_fields(Client(), page)[1]["summary"] == NEW_SUMMARY


def test_a_second_update_replaces_the_one_in_review(client, live_entry, register_data, directory_moderator):
    client.post(edit_url(live_entry), update_data(register_data, summary="First change."))
    first = workflow_state(live_entry.page)
    client.post(edit_url(live_entry), update_data(register_data, summary="Second change."))
    first.refresh_from_db()
    assert first.status == WorkflowState.STATUS_CANCELLED
    assert workflow_state(live_entry.page).status == WorkflowState.STATUS_IN_PROGRESS
    moderator_acts(directory_moderator, live_entry.page, "approve")
    assert AssetPage.objects.get(pk=live_entry.page_id).summary == "Second change."


def test_changes_sent_back_by_a_moderator_go_back_for_review_when_the_group_updates(
    client, directory_for_groups, register_data, directory_moderator
):
    sign_in(client)
    owner = add_entry(client, register_data)
    moderator_acts(directory_moderator, owner.page, "reject", comment="Which days is it open?")
    assert workflow_state(owner.page).status == WorkflowState.STATUS_NEEDS_CHANGES
    client.post(edit_url(owner), update_data(register_data, opens_0="09:00", closes_0="12:00"))
    assert workflow_state(owner.page).status == WorkflowState.STATUS_IN_PROGRESS
    assert not AssetPage.objects.get(pk=owner.page_id).live


def test_an_update_with_errors_changes_nothing_and_keeps_what_was_typed(client, live_entry, register_data):
    response = client.post(edit_url(live_entry), update_data(register_data, summary=NEW_SUMMARY, postcode="nowhere"))
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert 'href="#id_postcode"' in html and NEW_SUMMARY in html
    page = AssetPage.objects.get(pk=live_entry.page_id)
    assert not page.has_unpublished_changes
    assert workflow_state(page).status == WorkflowState.STATUS_APPROVED


def test_a_group_cannot_publish_anything_itself(client, directory_for_groups, register_data):
    sign_in(client)
    owner = add_entry(client, register_data)
    # Whatever the group sends, nothing goes live without a directory_moderator.
    client.post(edit_url(owner), update_data(register_data, summary="Publish me now", action_publish="Publish"))
    client.post(reverse("directory_groups:confirm", args=[owner.reference]))
    page = AssetPage.objects.get(pk=owner.page_id)
    assert not page.live and page.first_published_at is None
    state = workflow_state(page).current_task_state
    # The group's session is not an admin session: Wagtail's own approval refuses it.
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk)))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_staff_outside_the_moderators_cannot_approve(client, directory_for_groups, register_data):
    sign_in(client)
    owner = add_entry(client, register_data)
    editor = User.objects.create_user("pledge", "pledge@example.org", "a-long-password-1")
    editor.groups.add(Group.objects.get(name="Pledge leads"))
    state = workflow_state(owner.page).current_task_state
    staff = Client()
    staff.force_login(editor)
    staff.post(reverse("wagtailadmin_pages:workflow_action", args=(owner.page_id, "approve", state.pk)))
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not AssetPage.objects.get(pk=owner.page_id).live


BOOKKEEPING = {
    "live",
    "has_unpublished_changes",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
}


def confirmed_long_ago(page_id):
    """The live entry (its row and its published revision) as last confirmed on 2 January 2025."""
    AssetPage.objects.filter(pk=page_id).update(last_confirmed_at=datetime.date(2025, 1, 2))
    revision = AssetPage.objects.get(pk=page_id).live_revision
    revision.content["last_confirmed_at"] = "2025-01-02"
    revision.save(update_fields=["content"])
    return revision


def test_still_correct_publishes_todays_date_only_and_logs_it(client, live_entry):
    before = confirmed_long_ago(live_entry.page_id)
    response = client.post(reverse("directory_groups:confirm", args=[live_entry.reference]), follow=True)
    assert "now shows that its details were confirmed today" in unescape(response.content.decode())
    page = AssetPage.objects.get(pk=live_entry.page_id)
    assert page.last_confirmed_at == timezone.localdate()
    assert not page.needs_review
    assert page.live_revision_id == page.latest_revision_id != before.pk
    after = page.live_revision.content
    changed = {key for key in after.keys() | before.content.keys() if after.get(key) != before.content.get(key)}
    assert changed - BOOKKEEPING == {"last_confirmed_at"}
    logged = PageLogEntry.objects.get(page=page, action="directory.group_confirmed")
    assert logged.data["date"] == timezone.localdate().isoformat()
    assert live_fields(Client(), page)[1]["last_confirmed_at"] == timezone.localdate().isoformat()


def test_still_correct_keeps_changes_in_review_unpublished_and_in_review(
    client, live_entry, register_data, directory_moderator
):
    confirmed_long_ago(live_entry.page_id)
    client.post(edit_url(live_entry), update_data(register_data, summary=NEW_SUMMARY))
    client.post(reverse("directory_groups:confirm", args=[live_entry.reference]))
    page = AssetPage.objects.get(pk=live_entry.page_id)
    assert page.summary == "A hall for hire with a kitchen and a garden."
    assert page.last_confirmed_at == timezone.localdate()
    draft = page.get_latest_revision_as_object()
    assert draft.summary == NEW_SUMMARY and draft.last_confirmed_at == timezone.localdate()
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    moderator_acts(directory_moderator, page, "approve")
    page = AssetPage.objects.get(pk=live_entry.page_id)
    assert page.summary == NEW_SUMMARY and page.last_confirmed_at == timezone.localdate()


def test_a_draft_cannot_be_confirmed(client, directory_for_groups, register_data):
    sign_in(client)
    owner = add_entry(client, register_data)
    response = client.post(reverse("directory_groups:confirm", args=[owner.reference]), follow=True)
    assert "Only a live entry can be confirmed" in response.content.decode()
    assert not PageLogEntry.objects.filter(action="directory.group_confirmed").exists()


def test_the_group_is_told_when_changes_are_requested_and_when_its_entry_is_live(
    client, directory_for_groups, register_data, directory_moderator
):
    sign_in(client)
    owner = add_entry(client, register_data)
    mail.outbox.clear()
    moderator_acts(directory_moderator, owner.page, "reject", comment="Which days is it open?")
    asked = next(m for m in mail.outbox if m.to == [GROUP_EMAIL])
    assert "Which days is it open?" in asked.body
    assert "http://testserver/directory/your-entries/" in asked.body

    client.post(edit_url(owner), update_data(register_data, opens_0="09:00", closes_0="12:00"))
    mail.outbox.clear()
    moderator_acts(directory_moderator, owner.page, "approve")
    told = next(m for m in mail.outbox if m.to == [GROUP_EMAIL])
    assert "is live" in told.subject and owner.reference in told.body


def test_a_new_directory_gets_the_moderation_workflow(home):
    from wagtail.models import WorkflowPage

    from .group_factories import DirectoryPageFactory

    directory = DirectoryPageFactory(parent=home)
    assert WorkflowPage.objects.get(page=directory).workflow.name == "Directory moderation"


def test_a_visitor_in_polish_sees_the_entrys_choices_in_polish_and_the_entry_keeps_its_own_language(
    client, live_entry, register_data
):
    from wagtail.models import Locale

    polish = Locale.objects.get_or_create(language_code="pl")[0]
    translated = {}
    for key, name in (("hall", "Świetlica"), ("upton", "Upton (pl)"), ("healthier", "Zdrowsze społeczności")):
        copy = register_data[key].copy_for_translation(polish)
        copy.name = name
        copy.save()
        translated[key] = copy

    in_polish = "/pl" + edit_url(live_entry)
    html = client.get(in_polish).content.decode()
    for key in ("hall", "upton"):
        assert f'<option value="{translated[key].pk}" selected>' in html
    assert f'value="{translated["healthier"].pk}" checked' in html

    data = update_data(
        register_data,
        summary=NEW_SUMMARY,
        asset_type=translated["hall"].pk,
        place=translated["upton"].pk,
        themes=[translated["healthier"].pk],
    )
    assert client.post(in_polish, data).status_code == 302
    draft = AssetPage.objects.get(pk=live_entry.page_id).get_latest_revision_as_object()
    assert draft.summary == NEW_SUMMARY
    assert (draft.asset_type, draft.place) == (register_data["hall"], register_data["upton"])
    assert list(draft.themes.all()) == [register_data["healthier"]]
