"""Fixtures every app's tests share."""

from django.db import connection

import pytest


@pytest.fixture
def strategy_site(db):
    """The site as `make run` builds it: home page, strategy, themes, figures, footer pages."""
    from strategy.loader import load_strategy

    return load_strategy()


@pytest.fixture
def home_page(strategy_site):
    return strategy_site


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL); CI runs it")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def empty_cache():
    """The database rolls back between tests; the cache must not carry rows over either."""
    from django.core.cache import cache

    cache.clear()
    yield
