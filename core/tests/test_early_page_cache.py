"""Page-cache hits are answered first in the middleware stack, with every header the full stack gives.

core/caching/page_cache.py explains why nothing below it has anything to add to a stored
anonymous page. These tests hold it to that: a hit is the page the full stack sends, byte for
byte and header for header, and no middleware after the page cache runs for it.
"""

from django.conf import settings
from django.test import override_settings

import pytest

MARKER = "core.tests.test_early_page_cache.MarkerMiddleware"
calls = []


class MarkerMiddleware:
    """Stands just before SecurityMiddleware: it records every request that gets that far."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        calls.append(request.path)
        return self.get_response(request)


def with_marker():
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.middleware.security.SecurityMiddleware"), MARKER)
    return middleware


@pytest.fixture
def page_cache_on():
    from django.core.cache import cache

    cache.clear()
    calls.clear()
    with override_settings(PAGE_CACHE_SECONDS=300, MIDDLEWARE=with_marker()):
        yield
    cache.clear()


@pytest.fixture
def pages(polish_site):
    """Home, a story, the strategy and a Polish page, as residents open them."""
    from wagtail.models import Site

    from stories.factories import StoryIndexPageFactory, StoryPageFactory

    home = Site.objects.get(is_default_site=True).root_page
    index = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(parent=index, slug="repair-cafe")
    for page in (index, story):
        page.save_revision().publish()
    return ["/", "/stories/repair-cafe/", "/strategy/", "/pl/strategy/"]


SECURITY_HEADERS = {
    "Content-Security-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "X-Content-Type-Options",
}
# What the page cache itself adds: whether it was a hit, and how long a CDN may keep the page.
PAGE_CACHE_HEADERS = {"X-Page-Cache", "Cache-Control"}


def full_stack(client, url, **extra):
    with override_settings(PAGE_CACHE_SECONDS=0):
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response


def hit(client, url, **extra):
    client.get(url, **extra)
    calls.clear()
    response = client.get(url, **extra)
    assert response["X-Page-Cache"] == "hit", url
    return response


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
def test_a_hit_is_the_page_the_full_stack_sends_body_and_headers(client, pages, page_cache_on, secure):
    with override_settings(SECURE_HSTS_SECONDS=3600):
        for url in pages:
            expected = full_stack(client, url, secure=secure)
            served = hit(client, url, secure=secure)
            assert served.content == expected.content, url
            assert set(expected.headers) >= SECURITY_HEADERS, url
            assert ("Strict-Transport-Security" in served) is secure, url
            assert set(served.headers) - PAGE_CACHE_HEADERS == set(expected.headers) - PAGE_CACHE_HEADERS, url
            for name in set(expected.headers) - PAGE_CACHE_HEADERS:
                assert served[name] == expected[name], (url, name)
            assert served["Content-Language"] == ("pl" if url.startswith("/pl/") else "en")


def test_a_hit_runs_no_middleware_after_the_page_cache_and_no_query(
    client, pages, page_cache_on, django_assert_num_queries
):
    for url in pages:
        client.get(url)
        assert calls == [url]  # a miss goes down the whole stack
        calls.clear()
        with django_assert_num_queries(0):
            response = client.get(url)
        assert response["X-Page-Cache"] == "hit"
        assert calls == [], url  # not even SecurityMiddleware: no session, no locale, no CSRF
        assert not hasattr(response.wsgi_request, "session")
        assert not hasattr(response.wsgi_request, "user")


def test_a_page_stored_over_https_is_never_served_to_plain_http(client, strategy_site, page_cache_on):
    with override_settings(SECURE_HSTS_SECONDS=3600):
        hit(client, "/strategy/", secure=True)
        plain = client.get("/strategy/")
    assert plain["X-Page-Cache"] == "miss"
    assert "Strict-Transport-Security" not in plain


@pytest.mark.parametrize(
    "cookie", ["sessionid=anything", "bench=uncached", "csrftoken=abc"], ids=["session", "bypass", "csrf"]
)
def test_a_request_with_a_cookie_never_gets_the_early_hit(client, strategy_site, page_cache_on, cookie):
    hit(client, "/strategy/")
    response = client.get("/strategy/", HTTP_COOKIE=cookie)
    assert "X-Page-Cache" not in response
    assert calls == ["/strategy/"]


def test_a_post_never_gets_the_early_hit(client, strategy_site, page_cache_on):
    hit(client, "/strategy/")
    response = client.post("/strategy/", {})
    assert "X-Page-Cache" not in response
    assert calls == ["/strategy/"]


def test_a_signed_in_request_never_gets_the_early_hit(client, strategy_site, page_cache_on, admin_user):
    hit(client, "/strategy/")
    client.force_login(admin_user)
    response = client.get("/strategy/")
    assert "X-Page-Cache" not in response
    assert b"wagtail-userbar" in response.content
    assert calls == ["/strategy/"]


@pytest.mark.parametrize("url", ["/health/", "/admin/login/", "/search/?q=repair"])
def test_uncacheable_paths_always_go_down_the_whole_stack(client, strategy_site, page_cache_on, url):
    for _ in range(2):
        calls.clear()
        response = client.get(url)
        assert response.get("X-Page-Cache") != "hit"
        assert calls == [url.split("?")[0]]


def test_an_unknown_host_still_gets_its_400_with_the_security_headers(client, strategy_site, page_cache_on):
    response = client.get("/strategy/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Content-Security-Policy" in response
    assert calls == ["/strategy/"]


def test_the_page_cache_is_first_in_the_stack():
    assert settings.MIDDLEWARE[0] == "core.caching.page_cache.PageCacheMiddleware"


# Before Django's handler: the WSGI application's own first step (core/caching/early_hits.py).


class RecordingHandler:
    """Django's WSGI handler, counting the requests that reach it.

    Made at the first request, as the test client's is: its middleware reads the settings
    (HSTS among them) when it is made.
    """

    def __init__(self):
        self.handler = None
        self.requests = []

    def __call__(self, environ, start_response):
        from django.core.handlers.wsgi import WSGIHandler

        self.handler = self.handler or WSGIHandler()
        self.requests.append(environ["PATH_INFO"])
        return self.handler(environ, start_response)


def wsgi_get(application, path, secure=False, **headers):
    """(status line, headers, body) for one request through a WSGI application, as gunicorn sends it."""
    import io
    import sys

    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.test.client import RequestFactory

    environ = RequestFactory().get(path, secure=secure, **headers).environ
    environ.update({"wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr})
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=status, headers=response_headers)

    # As Django's test client does: a request's start and end must not close the test's
    # database connection (on PostgreSQL that would end the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = application(environ, start_response)
        body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], dict(answer["headers"]), body


@pytest.fixture
def early():
    from core.caching.early_hits import PageCacheHits

    django = RecordingHandler()
    return PageCacheHits(django), django


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
def test_the_wsgi_application_answers_a_hit_without_django(pages, page_cache_on, early, secure):
    application, django = early
    with override_settings(SECURE_HSTS_SECONDS=3600):
        for url in pages:
            status, stored_headers, stored_body = wsgi_get(application, url, secure=secure)  # a miss: stored
            assert status == "200 OK" and stored_headers["X-Page-Cache"] == "miss", url
            django.requests.clear()
            status, headers, body = wsgi_get(application, url, secure=secure)
            assert django.requests == [], url  # answered before Django's handler
            assert status == "200 OK" and headers["X-Page-Cache"] == "hit"
            assert body == stored_body
            assert set(headers) - PAGE_CACHE_HEADERS == set(stored_headers) - PAGE_CACHE_HEADERS
            for name in set(stored_headers) - PAGE_CACHE_HEADERS:
                assert headers[name] == stored_headers[name], (url, name)
            assert set(headers) >= SECURITY_HEADERS
            assert ("Strict-Transport-Security" in headers) is secure


def test_the_wsgi_application_passes_on_what_the_page_cache_would_not_answer(pages, page_cache_on, early):
    application, django = early
    with override_settings(SECURE_HSTS_SECONDS=3600):
        wsgi_get(application, "/strategy/", secure=True)
        django.requests.clear()
        assert wsgi_get(application, "/strategy/", secure=True)[1]["X-Page-Cache"] == "hit"
        assert django.requests == []
        # Plain HTTP, a cookie, another language, an unknown host: Django answers each.
        _status, headers, _body = wsgi_get(application, "/strategy/")
        assert headers["X-Page-Cache"] == "miss" and "Strict-Transport-Security" not in headers
        _status, headers, _body = wsgi_get(application, "/strategy/", secure=True, HTTP_COOKIE="sessionid=x")
        assert "X-Page-Cache" not in headers
        # A reader asking for Polish has a key of their own: Django answers, as it decides.
        _status, headers, _body = wsgi_get(application, "/strategy/", secure=True, HTTP_ACCEPT_LANGUAGE="pl")
        assert headers["X-Page-Cache"] == "miss"
        status, headers, _body = wsgi_get(application, "/strategy/", secure=True, HTTP_HOST="evil.example")
        assert status.startswith("400") and "Content-Security-Policy" in headers
    assert django.requests == ["/strategy/"] * 4


def test_a_publication_is_seen_by_the_very_next_request_through_the_wsgi_application(
    strategy_site, page_cache_on, early
):
    from strategy.models import StrategyPage

    application, django = early
    wsgi_get(application, "/strategy/")
    assert wsgi_get(application, "/strategy/")[1]["X-Page-Cache"] == "hit"
    page = StrategyPage.objects.get()
    page.title = "A strategy with a new title"
    page.save_revision().publish()
    _status, headers, body = wsgi_get(application, "/strategy/")
    assert headers["X-Page-Cache"] == "miss"
    assert b"A strategy with a new title" in body


def test_the_deployed_wsgi_application_answers_hits_early():
    from connected_communities.wsgi import application
    from core.caching.early_hits import PageCacheHits

    assert isinstance(application, PageCacheHits)
