"""Fixtures every app's tests share."""

from django.db import connection

import pytest


@pytest.fixture
def strategy_site(db):
    """The site as `make run` builds it: home page, strategy, themes, figures, footer pages."""
    from home.loader import load_site

    return load_site()


@pytest.fixture
def warm_caches(client):
    """Render a page as a running site already has, before counting its queries.

    Twice: on a test site the first view creates the contact-details row (a save, so a new
    cache generation); the second fills the shared cache of site, sections, restrictions and
    translations (core/caching/routing.py) that every later view reads.
    """

    def warm(url):
        for _ in range(2):
            assert client.get(url).status_code == 200, url

    return warm


@pytest.fixture
def home_page(strategy_site):
    return strategy_site


@pytest.fixture
def home(db):
    """A bare site: a published home page as the default site's root, nothing else."""
    from wagtail.models import Page, Site

    from home.models import HomePage

    root = Page.objects.get(depth=1)
    home = HomePage(title="Connected Communities", slug="cc-home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


@pytest.fixture
def story_index(home):
    """The published stories index under the bare home page."""
    from stories.models import StoryIndexPage

    index = StoryIndexPage(title="Stories of change", slug="stories")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL); CI runs it")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(trylast=True)
def pytest_itemcollected(item):
    """Every transactional test keeps the rows migrations made (root page, locales, groups).

    A transactional test flushes the database afterwards; without serialized_rollback the
    flush re-creates content types, and the next test that restores the migrations' rows
    then collides with them. Making it the rule avoids that ordering trap.
    """
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
        item.add_marker(pytest.mark.django_db(**{**marker.kwargs, "serialized_rollback": True}), append=False)


@pytest.fixture(autouse=True)
def empty_cache():
    """The database rolls back between tests; the cache must not carry rows over either."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
