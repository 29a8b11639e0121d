"""A small site for the events tests: a bare home page, the events page, themes, places and a series."""

from wagtail.models import Locale

import pytest

from events.factories import EventSeriesFactory
from strategy.models import Place, Theme


@pytest.fixture
def events_page(home):
    from events.loader import ensure_events_page

    return ensure_events_page(home)


@pytest.fixture
def themes(db):
    locale = Locale.get_default()
    return {
        "healthier": Theme.objects.create(
            name="Healthier communities", short_name="Healthier", slug="healthier", locale=locale
        ),
        "stronger": Theme.objects.create(
            name="Stronger and sustainable communities",
            short_name="Stronger",
            slug="stronger-and-sustainable",
            locale=locale,
            sort_order=1,
        ),
    }


@pytest.fixture
def places(db):
    locale = Locale.get_default()
    return {
        "malvern": Place.objects.create(name="Malvern", slug="malvern", kind="town", locale=locale),
        "tenbury": Place.objects.create(name="Tenbury Wells", slug="tenbury-wells", kind="town", locale=locale),
    }


@pytest.fixture
def abcd_series(db):
    return EventSeriesFactory(name="ABCD learning events", slug="abcd-events")
