from django.utils import timezone

import pytest

from directory.models import AssetPage, AssetType, DirectoryPage
from events.models import EventPage, EventSeries
from sample_content.events import load_demo_events

pytestmark = pytest.mark.django_db


def test_the_abcd_series_has_upcoming_and_past_events_in_real_places_and_loading_twice_changes_nothing(
    strategy_site, client
):
    load_demo_events(strategy_site)
    counts = (EventSeries.objects.count(), EventPage.objects.count())
    load_demo_events(strategy_site)
    assert (EventSeries.objects.count(), EventPage.objects.count()) == counts

    abcd = EventSeries.objects.get(slug="abcd-events")
    assert abcd.workstream.title == "Facilitate local partnerships and actively be part of community conversations"
    now = timezone.now()
    assert abcd.events.filter(end__gte=now).count() >= 2
    assert abcd.events.filter(end__lt=now).exists()
    assert EventSeries.objects.get(slug="abcd-conversations").events.count() == 2
    for event in EventPage.objects.all():
        assert event.title.startswith("Example event")
        assert event.live
        assert event.place is not None or event.attendance_mode == "online"
    assert {event.place.slug for event in EventPage.objects.exclude(place=None)} >= {
        "malvern",
        "tenbury-wells",
        "welland",
    }

    listing = client.get("/events/?series=abcd-events")
    assert listing.status_code == 200
    assert "ABCD learning event, what&#x27;s strong in Malvern" in listing.content.decode()
    assert client.get("/events/past/").status_code == 200


def test_events_take_their_venue_from_the_directory_when_it_has_one(strategy_site):
    from strategy.models import Place

    # The real site has the directory page and the snapshot's asset types.
    directory = DirectoryPage.objects.child_of(strategy_site).get()
    hall = AssetType.objects.get(slug="village-hall", locale=strategy_site.locale)
    venue = AssetPage(
        title="Martley Village Hall (example)",
        slug="example-martley-village-hall",
        asset_type=hall,
        summary="The hall.",
        place=Place.objects.get(slug="martley"),
        address="Martley Village Hall\nMain Road\nMartley",
    )
    directory.add_child(instance=venue)
    load_demo_events(strategy_site)
    martley = EventPage.objects.get(slug="abcd-conversation-martley")
    assert martley.venue_id == venue.pk
    assert martley.location_name == "Martley Village Hall (example)"
    assert martley.address_lines == ["Martley Village Hall", "Main Road", "Martley"]
    # No entry for the others: they name their venue themselves.
    welland = EventPage.objects.get(slug="welland-community-open-day")
    assert welland.venue is None
    assert welland.location_name == "Welland Village Hall"
