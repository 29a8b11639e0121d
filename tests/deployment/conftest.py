from django.db import connection

import pytest


@pytest.fixture
def test_database_url(transactional_db):
    """The test run's own (already migrated) database, for servers started outside the test process.

    Only for transactional tests: what the servers write is committed, and the test's flush
    afterwards removes it.
    """
    from .servers import database_url

    return database_url(connection)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected once (hashed and compressed, as production serves them) for every server test."""
    from .servers import manage, production_env

    root = tmp_path_factory.mktemp("static")
    manage(production_env("postgres://unused/unused", root, static_root=root), "collectstatic", "--noinput")
    return root
