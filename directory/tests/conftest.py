from django.core.cache import cache

import pytest

from .factories import DirectoryPageFactory, publish


@pytest.fixture(autouse=True)
def fresh_cache():
    # The map's data and the API's answers are cached: a test's entries must not leak into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory(home):
    return publish(DirectoryPageFactory(parent=home))
