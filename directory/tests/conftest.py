"""Fixtures of the directory's tests; the community groups' ones live in group_helpers.py."""

from django.core.cache import cache

import pytest

from .factories import DirectoryPageFactory, publish
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
def directory(home):
    return publish(DirectoryPageFactory(parent=home))
