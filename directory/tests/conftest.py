"""Fixtures of the directory's tests: the real site (load_site: strategy, places with their centres,
asset types, directory page); the community groups' ones live in group_helpers.py."""

from django.core.cache import cache

import pytest

from directory.models import DirectoryPage

from .group_helpers import (  # noqa: F401 - fixtures
    directory_for_groups,
    directory_moderator,
    fresh_rate_limits,
    register_data,
)


@pytest.fixture(autouse=True)
def fresh_cache():
    # The map's data and the API's answers are cached: a test's entries must not leak into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory(strategy_site):
    return DirectoryPage.objects.child_of(strategy_site).get()


@pytest.fixture
def places(strategy_site):
    from strategy.models import Place

    return {place.slug: place for place in Place.objects.all()}


@pytest.fixture
def themes(strategy_site):
    from strategy.models import Theme

    return {theme.slug: theme for theme in Theme.objects.all()}
