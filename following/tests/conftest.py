"""A bare site with two themes and two places, and helpers to follow them as a resident does."""

import re

import pytest


@pytest.fixture
def things(home):
    from wagtail.models import Locale

    from strategy.models import Place, Theme

    locale = Locale.get_default()
    Theme.objects.create(name="Healthier communities", short_name="Healthier", slug="healthier", locale=locale)
    Theme.objects.create(name="Safer communities", short_name="Safer", slug="safer", locale=locale, sort_order=1)
    Place.objects.create(name="Malvern", slug="malvern", locale=locale, kind=Place.Kind.TOWN)
    Place.objects.create(name="Upton-upon-Severn", slug="upton", locale=locale, kind=Place.Kind.TOWN)
    return home


def links_in(message):
    """The site's links in an email's plain-text body, as paths."""
    return re.findall(r"https?://testserver(/\S+)", message.body)


def link_to(message, part):
    return next(link for link in links_in(message) if f"/follow/{part}/" in link)


class FakeClock:
    """pacing's clock and sleep: sleeping moves the clock on at once, and is recorded."""

    def __init__(self):
        from django.utils import timezone

        self.now = timezone.now()
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        from datetime import timedelta

        self.sleeps.append(seconds)
        self.now += timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """No test waits for the sending rate in real time."""
    fake = FakeClock()
    monkeypatch.setattr("following.pacing.clock", fake)
    monkeypatch.setattr("following.pacing.sleep", fake.sleep)
    return fake
