"""Page-cache hits answered before Django's request handling: the WSGI application's first step.

PageCacheMiddleware, first in the middleware stack, already skips every middleware for a
hit (core/caching/page_cache.py says why each has nothing to add). What is left around it is
Django's own handler: the request_started and request_finished signals (which look at every
database connection), the URL prefix, the response object and its closing. None of it has
anything to add to a stored page either, and on a busy site it cost as much as the hit itself.
So the WSGI application (connected_communities/wsgi.py) is wrapped: a request the page cache
would answer is answered here, with the same rules and the same key, by the stored status,
headers and body; every other request goes to Django unchanged, where the middleware serves or
stores it as before.
"""

import logging

from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest

from .page_cache import cache_key, read, request_is_cacheable

logger = logging.getLogger(__name__)


def stored_page_for(environ):
    """The stored page for this request, or None when Django should answer it."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or environ.get("HTTP_COOKIE"):
        return None  # the common misses, decided before building a request
    request = WSGIRequest(environ)
    if not request_is_cacheable(request):
        return None
    try:
        _generation, stored = read(cache_key(request))
    except DisallowedHost:
        return None  # Django answers 400, with the security headers
    except Exception:
        # The cache is unreachable: Django's path meets the same outage and deals with it.
        logger.debug("page cache unavailable for an early hit", exc_info=True)
        return None
    return stored


class PageCacheHits:
    """WSGI middleware: `application = PageCacheHits(get_wsgi_application())`."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        stored = stored_page_for(environ)
        if stored is None:
            return self.application(environ, start_response)
        _generation, status, reason, headers, body = stored
        start_response(f"{status} {reason}", [*headers, ("X-Page-Cache", "hit")])
        return [body]
