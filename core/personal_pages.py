"""Pages that show one resident's or one community group's own data.

Such a response is `Cache-Control: private, no-store` (no shared cache keeps it, and a
browser does not keep it for the back button or the next person at a library computer),
`noindex`, and the anonymous page cache (core/caching/page_cache.py) never stores it, even when
the request carries no cookie (a token link opened in a fresh browser).

A decorator on each such view rather than a middleware rule by URL: these views live under
several prefixes (/stories/mine/, /stories/preview/, /consultations/confirm/, /your-data/,
a story index's thank-you page) beside public pages, so a prefix rule would either miss
one or mark public pages private. `tests/security/test_personal_pages.py` walks every one
and fails when a new URL in those apps is not classified as personal or public.
"""

import functools

from core.caching.page_cache import skip_page_cache


def mark_private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def personal_page(view):
    """Decorate a view (request first) whose every response may show someone's own data."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        skip_page_cache(request)
        return mark_private(view(request, *args, **kwargs))

    return wrapped
