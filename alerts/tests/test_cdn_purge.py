"""With a CDN in front, publishing or withdrawing an alert purges every public page from it."""

from urllib.parse import urlsplit

import pytest

from alerts.factories import AlertFactory, publish
from core.tests import frontend_cache_recorder

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "core.tests.frontend_cache_recorder.RecordingBackend"}}
    frontend_cache_recorder.PURGED.clear()
    yield frontend_cache_recorder.PURGED
    frontend_cache_recorder.PURGED.clear()


def purged_paths(urls):
    return {urlsplit(url).path for url in urls}


def test_publishing_and_withdrawing_an_alert_purge_every_page(strategy_site, cdn):
    alert = AlertFactory()
    assert cdn == []  # a draft changes no page
    publish(alert)
    assert purged_paths(cdn) >= {"/", "/strategy/"}
    cdn.clear()
    alert.unpublish()
    assert purged_paths(cdn) >= {"/", "/strategy/"}


def test_without_a_cdn_nothing_is_purged(home, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    frontend_cache_recorder.PURGED.clear()
    publish(AlertFactory())
    assert frontend_cache_recorder.PURGED == []
