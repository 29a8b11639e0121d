"""A shared page cache for anonymous visitors, invalidated whenever published content changes.

Why not Django's cache middleware: it keys on the Cookie header, so it would store pages
for signed-in users too, in a cache all workers share. This one only ever reads or stores
a response when the request carries no cookies at all, and the response sets none (a page
that uses a CSRF token sets the csrftoken cookie, so forms are never stored).

Invalidation: every cached entry carries the cache's current generation. Publishing,
unpublishing, moving or deleting a page, or saving anything in the apps whose content
appears on pages (themes, places, comments, images, settings...), starts a new generation,
so no visitor is ever served a page that predates the change. The CDN in front, when
configured, is purged through Wagtail's frontend-cache module (settings.WAGTAILFRONTENDCACHE).

Where it sits: first in settings.MIDDLEWARE, before SecurityMiddleware. A hit is answered
there and nothing else in the stack runs: no security or CSP middleware, no WhiteNoise, no
session, locale, CSRF, auth, axes, messages, redirects, language fallback or routing. Why
each of them has nothing to add to a stored anonymous page:

- Security headers. The response is stored on its way out, after every other middleware has
  run, so it carries the headers they gave it (Content-Security-Policy, Permissions-Policy,
  Cross-Origin-Opener-Policy, X-Frame-Options, Referrer-Policy, X-Content-Type-Options,
  Content-Language, Vary) and a hit is the stored response, byte for byte, headers and all.
  Those headers depend on the request only through its scheme (HSTS is sent over TLS only,
  and SECURE_SSL_REDIRECT redirects plain HTTP) and its path (the admin's policy, which is
  never cached anyway). So the key holds the scheme: a page stored over HTTPS, with its HSTS
  header, is never served to a plain-HTTP request, which goes down the stack and is
  redirected as before (a redirect is never stored). Admin previews (`is_dummy` requests)
  never take this path.
- Sessions, auth, CSRF, messages: a request gets here only with no cookie and no
  Authorization header at all, so there is no session to load, no user but the anonymous
  one, no token to check (GET and HEAD only) and no message to show.
- Locale and the language fallback (core/middleware/language_fallback.py): the key holds
  the language Django reads from the path prefix (/pl/...) or Accept-Language, the same
  answer LocaleMiddleware gives, and the stored response is whatever the full stack sent for
  that path in that language, the English page with its notice included.
- Client addresses (core/client_address.py): nothing on a cached page depends on who asks.
  The limits that read the address guard POSTed forms, and a POST is never served from here.
- Axes: lockouts concern sign-in attempts; AxesMiddleware only acts on requests that tried
  to authenticate, and a cookie-less GET of a public page never does.
- Anything this path cannot decide (a host not in ALLOWED_HOSTS, a cookie, any method but
  GET and HEAD, an excluded prefix, a page not stored yet) goes down the whole stack,
  unchanged: errors are raised where they were, with the headers they had.
"""

import contextlib
import contextvars
import hashlib
import logging
import math
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control

from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Apps whose saved rows can change what a public page shows. Content apps add their own
# label from their AppConfig.ready() (invalidate_on_changes_in), so core names none of them.
INVALIDATING_APPS = {
    "core",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailsearchpromotions",
}
INVALIDATING_CORE_MODELS = {"site", "locale", "pageviewrestriction"}
# Saved while pages render or emails go, and never a change of content: a new rendition of an
# image, the record of a sent email.
NON_INVALIDATING_MODELS = {"wagtailimages.rendition", "core.sentemail"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def worker_cache():
    """This worker's own memory: a copy of shared entries whose key names their generation."""
    return caches[settings.WORKER_CACHE_ALIAS]


def _first_generation():
    # Not 1: after the shared cache is emptied (a Redis restart keeps nothing), a counter
    # starting again at 1 would meet entries workers still hold for the old generation 1.
    # The clock gives a number no earlier generation used.
    return time.time_ns()


# The generation read once at the start of a request, for the fragments and routing answers
# the request looks up: a page then shows one generation throughout, for one cache round trip.
# A change made during the request clears it (_new_generation).
_request_generation = contextvars.ContextVar("page_cache_request_generation", default=None)


def current_generation():
    known = _request_generation.get()
    if known is not None:
        return known
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        first = _first_generation()
        cache.add(GENERATION_KEY, first, timeout=None)
        generation = cache.get(GENERATION_KEY, first)
    return generation


def invalidate(**kwargs):
    """Start a new generation: every page cached before now is stale and will not be served.

    Again once the change is committed: a request that read the old rows between the first
    start and the commit may have cached them under the new generation.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    _request_generation.set(None)
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _first_generation(), timeout=None)


def request_is_cacheable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES))
        and not getattr(request, "is_dummy", False)
    )


def response_is_cacheable(request, response):
    # "Vary: Cookie" (added whenever a template looks at request.user) is no reason to skip:
    # only cookie-less requests get here, and they all share one anonymous view.
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and not getattr(request, "_page_cache_skip", False)
    )


def cache_key(request):
    """The page's key. Raises DisallowedHost for a host not in ALLOWED_HOSTS: such a page is never stored."""
    query = hashlib.sha256(request.META.get("QUERY_STRING", "").encode()).hexdigest()[:16]
    path = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    language = translation.get_language_from_request(request, check_path=True)
    # The scheme: a page stored over HTTPS carries its HSTS header (see the module's docstring).
    return f"pagecache:{request.scheme}:{request.get_host()}:{language}:{request.method}:{path}:{query}"


# A stored page: (generation, status, reason, [(header, value)...], body). Plain values, not a
# pickled HttpResponse: a hit is unpickled and sent as it is, by Django or straight to the server.
def stored_page(generation, response):
    return (generation, response.status_code, response.reason_phrase, list(response.items()), response.content)


def read(key):
    """(current generation, the stored page if it is of that generation), in one cache round trip.

    The key names no generation, so a page stored before a change is found and refused here
    (and then overwritten), rather than left in the cache until it expires.
    """
    found = page_cache().get_many([GENERATION_KEY, key])
    generation, stored = found.get(GENERATION_KEY), found.get(key)
    if stored is not None and generation is not None and stored[0] == generation:
        return generation, stored
    return generation, None


def as_response(stored):
    _generation, status, reason, headers, body = stored
    response = HttpResponse(body, status=status, reason=reason)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Serve and store anonymous, cookie-less GET requests for public pages, first in the stack.

    Behind gunicorn most hits never reach it: core/caching/early_hits.py answers them before
    Django's request handling starts. It serves the rest (the test client, a server without
    that wrapper) and stores every page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        # An unknown host is refused again below, where the 400 gets its security headers.
        if request_is_cacheable(request):
            with contextlib.suppress(DisallowedHost):
                key = cache_key(request)
        generation, stored = read(key) if key else (None, None)
        token = _request_generation.set(generation if generation is not None else current_generation())
        try:
            if stored is not None:
                return as_response(stored)
            return self.serve(request, key)
        finally:
            _request_generation.reset(token)

    def serve(self, request, key):
        # The generation this request started in: a change made while it rendered starts a
        # newer one, and the page stored here is then refused.
        generation = current_generation()
        response = self.get_response(request)
        if key is None:
            return response
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.render()
        if response_is_cacheable(request, response):
            lifetime = page_lifetime(generation)
            if lifetime is None:
                return response  # rendered within a second of a moment it may change at
            # A CDN may keep it briefly too; Wagtail's frontend cache purges it on publish.
            patch_cache_control(response, public=True, max_age=0, s_maxage=lifetime)
            page_cache().set(key, stored_page(generation, response), lifetime)
            response["X-Page-Cache"] = "miss"
        return response


