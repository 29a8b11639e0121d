"""One answer to "is this page public?": core.caching.routing.is_public and public_pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from core.caching.routing import is_public, public_pages
from home.models import StandardPage
from strategy.models import StrategyPage


@pytest.fixture
def private_strategy(strategy_site):
    """The strategy section behind a sign-in: it and every theme under it are private."""
    strategy = StrategyPage.objects.get(locale__language_code="en")
    PageViewRestriction.objects.create(page=strategy, restriction_type=PageViewRestriction.LOGIN)
    return strategy


def test_a_page_and_a_listing_agree_on_which_pages_are_public(private_strategy):
    listed = set(public_pages(Page.objects.all()).values_list("pk", flat=True))
    for page in Page.objects.all():
        assert is_public(page) == (page.pk in listed), page.url_path
    assert not is_public(private_strategy)
    assert not any(is_public(theme) for theme in private_strategy.get_descendants())
    assert is_public(StandardPage.objects.get(slug="accessibility-statement", locale__language_code="en"))


def restriction_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return [query["sql"] for query in queries if "pageviewrestriction" in query["sql"].lower()]


@pytest.mark.parametrize("url", ["/sitemap.xml", "/stories/feed/"])
def test_listings_of_public_pages_ask_nothing_about_restrictions_between_publications(
    client, private_strategy, warm_caches, url
):
    warm_caches(url)
    assert restriction_queries(client, url) == []
