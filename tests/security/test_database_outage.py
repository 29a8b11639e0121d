"""Stop the real PostgreSQL mid-service, then bring it back: visitors get a polite 503
that keeps what they typed, and the site recovers by itself.

PostgreSQL only (the suite's database must be the local server this test can stop). The
server is always started again, whatever happens in the test.
"""

import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.db import connections

import pytest

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def cluster():
    versions = sorted(Path("/etc/postgresql").iterdir()) if Path("/etc/postgresql").is_dir() else []
    return versions[0].name if versions else None


def pg(action):
    subprocess.run(
        [
            "pg_ctlcluster",
            "--skip-systemctl-redirect",
            cluster(),
            "main",
            action,
            *(["-m", "fast"] if action == "stop" else []),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


def wait_for_postgres(up, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready = subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"], check=False).returncode == 0
        if ready == up:
            return
        time.sleep(0.3)
    raise AssertionError(f"PostgreSQL did not become {'ready' if up else 'unavailable'}")


def get(url, data=None):
    body = urllib.parse.urlencode(data).encode() if data else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=20) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def restart_guard():
    if not (cluster() and shutil.which("pg_ctlcluster")):
        pytest.skip("no local PostgreSQL cluster to stop")
    yield
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster(), "main", "start"], check=False, capture_output=True
    )
    wait_for_postgres(True)
    for connection in connections.all():
        connection.close()


def test_site_answers_503_while_the_database_is_down_and_recovers_by_itself(live_server, restart_guard):
    from strategy.loader import load_strategy

    load_strategy()
    assert get(live_server.url + "/strategy/")[0] == 200

    pg("stop")
    wait_for_postgres(False)

    status, headers, html = get(live_server.url + "/strategy/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in html and "Traceback" not in html

    status, _, html = get(live_server.url + "/", {"comment": "Please keep the library open late"})
    assert status == 503
    assert "Please keep the library open late" in html  # shown back, not lost

    assert get(live_server.url + "/health/")[0] == 503

    pg("start")
    wait_for_postgres(True)
    # No restart of the site: the next requests reconnect (CONN_HEALTH_CHECKS).
    deadline = time.monotonic() + 15
    while get(live_server.url + "/strategy/")[0] != 200:
        assert time.monotonic() < deadline, "the site did not recover after the database came back"
        time.sleep(0.5)
    assert get(live_server.url + "/health/")[0] == 200