def skip_page_cache(request):
    """For views that show one visitor's own data without a cookie (e.g. token links)."""
    request._page_cache_skip = True


def _invalidate_for_model(sender, **kwargs):
    meta = sender._meta
    if meta.label_lower in NON_INVALIDATING_MODELS:
        return
    if meta.app_label in INVALIDATING_APPS or (
        meta.app_label == "wagtailcore" and meta.model_name in INVALIDATING_CORE_MODELS
    ):
        invalidate()


def invalidate_on_changes_in(app_label):
    """Saving or deleting any row of this app starts a new generation (call from AppConfig.ready)."""
    INVALIDATING_APPS.add(app_label)


def never_invalidate_on(*model_labels):
    """Saving these models ("app_label.modelname") never starts a new generation, even in an
    invalidating app: rows no public page shows, such as applications or ballots."""
    NON_INVALIDATING_MODELS.update(label.lower() for label in model_labels)


def connect_signals():
    page_published.connect(invalidate, dispatch_uid="pagecache-published")
    page_unpublished.connect(invalidate, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="pagecache-moved")
    post_save.connect(_invalidate_for_model, dispatch_uid="pagecache-saved")
    post_delete.connect(_invalidate_for_model, dispatch_uid="pagecache-deleted")


def skip_page_cache_before(request, moments, now):
    """Store nothing when one of `moments` falls within a stored page's lifetime.

    For pages that change when a clock passes a time (a consultation opening, an event
    starting), not when anything is saved: save-driven invalidation cannot see those moments,
    so a response rendered shortly before one is not stored at all.
    """
    lifetime = timedelta(seconds=getattr(settings, "PAGE_CACHE_SECONDS", 0))
    if request is not None and any(moment is not None and now < moment <= now + lifetime for moment in moments):
        skip_page_cache(request)


# Functions apps register (register_page_lifetime_limit): each returns the moments at which
# every page may change without anything being saved, e.g. an alert's start and end.
_lifetime_limits = []


def register_page_lifetime_limit(moments):
    """`moments(now)` returns the datetimes after `now` at which any page may change (call from AppConfig.ready).

    Every stored page (and the CDN's copy, through s-maxage) then expires at the first of them
    still ahead. Saving anything already starts a new generation; this is for what changes with
    the clock alone. The moments are read once per generation and kept as a list, not only the
    next one: once that passes, the one after it caps the pages, with no new generation needed.
    """
    if moments not in _lifetime_limits:
        _lifetime_limits.append(moments)


def _upcoming_moments():
    now = timezone.now()
    return sorted(moment.timestamp() for limit in _lifetime_limits for moment in limit(now) if moment > now)


def page_lifetime(generation, now=None):
    """Seconds a page rendered now in `generation` may be stored, or None to store it not at all."""
    lifetime = settings.PAGE_CACHE_SECONDS
    if not _lifetime_limits:
        return lifetime
    from .routing import cached  # routing builds on this module

    now = (now or timezone.now()).timestamp()
    # A tuple, never None: "no moment ahead" is an answer to keep too.
    moments = cached(f"page-lifetime:{generation}", lambda: tuple(_upcoming_moments()))
    upcoming = next((moment for moment in moments if moment > now), None)
    if upcoming is None:
        return lifetime
    seconds = math.floor(upcoming - now)
    if seconds < 1:
        return None
    return min(lifetime, seconds)
