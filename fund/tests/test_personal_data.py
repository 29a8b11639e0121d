"""A group's or a voter's data through the site-wide tools: export, erasure and the retention purge."""

import json
from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

import pytest

from core.personal_data.registry import erase_person, export_person, holds_data, purge_all
from fund import personal_data
from fund.factories import ApplicationFactory, BallotFactory, BudgetLineFactory, ProjectPageFactory
from fund.models import Application, Ballot, BallotChoice, SupportingDocument

GROUP = "friends@example.org"


@pytest.fixture
def media(settings, tmp_path):
    """The private storage, where supporting documents are kept, in a folder of the test's own."""
    private = {"BACKEND": "core.private_files.PrivateFileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}
    settings.STORAGES = {**settings.STORAGES, "private": private}
    return tmp_path


def add_document(application, name="constitution.pdf"):
    document = SupportingDocument(application=application, original_name=name, size=11)
    document.file.save(name, ContentFile(b"constituted"), save=False)
    document.save()
    return document


@pytest.fixture
def group_data(open_round, finished_round, priorities, media):
    draft = ApplicationFactory(
        round=open_round, group_email=GROUP, state=Application.State.DRAFT, project_title="Benches"
    )
    BudgetLineFactory(application=draft, item="Benches", amount=Decimal("1000"))
    document = add_document(draft)
    funded = ApplicationFactory(
        round=finished_round,
        group_email=GROUP,
        state=Application.State.FUNDED,
        decision_reasons="Strong local support.",
        project_title="Orchard",
    )
    other = ApplicationFactory(round=open_round, group_email="someone@example.org")
    return {"draft": draft, "funded": funded, "other": other, "document": document}


@pytest.fixture
def voter_ballot(finished_round, priorities):
    project = ProjectPageFactory(parent=finished_round, priority=priorities["places"], title="Orchard project")
    ballot = BallotFactory(round=finished_round, email="Voter@Example.org", postcode="WR14 3AF")
    BallotChoice.objects.create(ballot=ballot, project=project)
    return ballot


def test_export_holds_the_groups_applications_with_budget_and_documents(group_data):
    exported = export_person(" FRIENDS@example.org ")
    json.dumps(exported)  # ready for download
    applications = {row["project_title"]: row for row in exported["fund"]["fund_applications"]}
    assert set(applications) == {"Benches", "Orchard"}
    assert applications["Benches"]["budget"] == [{"item": "Benches", "amount": "1000.00"}]
    assert applications["Benches"]["documents"][0]["name"] == "constitution.pdf"
    assert applications["Orchard"]["decision_reasons"] == "Strong local support."
    assert exported["fund"]["fund_ballots"] == []


def test_export_holds_a_voters_ballot_and_choices(voter_ballot):
    exported = export_person("voter@example.org")["fund"]
    assert exported["fund_ballots"][0]["postcode"] == "WR14 3AF"
    assert exported["fund_ballots"][0]["choices"] == ["Orchard project"]
    assert holds_data("VOTER@example.org")


def test_erasure_deletes_unfunded_applications_and_files_and_keeps_funded_grants_without_the_address(group_data, media):
    stored = media / group_data["document"].file.name
    assert stored.exists()
    counts = erase_person(GROUP)
    assert counts["fund"] == 2
    assert not Application.objects.filter(pk=group_data["draft"].pk).exists()
    assert not stored.exists()
    funded = Application.objects.get(pk=group_data["funded"].pk)
    assert funded.group_email == "" and funded.project_title == "Orchard"
    assert Application.objects.filter(pk=group_data["other"].pk).exists()
    assert not holds_data(GROUP)
    assert export_person(GROUP)["fund"] == {"fund_applications": [], "fund_ballots": []}


def test_erasure_deletes_the_voters_ballot(voter_ballot):
    erase_person("voter@example.org")
    assert not Ballot.objects.exists()
    assert not BallotChoice.objects.exists()


def test_purge_anonymises_ballots_and_deletes_unfunded_applications_after_the_retention(
    voter_ballot, finished_round, open_round, group_data
):
    not_funded = ApplicationFactory(
        round=finished_round, state=Application.State.NOT_FUNDED, decision_reasons="Over budget."
    )
    open_ballot = BallotFactory(round=open_round, email="recent@example.org")
    decided_at = finished_round.decisions_on

    # Within the retention period nothing goes.
    assert personal_data.purge(days=365, now=decided_at + timedelta(days=100)) == 0

    purged = purge_all(days=100)
    assert purged["fund"] == 2  # one ballot anonymised, one application deleted
    voter_ballot.refresh_from_db()
    assert (voter_ballot.email, voter_ballot.postcode) == ("", "")
    assert voter_ballot.choices.count() == 1  # the vote itself stays
    assert not Application.objects.filter(pk=not_funded.pk).exists()
    assert Application.objects.filter(pk=group_data["funded"].pk).exclude(group_email="").exists()
    assert Ballot.objects.get(pk=open_ballot.pk).email == "recent@example.org"
    # Safe to run again.
    assert purge_all(days=100)["fund"] == 0


def test_purge_deletes_drafts_left_longer_than_the_retention(open_round, group_data):
    Application.objects.filter(pk=group_data["draft"].pk).update(updated_at=timezone.now() - timedelta(days=400))
    assert personal_data.purge(days=365) == 1
    assert not Application.objects.filter(pk=group_data["draft"].pk).exists()
