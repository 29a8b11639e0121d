from django.conf import settings
from django.core.cache import cache
from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def fresh_cache_and_language():
    # Wagtail caches the site's root pages per language; a test's pages must not leak into the next.
    cache.clear()
    yield
    cache.clear()
    # A request to /pl/... leaves Polish active in this thread; later tests expect English.
    translation.activate(settings.LANGUAGE_CODE)
