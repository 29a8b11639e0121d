"""Several stateless app servers behind a load balancer, tested on loopback.

Two gunicorn instances under production settings share one PostgreSQL database and one
Redis cache. A publication made through either (here: a management process, as an editor's
request would be another process again) is seen by both, and both drop their cached pages.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from django.db import connection

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PUBLISH = """
from strategy.models import StrategyPage
page = StrategyPage.objects.get()
page.title = "{title}"
page.save_revision().publish()
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def fetch(port, path="/strategy/"):
    # As behind a load balancer: the public host name and scheme, whichever server answers.
    headers = {"Host": "connected-communities.example", "X-Forwarded-Proto": "https"}
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


def wait_until_serving(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            fetch(port, "/health/")
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"gunicorn on {port} did not start")


@pytest.fixture
def shared_database():
    settings = connection.settings_dict
    name = f"cc_cluster_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_app_servers_see_each_others_publications_and_cache_invalidations(shared_database, tmp_path):
    if not redis_is_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="connected_communities.settings.production",
        SECRET_KEY="cluster-test-" + uuid.uuid4().hex,
        ALLOWED_HOSTS="connected-communities.example",
        DATABASE_URL=shared_database,
        REDIS_URL="redis://127.0.0.1:6379/14",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        SECURE_SSL_REDIRECT="false",
    )

    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True)

    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput")
    manage("load_strategy")
    subprocess.run(["redis-cli", "-n", "14", "FLUSHDB"], check=False, capture_output=True)

    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [str(GUNICORN), "connected_communities.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_until_serving(port, server)
        first, second = ports
        assert fetch(first)[0] == "miss"
        assert fetch(second)[0] == "hit"  # the page cached by the first server, from shared Redis

        title = f"Strategy revised {uuid.uuid4().hex[:6]}"
        manage("shell", "--no-imports", "-c", PUBLISH.format(title=title))

        for port in ports:
            state, html = fetch(port)
            assert title in html, f"server on {port} served a stale page ({state})"
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
