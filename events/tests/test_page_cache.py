"""The shared page cache never shows an event as upcoming after it has ended."""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

import pytest

from events.factories import EventPageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on():
    from django.core.cache import cache

    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


def test_the_listing_and_the_event_are_not_stored_just_before_the_event_ends(client, events_page, page_cache_on):
    now = timezone.now()
    ending = EventPageFactory(parent=events_page, start=now - timedelta(hours=1), end=now + timedelta(minutes=2))
    client.get("/")  # the first request creates the site's contact settings, a content save
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/events/")
        assert "X-Page-Cache" not in client.get(ending.url)


def test_the_listing_and_the_event_are_not_stored_just_before_an_event_starts(client, events_page, page_cache_on):
    starting = EventPageFactory(parent=events_page, start=timezone.now() + timedelta(minutes=1))
    client.get("/")
    assert "X-Page-Cache" not in client.get("/events/")
    assert "X-Page-Cache" not in client.get(starting.url)


def test_far_from_a_change_they_are_cached(client, events_page, page_cache_on):
    later = EventPageFactory(parent=events_page, start=in_days(5))
    client.get("/")
    for url in ("/events/", later.url, f"/events/{later.slug}/calendar.ics"):
        assert client.get(url)["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url
