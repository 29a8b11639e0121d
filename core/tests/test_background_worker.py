"""The real background worker, `manage.py db_worker`, in its own process, delivers a queued email."""

import os
import subprocess
import sys
import time

from django.conf import settings
from django.db import connection

import pytest
from django_tasks_db.models import DBTaskResult

from core.emails import queue_email
from core.models import SentEmail


def database_url_for_worker(tmp_path):
    """An address the worker process can open for the test database.

    PostgreSQL: the test database itself. SQLite: the tests' database is in memory, which
    no other process can see, so a copy is written to a file (VACUUM INTO).
    """
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
        return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    path = tmp_path / "worker.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    return f"sqlite:///{path}"


@pytest.mark.django_db(transaction=True)
def test_the_worker_process_delivers_a_queued_email(tmp_path, database_queue):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    queue_email(
        "stories/emails/sign_in_link",
        {"sign_in_url": "http://testserver/stories/sign-in/abc/", "minutes": 30},
        ["sam@example.org"],
        key="worker-test:sign-in",
    )
    assert DBTaskResult.objects.get().status == "READY"

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "connected_communities.settings.test",
        "DATABASE_URL": database_url_for_worker(tmp_path),
        "WORKER_TEST_MAIL_DIR": str(mail_dir),
    }
    command = [sys.executable, "manage.py", "db_worker", "--backend", "background", "--batch", "--no-startup-delay"]
    started = time.monotonic()
    subprocess.run(command, cwd=settings.BASE_DIR, env=env, check=True, timeout=60, capture_output=True)
    assert time.monotonic() - started < 20

    messages = [path.read_text() for path in mail_dir.iterdir()]
    assert len(messages) == 1
    assert "To: sam@example.org" in messages[0]
    assert "http://testserver/stories/sign-in/abc/" in messages[0]
    if connection.vendor == "postgresql":  # the worker wrote to this very database
        assert DBTaskResult.objects.get().status == "SUCCESSFUL"
        assert SentEmail.objects.filter(key="worker-test:sign-in").exists()
