"""A frontend-cache backend that keeps the URLs it is asked to purge, for tests.

settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "core.tests.frontend_cache_recorder.RecordingBackend"}}
"""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)
