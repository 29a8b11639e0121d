import uuid

from django.db import connection

import pytest


@pytest.fixture
def shared_database():
    """A fresh PostgreSQL database for servers started outside the test process."""
    settings = connection.settings_dict
    name = f"cc_cluster_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def test_database_url(transactional_db):
    """The test run's own (already migrated) database, for servers started outside the test process.

    Only for transactional tests: what the servers write is committed, and the test's flush
    afterwards removes it.
    """
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )
