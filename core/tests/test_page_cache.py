"""The anonymous page cache: fast for everyone, never stale, never personal."""

from django.test import override_settings

from wagtail.models import Page

import pytest

from strategy.models import StrategyPage, Theme

pytestmark = pytest.mark.usefixtures("clear_cache")


@pytest.fixture
def clear_cache():
    from django.core.cache import cache

    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, strategy_site, django_assert_num_queries
):
    first = client.get("/strategy/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/strategy/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "s-maxage=300" in second["Cache-Control"]


def test_publishing_a_change_is_visible_at_once(client, strategy_site):
    client.get("/strategy/")
    page = StrategyPage.objects.get()
    page.title = "The Connected Communities Strategy, revised"
    page.save_revision().publish()
    response = client.get("/strategy/")
    assert response["X-Page-Cache"] == "miss"
    assert "The Connected Communities Strategy, revised" in response.content.decode()


def test_listings_and_home_page_change_when_a_child_page_changes(client, strategy_site):
    assert "Healthier communities" in client.get("/").content.decode()
    theme_page = Page.objects.get(slug="healthier").specific
    theme_page.unpublish()
    home = client.get("/").content.decode()
    assert 'href="/strategy/healthier/"' not in home


def test_editing_a_snippet_shown_on_pages_invalidates_them(client, strategy_site):
    client.get("/strategy/healthier/")
    theme = Theme.objects.get(slug="healthier")
    theme.summary = "A new summary for the healthier theme"
    theme.save()
    assert "A new summary for the healthier theme" in client.get("/strategy/healthier/").content.decode()


def test_deleting_and_moving_pages_invalidate(client, strategy_site):
    client.get("/")
    Page.objects.get(slug="privacy-notice").delete()
    assert 'href="/privacy-notice/"' not in client.get("/").content.decode()


def test_signed_in_editor_is_never_served_or_stored(admin_client, client, strategy_site):
    editor_view = admin_client.get("/strategy/")
    assert "X-Page-Cache" not in editor_view
    anonymous = client.get("/strategy/")
    assert anonymous["X-Page-Cache"] == "miss"
    # What an editor sees (the user bar, their name) never reaches the shared cache.
    assert b"wagtail-userbar" not in client.get("/strategy/").content


def test_requests_with_cookies_bypass_the_cache(client, strategy_site):
    client.get("/strategy/")
    client.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in client.get("/strategy/")


def test_responses_with_a_csrf_token_are_never_stored(client, db):
    from django.http import HttpResponse
    from django.middleware.csrf import CsrfViewMiddleware, get_token
    from django.test import RequestFactory

    from core.caching.page_cache import PageCacheMiddleware

    def form_view(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    middleware = PageCacheMiddleware(CsrfViewMiddleware(form_view))
    first = middleware(RequestFactory().get("/consultations/form/"))
    second = middleware(RequestFactory().get("/consultations/form/"))
    assert "csrftoken" in first.cookies
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second


def test_drafts_never_reach_the_cache(client, strategy_site):
    client.get("/strategy/")
    page = StrategyPage.objects.get()
    page.title = "A draft title nobody should see"
    page.save_revision()  # saved, not published
    assert "A draft title nobody should see" not in client.get("/strategy/").content.decode()
