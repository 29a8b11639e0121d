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


# The queue a running site has: the site's tasks wait in the database for the worker.
DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@pytest.fixture
def database_queue(settings):
    """Tasks queue in the database, as on a running site, until `run_worker()` runs them."""
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def run_worker(monkeypatch):
    """Run the database worker until the queue is empty, as `make run` and production do.

    In this process, inside the test's transaction: the worker's check for stale connections
    would close that transaction's connection, so it is skipped here (the worker in its own
    process has its own test, home/tests/test_background_worker.py).
    """
    import signal

    from django.core.management import call_command

    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run():
        handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
        try:
            call_command(
                "db_worker", "--backend", "background", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
            )
        finally:
            for sig, handler in handlers.items():
                signal.signal(sig, handler)

    return run


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL); CI runs it")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_runtest_setup(item):
    """Fail a test that `--dist loadgroup` was asked to keep with its xdist_group but did not.

    A group shares one built site or set of servers; xdist marks a grouped test by adding
    "@group" to its id, and a pytest that stores ids where xdist cannot write (9.2) drops the
    groups without a word, building each shared thing once per worker.
    """
    grouped = getattr(item.config.option, "loadgroup", False) and item.get_closest_marker("xdist_group")
    if grouped and "@" not in item.nodeid:
        pytest.fail(
            "pytest-xdist did not keep this test with its xdist_group: this pytest and pytest-xdist "
            "do not work together (see requirements-dev.txt)",
            pytrace=False,
        )


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
