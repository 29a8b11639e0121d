"""An entry's own page: what it is, where, when it is open, how accessible, how to reach it."""

from datetime import UTC, date, datetime, timedelta

from django.utils import timezone

import pytest
import time_machine

from directory.factories import add_entry
from directory.models import AssetPage, Organisation

pytestmark = pytest.mark.django_db

WEDNESDAY_MORNING = datetime(2026, 7, 15, 9, 30, tzinfo=UTC)  # 10:30 in Malvern


@pytest.fixture
def hall(directory, places, themes):
    organisation = Organisation.objects.create(name="Martley Village Hall Trust", charity_number="500002")
    return add_entry(
        directory,
        title="Martley Village Hall",
        summary="A hall for 120 with a stage and kitchen.",
        description="Home of the Tuesday lunch club.",
        organisation=organisation,
        place=places["martley"],
        address="Main Road\nMartley",
        postcode="WR6 6QA",
        step_free_access=True,
        hearing_loop=True,
        accessibility_notes="Level access from the car park.",
        website="https://hall.example.org/",
        contact_email="bookings@hall.example.org",
        themes=[themes["healthier"]],
        last_confirmed_at=date(2026, 3, 1),
        opening_times=[(2, "10:00", "12:00"), (4, "18:00", "22:00")],
    )


@time_machine.travel(WEDNESDAY_MORNING, tick=False)
def test_entry_page_shows_what_where_when_and_how(client, hall):
    html = client.get(hall.url).content.decode()
    for text in (
        "Martley Village Hall",
        "A hall for 120 with a stage and kitchen.",
        "Home of the Tuesday lunch club.",
        "Village hall or community facility",
        "Martley Village Hall Trust",
        "Registered charity 500002",
        "Main Road<br>Martley<br>WR6 6QA",
        "Step-free access",
        "Hearing loop",
        "Level access from the car park.",
        "bookings@hall.example.org",
        "https://hall.example.org/",
        "Healthier",
        "Details last confirmed on 1 March 2026.",
    ):
        assert text in html, text
    assert "Accessible toilet" not in html
    # Opening times as a table, and whether it is open now said in words, not only by colour.
    assert '<th scope="row" class="govuk-table__header">Wednesday</th>' in html
    assert '<th scope="row" class="govuk-table__header">Friday</th>' in html
    assert ">Open now</strong>" in html
    assert "at 10:30, UK time" in html


@time_machine.travel(datetime(2026, 7, 15, 11, 30, tzinfo=UTC), tick=False)
def test_entry_page_says_closed_now_after_closing_time_in_malvern(client, hall):
    # 11:30 UTC is 12:30 in Malvern: closed since 12:00.
    html = client.get(hall.url).content.decode()
    assert ">Closed now</strong>" in html
    assert ">Open now</strong>" not in html


def test_a_private_persons_contact_is_shown_only_when_they_agreed(client, directory):
    organisation = Organisation.objects.create(name="Welland Watch", email="watch@welland.example.org")
    not_agreed = add_entry(
        directory,
        title="Watch scheme",
        organisation=organisation,
        contact_email="jo.bloggs@home.example.org",
        contact_phone="01632 960999",
        contact_is_a_person=True,
        person_agreed_to_publish=True,
    )
    # She withdrew her agreement (the editing form would not save the page so; the page must not show them).
    AssetPage.objects.filter(pk=not_agreed.pk).update(person_agreed_to_publish=False)
    html = client.get(not_agreed.url).content.decode()
    assert "jo.bloggs@home.example.org" not in html
    assert "01632 960999" not in html
    # The organisation's own address is the way in instead.
    assert "watch@welland.example.org" in html

    agreed = add_entry(
        directory,
        title="Good neighbours",
        contact_email="coordinator@home.example.org",
        contact_is_a_person=True,
        person_agreed_to_publish=True,
    )
    assert "coordinator@home.example.org" in client.get(agreed.url).content.decode()


def test_the_api_never_shows_contact_details(client, directory):
    entry = add_entry(
        directory, contact_email="jo.bloggs@home.example.org", contact_is_a_person=True, person_agreed_to_publish=True
    )
    response = client.get(f"/api/v2/pages/{entry.pk}/")
    assert "jo.bloggs" not in response.content.decode()


def test_an_entry_without_any_contact_says_so(client, directory):
    html = client.get(add_entry(directory).url).content.decode()
    assert "No public contact details yet." in html
    assert "No regular opening times" in html


def test_an_entry_not_confirmed_for_a_year_warns_visitors(client, directory):
    stale = add_entry(directory, last_confirmed_at=timezone.localdate() - timedelta(days=400))
    assert "please check before you travel" in client.get(stale.url).content.decode()


def test_editors_cannot_publish_a_persons_contact_without_their_agreement(directory):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="only with their agreement"):
        add_entry(directory, contact_phone="01632 960999", contact_is_a_person=True)
