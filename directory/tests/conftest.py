"""The real site (load_site: strategy, places with their centres, asset types, directory page)."""

import pytest

from directory.models import DirectoryPage


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
