"""The events listing (upcoming and past, with filters) and an event's page."""

import datetime

from django.utils import timezone

import pytest

from events.factories import EventPageFactory, EventSeriesFactory, in_days
from events.models import EVENTS_PER_PAGE

from .helpers import listed_titles, text_of, uk

pytestmark = pytest.mark.django_db


def test_the_listing_shows_upcoming_events_soonest_first_and_past_ones_apart(client, events_page):
    EventPageFactory(parent=events_page, title="Next month", start=in_days(30))
    EventPageFactory(parent=events_page, title="Next week", start=in_days(7))
    EventPageFactory(parent=events_page, title="Last month", start=in_days(-30))
    EventPageFactory(parent=events_page, title="Last year", start=in_days(-365))
    draft = EventPageFactory(parent=events_page, title="A draft", start=in_days(3))
    draft.unpublish()

    assert listed_titles(client.get("/events/")) == ["Next week", "Next month"]
    assert listed_titles(client.get("/events/past/")) == ["Last month", "Last year"]


def test_an_event_under_way_is_still_upcoming_until_it_ends(client, events_page):
    now = timezone.now()
    EventPageFactory(parent=events_page, title="Under way", start=now - datetime.timedelta(hours=1),
                     end=now + datetime.timedelta(hours=1))  # fmt: skip
    EventPageFactory(parent=events_page, title="Just ended", start=now - datetime.timedelta(hours=3),
                     end=now - datetime.timedelta(minutes=1))  # fmt: skip
    assert listed_titles(client.get("/events/")) == ["Under way"]
    assert listed_titles(client.get("/events/past/")) == ["Just ended"]


def test_filters_combine_place_theme_series_and_month(client, events_page, themes, places, abcd_series):
    match = {
        "place": places["malvern"],
        "themes": [themes["stronger"]],
        "series": abcd_series,
        "start": uk(2027, 5, 12, 10),
        "end": uk(2027, 5, 12, 12),
    }
    EventPageFactory(parent=events_page, title="Match", **match)
    EventPageFactory(parent=events_page, title="Other place", **{**match, "place": places["tenbury"]})
    EventPageFactory(parent=events_page, title="Other theme", **{**match, "themes": [themes["healthier"]]})
    EventPageFactory(parent=events_page, title="No series", **{**match, "series": None})
    EventPageFactory(
        parent=events_page,
        title="Other month",
        **{**match, "start": uk(2027, 6, 1, 10), "end": uk(2027, 6, 1, 12)},
    )
    response = client.get("/events/?place=malvern&theme=stronger-and-sustainable&series=abcd-events&month=2027-05")
    assert listed_titles(response) == ["Match"]
    content = response.content.decode()
    # The form keeps the choices, and offers only places, series and months that have events.
    assert '<option value="malvern" selected>Malvern</option>' in content
    assert '<option value="2027-05" selected>May 2027</option>' in content
    assert '<option value="2027-06">June 2027</option>' in content
    assert "Clear filters" in content


def test_a_month_means_uk_time(client, events_page):
    # 00:30 BST on 1 June is 23:30 UTC on 31 May: a June event.
    EventPageFactory(parent=events_page, title="Midnight run", start=uk(2027, 6, 1, 0, 30), end=uk(2027, 6, 1, 2))
    EventPageFactory(parent=events_page, title="Late May", start=uk(2027, 5, 31, 23, 0), end=uk(2027, 5, 31, 23, 30))
    assert listed_titles(client.get("/events/?month=2027-06")) == ["Midnight run"]
    assert listed_titles(client.get("/events/?month=2027-05")) == ["Late May"]


def test_unknown_filter_values_are_ignored(client, events_page):
    EventPageFactory(parent=events_page, title="Still listed")
    response = client.get("/events/?place=atlantis&month=not-a-month")
    assert response.status_code == 200
    assert listed_titles(response) == ["Still listed"]


def test_the_listing_is_paginated_keeping_the_filters(client, events_page, places):
    EventPageFactory.create_batch(EVENTS_PER_PAGE + 3, parent=events_page, place=places["malvern"])
    first = client.get("/events/?place=malvern")
    assert len(listed_titles(first)) == EVENTS_PER_PAGE
    assert 'href="?place=malvern&amp;page=2"' in first.content.decode()
    assert len(listed_titles(client.get("/events/?place=malvern&page=2"))) == 3


def test_the_listing_offers_its_calendar_with_the_same_filters(client, events_page, places):
    EventPageFactory(parent=events_page, place=places["malvern"])
    content = client.get("/events/?place=malvern").content.decode()
    assert 'href="/events/calendar.ics?place=malvern"' in content
    assert 'href="webcal://' in content and '/events/calendar.ics?place=malvern"' in content


def warm(client, url):
    """As a running site has it: the settings row made, the routing cache and filter choices filled."""
    for _ in range(2):
        assert client.get(url).status_code == 200


LISTING_QUERY_BUDGET = 5
EVENT_QUERY_BUDGET = 5


@pytest.mark.parametrize("count", [5, 60])
def test_listing_query_count_is_flat(
    client, events_page, themes, places, abcd_series, count, django_assert_max_num_queries
):
    EventPageFactory.create_batch(
        count, parent=events_page, place=places["malvern"], series=abcd_series, themes=[themes["stronger"]]
    )
    warm(client, "/events/?place=malvern")
    with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
        assert client.get("/events/?place=malvern").status_code == 200


