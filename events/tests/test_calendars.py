"""Events as iCalendar: one event to add to a calendar, and each listing with its filters to subscribe to."""

import datetime
from zoneinfo import ZoneInfo

from django.test import override_settings

import pytest

from core.site_address import hostname_and_port, site_url
from events.factories import EventPageFactory, in_days

from .helpers import calendar_of, uk

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def test_an_event_as_an_icalendar_file(client, events_page, places, abcd_series, themes):
    page = EventPageFactory(
        parent=events_page,
        title="Asset mapping morning",
        summary="Mapping what is strong.",
        description="Talks and tables.",
        start=uk(2027, 5, 1, 10),
        end=uk(2027, 5, 1, 12, 30),
        place=places["malvern"],
        venue_name="Malvern Cube",
        venue_address="Albert Road North",
        venue_postcode="WR14 2YF",
        organiser="Community Action Malvern",
        series=abcd_series,
        themes=[themes["stronger"]],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    response = client.get(f"/events/{page.slug}/calendar.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    calendar = calendar_of(response)
    [event] = calendar.events
    assert event["SUMMARY"] == "Asset mapping morning"
    assert event.start == uk(2027, 5, 1, 10)
    assert event.end == uk(2027, 5, 1, 12, 30)
    assert event.start.tzinfo.key == "Europe/London"
    assert "DTSTART;TZID=Europe/London:20270501T100000" in response.content.decode()
    assert [timezone["TZID"] for timezone in calendar.timezones] == ["Europe/London"]
    assert event["UID"] == f"event-{page.pk}@{hostname_and_port()[0]}"
    assert event["URL"] == f"{site_url()}{page.url}"
    assert event["LOCATION"] == "Malvern Cube, Albert Road North, WR14 2YF, Malvern"
    description = str(event["DESCRIPTION"])
    assert "Mapping what is strong." in description and "Talks and tables." in description
    assert "Organised by Community Action Malvern." in description
    assert page.last_published_at.astimezone(UTC).replace(microsecond=0) == event.DTSTAMP
    assert event["STATUS"] == "CONFIRMED"
    assert set(event.categories) == {"Stronger and sustainable communities", "ABCD learning events"}


def test_the_uid_stays_the_same_when_the_event_changes(client, events_page):
    page = EventPageFactory(parent=events_page, title="First title")
    first = calendar_of(client.get(f"/events/{page.slug}/calendar.ics")).events[0]
    page.title = "Changed title"
    page.status = "cancelled"
    page.save_revision().publish()
    second = calendar_of(client.get(f"/events/{page.slug}/calendar.ics")).events[0]
    assert first["UID"] == second["UID"]
    assert second["SUMMARY"] == "Changed title"
    assert second["STATUS"] == "CANCELLED"


def test_times_either_side_of_the_clocks_changing(client, events_page):
    before = EventPageFactory(parent=events_page, slug="before", start=uk(2027, 3, 27, 10), end=uk(2027, 3, 27, 11))
    after = EventPageFactory(parent=events_page, slug="after", start=uk(2027, 3, 28, 10), end=uk(2027, 3, 28, 11))
    calendar = calendar_of(client.get("/events/calendar.ics"))
    starts = {str(event["SUMMARY"]): event.start for event in calendar.events}
    # The same wall-clock time, an hour apart in UTC: 10:00 GMT, then 10:00 BST.
    assert starts[before.title].astimezone(UTC) == datetime.datetime(2027, 3, 27, 10, tzinfo=UTC)
    assert starts[after.title].astimezone(UTC) == datetime.datetime(2027, 3, 28, 9, tzinfo=UTC)
    # The VTIMEZONE carries both rules, so a reader in another zone gets the same instants.
    [timezone] = calendar.timezones
    offsets = {(str(part["TZNAME"]), part["TZOFFSETTO"].td) for part in timezone.walk() if "TZNAME" in part}
    assert ("GMT", datetime.timedelta(0)) in offsets and ("BST", datetime.timedelta(hours=1)) in offsets
    new_york = ZoneInfo("America/New_York")
    assert starts[after.title].astimezone(new_york).hour == 5


def test_an_all_day_event_is_written_as_dates(client, events_page):
    page = EventPageFactory(parent=events_page, all_day=True, start=uk(2027, 6, 5, 0), end=uk(2027, 6, 6, 23, 59))
    [event] = calendar_of(client.get(f"/events/{page.slug}/calendar.ics")).events
    assert event.start == datetime.date(2027, 6, 5)
    assert event.end == datetime.date(2027, 6, 7)  # DTEND is the day after the last day


def test_the_subscription_holds_upcoming_events_with_the_listing_filters(client, events_page, places):
    EventPageFactory(parent=events_page, title="Malvern, soon", place=places["malvern"], start=in_days(3))
    EventPageFactory(parent=events_page, title="Tenbury, soon", place=places["tenbury"], start=in_days(4))
    EventPageFactory(parent=events_page, title="Malvern, gone", place=places["malvern"], start=in_days(-4))
    response = client.get("/events/calendar.ics?place=malvern")
    assert response["Content-Disposition"] == 'inline; filename="events.ics"'
    calendar = calendar_of(response)
    assert [str(event["SUMMARY"]) for event in calendar.events] == ["Malvern, soon"]
    assert calendar.calendar_name == "Events: Connected Communities"
    assert calendar["URL"] == f"{site_url()}/events/calendar.ics?place=malvern"
    assert calendar.refresh_interval == datetime.timedelta(hours=6)

    everything = calendar_of(client.get("/events/calendar.ics"))
    assert sorted(str(event["SUMMARY"]) for event in everything.events) == ["Malvern, soon", "Tenbury, soon"]
    past = calendar_of(client.get("/events/past/calendar.ics"))
    assert [str(event["SUMMARY"]) for event in past.events] == ["Malvern, gone"]


def test_an_event_that_ended_earlier_today_stays_in_the_subscription_until_tomorrow(client, events_page):
    from django.utils import timezone

    now = timezone.localtime(timezone.now(), ZoneInfo("Europe/London"))
    if now.hour < 1:
        pytest.skip("needs an hour of today behind us")
    EventPageFactory(
        parent=events_page,
        title="This morning",
        start=now.replace(hour=0, minute=0, second=0, microsecond=0),
        end=now - datetime.timedelta(minutes=1),
    )
    calendar = calendar_of(client.get("/events/calendar.ics"))
    assert [str(event["SUMMARY"]) for event in calendar.events] == ["This morning"]


def test_an_unknown_or_unpublished_event_has_no_calendar(client, events_page):
    assert client.get("/events/nothing-here/calendar.ics").status_code == 404
    page = EventPageFactory(parent=events_page)
    page.unpublish()
    assert client.get(f"/events/{page.slug}/calendar.ics").status_code == 404


def test_a_calendar_is_kept_until_the_next_publication(client, events_page):
    page = EventPageFactory(parent=events_page, title="Kept")
    url = f"/events/{page.slug}/calendar.ics"
    first = client.get(url).content
    EventPageFactory._meta.model.objects.filter(pk=page.pk).update(title="Changed behind the cache's back")
    assert client.get(url).content == first
    page.refresh_from_db()
    page.save_revision().publish()
    assert b"Changed behind the cache" in client.get(url).content


@override_settings(SITE_URL="https://events.example.org")
def test_links_in_calendars_name_the_public_address(client, events_page):
    page = EventPageFactory(parent=events_page)
    [event] = calendar_of(client.get(f"/events/{page.slug}/calendar.ics")).events
    assert event["URL"] == f"https://events.example.org{page.url}"
    assert event["UID"] == f"event-{page.pk}@events.example.org"
