"""Interest records and groups' addresses in the site-wide personal-data registry."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest

from core.personal_data.registry import erase_person, export_person, holds_data, purge_all
from volunteering.factories import InterestRecordFactory
from volunteering.models import InterestRecord, OpportunitySubmission

from .conftest import GROUP_EMAIL

pytestmark = pytest.mark.django_db

RESIDENT = "alex.resident@example.org"


def test_a_residents_export_has_their_interest_and_the_groups_reply(opportunity):
    InterestRecordFactory(opportunity=opportunity, email=RESIDENT, reply="See you Saturday")
    exported = export_person(RESIDENT)["volunteering"]
    [row] = exported["volunteering_interest"]
    assert row["opportunity"] == "Foodbank helper"
    assert row["message"] == "I could help on Saturdays."
    assert row["group_reply"] == "See you Saturday"
    assert exported["volunteering_opportunities_posted"] == []
    assert holds_data(RESIDENT)


def test_a_groups_export_has_the_opportunities_it_posted(opportunity):
    [row] = export_person(GROUP_EMAIL)["volunteering"]["volunteering_opportunities_posted"]
    assert row["title"] == "Foodbank helper"
    assert row["group_email"] == GROUP_EMAIL
    assert row["state"] == "published"


def test_erasing_a_resident_deletes_their_interest_records(opportunity):
    InterestRecordFactory(opportunity=opportunity, email=RESIDENT)
    InterestRecordFactory(opportunity=opportunity, email="someone.else@example.org")
    counts = erase_person(RESIDENT)
    assert counts["volunteering"] == 1
    assert not InterestRecord.objects.filter(email=RESIDENT).exists()
    assert InterestRecord.objects.count() == 1
    assert not holds_data(RESIDENT)


def test_erasing_a_group_empties_its_address_and_stops_relays(client, opportunity):
    erase_person(GROUP_EMAIL)
    assert OpportunitySubmission.objects.get().group_email == ""
    assert not holds_data(GROUP_EMAIL)
    # Nowhere to pass a message to: the page no longer offers the form.
    assert 'class="interest-form"' not in client.get(opportunity.url).content.decode()


def test_interest_records_are_deleted_after_the_retention_period(opportunity, settings):
    settings.VOLUNTEERING_INTEREST_RETENTION_DAYS = 30
    old = InterestRecordFactory(opportunity=opportunity)
    recent = InterestRecordFactory(opportunity=opportunity)
    InterestRecord.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    InterestRecord.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=29))
    assert purge_all()["volunteering"] == 1
    assert list(InterestRecord.objects.values_list("pk", flat=True)) == [recent.pk]
    assert purge_all()["volunteering"] == 0  # idempotent


def test_the_daily_purge_command_applies_the_retention(opportunity, settings):
    settings.VOLUNTEERING_INTEREST_RETENTION_DAYS = 365
    old = InterestRecordFactory(opportunity=opportunity)
    InterestRecord.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=366))
    call_command("purge_personal_data", verbosity=0)
    assert not InterestRecord.objects.exists()


def test_the_retention_default_is_a_year():
    from django.conf import settings

    assert settings.VOLUNTEERING_INTEREST_RETENTION_DAYS == 365