@pytest.mark.parametrize("count", [5, 60])
def test_event_page_query_count_is_flat(
    client, events_page, themes, places, abcd_series, count, django_assert_max_num_queries
):
    events = EventPageFactory.create_batch(
        count, parent=events_page, place=places["malvern"], series=abcd_series, themes=[themes["stronger"]]
    )
    warm(client, events[0].url)
    with django_assert_max_num_queries(EVENT_QUERY_BUDGET):
        assert client.get(events[0].url).status_code == 200


def test_the_event_page_says_when_in_uk_time_with_gmt_or_bst(client, events_page):
    winter = EventPageFactory(parent=events_page, start=uk(2027, 3, 27, 10), end=uk(2027, 3, 27, 12))
    # The clocks go forward at 01:00 GMT on 28 March 2027: 10:00 is BST the next day.
    summer = EventPageFactory(parent=events_page, start=uk(2027, 3, 28, 10), end=uk(2027, 3, 28, 12))
    winter_text, summer_text = text_of(client.get(winter.url)), text_of(client.get(summer.url))
    assert "Saturday 27 March 2027, 10:00 to 12:00 GMT" in winter_text
    assert "Sunday 28 March 2027, 10:00 to 12:00 BST" in summer_text
    assert 'datetime="2027-03-28T10:00:00+01:00"' in client.get(summer.url).content.decode()


def test_an_event_across_the_clocks_going_back_shows_both_zones(client, events_page):
    # The clocks go back at 02:00 BST on 31 October 2027.
    overnight = EventPageFactory(parent=events_page, start=uk(2027, 10, 30, 22), end=uk(2027, 10, 31, 6))
    assert "Saturday 30 October 2027, 22:00 BST to Sunday 31 October 2027, 06:00 GMT" in text_of(
        client.get(overnight.url)
    )
    # Nine hours, not the eight the clock faces suggest.
    overnight.refresh_from_db()
    assert overnight.end - overnight.start == datetime.timedelta(hours=9)


def test_an_all_day_event_shows_dates_only(client, events_page):
    page = EventPageFactory(parent=events_page, all_day=True, start=uk(2027, 6, 5, 0), end=uk(2027, 6, 6, 23, 59))
    text = text_of(client.get(page.url))
    assert "Saturday 5 June 2027 to Sunday 6 June 2027" in text
    assert "00:00" not in text


def test_the_event_page_shows_where_how_to_come_and_accessibility(client, events_page, places, abcd_series):
    page = EventPageFactory(
        parent=events_page,
        title="Asset mapping morning",
        place=places["malvern"],
        venue_name="Malvern Cube",
        venue_address="Albert Road North\nMalvern",
        venue_postcode="WR14 2YF",
        booking="capacity",
        capacity=40,
        step_free_access=True,
        hearing_loop=True,
        accessibility_notes="Quiet room available.",
        organiser="Community Action Malvern",
        series=abcd_series,
    )
    text = text_of(client.get(page.url))
    for expected in (
        "Malvern Cube",
        "Albert Road North",
        "WR14 2YF",
        "Free",
        "No need to book. There is room for 40 people.",
        "Step-free access",
        "Hearing loop",
        "Quiet room available.",
        "Community Action Malvern",
        "ABCD learning events",
        "Add to calendar",
    ):
        assert expected in text, expected
    assert "Accessible toilet" not in text
    content = client.get(page.url).content.decode()
    assert f'href="/events/{page.slug}/calendar.ics"' in content
    assert 'href="/events/?series=abcd-events"' in content


def test_the_venue_comes_from_the_directory_while_its_entry_is_live(client, events_page, home):
    from directory.models import AssetPage, AssetType, DirectoryPage

    directory = DirectoryPage(title="Directory", slug="directory")
    home.add_child(instance=directory)
    asset_type = AssetType.objects.create(
        name="Village hall", plural_name="Village halls", slug="village-hall", locale=home.locale
    )
    venue = AssetPage(
        title="Welland Village Hall",
        slug="welland-village-hall",
        asset_type=asset_type,
        summary="The village hall.",
        address="Drake Street\nWelland",
        postcode="WR13 6LN",
    )
    directory.add_child(instance=venue)
    page = EventPageFactory(parent=events_page, venue=venue, venue_name="Old name", venue_address="Somewhere else")
    content = client.get(page.url).content.decode()
    assert f'<a class="govuk-link" href="{venue.url}">Welland Village Hall</a>' in content
    assert "Drake Street" in content and "Somewhere else" not in content
    venue.unpublish()
    content = client.get(page.url).content.decode()
    assert "Old name" in content and "Somewhere else" in content
    assert 'href="/directory/welland-village-hall/"' not in content


def test_a_cancelled_event_says_so(client, events_page):
    page = EventPageFactory(parent=events_page, title="Called off", status="cancelled")
    assert "Cancelled" in text_of(client.get(page.url))
    assert "Cancelled" in text_of(client.get("/events/"))


def test_a_past_event_says_it_has_ended_and_offers_no_calendar_button(client, events_page):
    page = EventPageFactory(parent=events_page, start=in_days(-3), end=in_days(-3, hour=12))
    text = text_of(client.get(page.url))
    assert "This event has ended." in text
    assert "Add to calendar" not in text


def test_the_series_shows_its_other_upcoming_events(client, events_page, abcd_series):
    page = EventPageFactory(parent=events_page, series=abcd_series, start=in_days(5))
    EventPageFactory(parent=events_page, title="Next in the series", series=abcd_series, start=in_days(20))
    EventPageFactory(parent=events_page, title="Another series", series=EventSeriesFactory(), start=in_days(21))
    titles = listed_titles(client.get(page.url))
    assert titles == ["Next in the series"]
