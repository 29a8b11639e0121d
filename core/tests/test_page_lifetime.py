"""register_page_lifetime_limit: apps say when every page may change; stored pages expire then."""

from datetime import timedelta

from django.utils import timezone

import pytest
import time_machine

from core.caching import page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def moments(monkeypatch, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PAGE_CACHE_SECONDS = 600
    upcoming = []
    monkeypatch.setattr(page_cache, "_lifetime_limits", [])
    page_cache.register_page_lifetime_limit(lambda now: list(upcoming))
    yield upcoming
    cache.clear()


def test_a_page_may_be_stored_until_the_next_registered_moment(moments):
    now = timezone.now()
    moments.extend([now + timedelta(seconds=30), now + timedelta(seconds=300)])
    generation = page_cache.current_generation()
    assert page_cache.page_lifetime(generation, now) == 30
    # Once the first has passed, the next one caps pages: no new generation needed.
    assert page_cache.page_lifetime(generation, now + timedelta(seconds=40)) == 260
    assert page_cache.page_lifetime(generation, now + timedelta(seconds=301)) == 600
    assert page_cache.page_lifetime(generation, now + timedelta(seconds=29, milliseconds=500)) is None


def test_the_moments_are_read_once_per_generation(moments):
    now = timezone.now()
    generation = page_cache.current_generation()
    assert page_cache.page_lifetime(generation, now) == 600
    moments.append(now + timedelta(seconds=60))
    assert page_cache.page_lifetime(generation, now) == 600  # same generation: not read again
    page_cache.invalidate()
    assert page_cache.page_lifetime(page_cache.current_generation(), now) == 60


def test_a_stored_page_expires_at_the_moment(client, home, moments):
    now = timezone.now()
    moments.append(now + timedelta(seconds=45))
    with time_machine.travel(now, tick=False):
        client.get("/")  # a test site's first view saves its contact details: a new generation
        response = client.get("/")
        assert response["X-Page-Cache"] == "miss"
        assert "s-maxage=45" in response["Cache-Control"]
        assert client.get("/")["X-Page-Cache"] == "hit"
    with time_machine.travel(now + timedelta(seconds=46), tick=False):
        assert client.get("/")["X-Page-Cache"] == "miss"
