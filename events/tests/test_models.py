"""What editors are stopped from publishing: events that end before they start, insecure links,
booking and location details that don't add up."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

import pytest

from directory.models import AssetPage, AssetType, DirectoryPage
from events.models import EventPage

from .helpers import uk

pytestmark = pytest.mark.django_db


def event(**fields):
    values = {
        "title": "Asset mapping morning",
        "slug": "asset-mapping",
        "summary": "Mapping what is strong.",
        "start": uk(2027, 5, 1, 10),
        "end": uk(2027, 5, 1, 12),
        "venue_name": "Malvern Cube",
        "organiser": "Malvern Hills District Council",
    }
    return EventPage(**{**values, **fields})


def errors_of(page):
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return raised.value.message_dict


def test_a_complete_event_is_valid():
    event().clean()


def test_an_event_must_end_after_it_starts():
    assert errors_of(event(end=uk(2027, 5, 1, 9))) == {"end": ["The event must end after it starts."]}
    assert "end" in errors_of(event(end=uk(2027, 5, 1, 10)))


def test_booking_and_online_links_must_be_https():
    errors = errors_of(event(booking="link", booking_url="http://book.example.org/"))
    assert errors["booking_url"] == ["Give a link that starts with https://, so people's details are sent securely."]
    errors = errors_of(event(attendance_mode="online", online_url="http://meet.example.org/"))
    assert "https://" in errors["online_url"][0]
    event(booking="link", booking_url="https://book.example.org/").clean()


def test_each_way_to_come_needs_its_details():
    assert "booking_url" in errors_of(event(booking="link"))
    assert errors_of(event(booking="capacity")) == {"capacity": ["Say how many people there is room for."]}
    event(booking="capacity", capacity=40).clean()
    assert "online_url" in errors_of(event(attendance_mode="mixed"))
    assert "venue_name" in errors_of(event(venue_name=""))
    event(attendance_mode="online", venue_name="", online_url="https://meet.example.org/x").clean()


def test_reserved_addresses_cannot_be_event_slugs():
    assert "slug" in errors_of(event(slug="past"))


def test_an_all_day_event_runs_from_the_start_of_its_first_day_to_the_end_of_its_last_uk_time():
    page = event(all_day=True, start=uk(2027, 6, 5, 14), end=uk(2027, 6, 6, 9))
    page.clean()
    assert page.local_start == uk(2027, 6, 5, 0, 0)
    assert page.local_end == uk(2027, 6, 6, 23, 59)
    # One day only: ends on the same day it starts, still after its start.
    single = event(all_day=True, start=uk(2027, 6, 5, 14), end=uk(2027, 6, 5, 14))
    single.clean()
    assert single.same_day and single.end > single.start
    assert "end" in errors_of(event(all_day=True, start=uk(2027, 6, 5, 14), end=uk(2027, 6, 4, 14)))


def test_times_are_shown_in_uk_time_whatever_they_were_stored_in():
    page = event(start=datetime.datetime(2027, 7, 1, 9, tzinfo=datetime.UTC))
    assert page.local_start.hour == 10  # BST
    assert page.local_start.tzname() == "BST"


def test_the_event_takes_its_place_from_the_venue(home):
    from strategy.models import Place

    malvern = Place.objects.create(name="Malvern", slug="malvern", kind="town", locale=home.locale)
    directory = DirectoryPage(title="Directory", slug="directory")
    home.add_child(instance=directory)
    asset_type = AssetType.objects.create(
        name="Community centre", plural_name="Community centres", slug="centre", locale=home.locale
    )
    venue = AssetPage(
        title="Malvern Cube", slug="malvern-cube", asset_type=asset_type, summary="A centre.", place=malvern
    )
    directory.add_child(instance=venue)
    page = event(venue=venue, venue_name="")
    page.clean()
    assert page.place == malvern
    assert page.location_name == "Malvern Cube"


def test_the_editor_shows_a_clear_error_and_keeps_what_was_typed(client, events_page):
    admin = User.objects.create_superuser("admin", "admin@example.org", "a-long-password-1")
    client.force_login(admin)
    data = {
        "title": "Asset mapping morning",
        "slug": "asset-mapping",
        "summary": "Mapping what is strong.",
        "description": "",
        "start": "2027-05-01 10:00",
        "end": "2027-05-01 09:00",
        "status": "scheduled",
        "attendance_mode": "in_person",
        "venue_name": "Malvern Cube",
        "booking": "link",
        "booking_url": "http://book.example.org/",
        "cost": "0",
        "organiser": "Malvern Hills District Council",
    }
    response = client.post(f"/admin/pages/add/events/eventpage/{events_page.pk}/", data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "The event must end after it starts." in content
    assert "Give a link that starts with https://" in content
    assert "Asset mapping morning" in content
    assert not EventPage.objects.exists()
