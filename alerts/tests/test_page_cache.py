"""Cached pages: a published alert is on the very next request, and no stored page outlives a start or end."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest
import time_machine

from alerts.factories import AlertFactory, publish

pytestmark = pytest.mark.django_db


def s_maxage(response):
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


def stored(client, url):
    """Viewed until served from the page cache (a test site's first view saves its contact details)."""
    for _ in range(3):
        if client.get(url).get("X-Page-Cache") == "hit":
            return
    raise AssertionError(f"{url} is never served from the page cache")


def test_a_cached_page_shows_a_newly_published_alert_on_the_very_next_request(client, home, page_cache_on):
    alert = AlertFactory(title="Water main burst in Malvern")  # a draft: not on the page
    stored(client, "/")
    assert "Water main burst" not in client.get("/").content.decode()
    publish(alert)
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Water main burst in Malvern" in response.content.decode()


def test_a_stored_page_expires_at_the_next_alert_start(client, home, page_cache_on):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        publish(AlertFactory(title="Gritting tonight", starts_at=now + timedelta(seconds=90)))
        client.get("/")  # a test site's first view saves its contact details: a new generation
        response = client.get("/")
        assert response["X-Page-Cache"] == "miss"
        assert 85 <= s_maxage(response) <= 90
        assert client.get("/")["X-Page-Cache"] == "hit"
    with time_machine.travel(now + timedelta(seconds=91), tick=False):
        response = client.get("/")
        assert "Gritting tonight" in response.content.decode()
        assert response["X-Page-Cache"] == "miss"
        # Now capped by the alert's end, six hours on: the page cache's own limit is shorter.
        assert s_maxage(response) == 600


def test_a_page_rendered_within_a_second_of_a_start_is_not_stored(client, home, page_cache_on):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        publish(AlertFactory(starts_at=now + timedelta(milliseconds=500)))
        response = client.get("/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "X-Page-Cache" not in client.get("/")


def test_the_feeds_obey_the_same_limit(client, home, page_cache_on):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        alert = publish(AlertFactory(starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(seconds=120)))
        for url in ("/alerts/feed.atom", "/alerts/cap.atom", f"/alerts/{alert.pk}.cap"):
            response = client.get(url)
            assert response["X-Page-Cache"] == "miss", url
            assert 115 <= s_maxage(response) <= 120, url
