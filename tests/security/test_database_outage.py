"""Stop the real PostgreSQL mid-service, then bring it back: visitors get a polite 503
that keeps what they typed, and the site recovers by itself.

PostgreSQL only (the suite's database must be the local server this test can stop). The
server is always started again, whatever happens in the test.
"""

import http.cookiejar
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.db import connections

import pytest

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # It stops PostgreSQL: no other test may be running (make test runs it after the rest).
    pytest.mark.alone,
]


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


# One browser-like client: it keeps the CSRF cookie a form page gives it.
OPENER = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def get(url, data=None):
    body = urllib.parse.urlencode(data).encode() if data else None
    headers = {"Referer": url} if data else {}
    try:
        with OPENER.open(urllib.request.Request(url, data=body, headers=headers), timeout=20) as response:
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
    from django.core.management import call_command

    call_command("load_sample_content")
    assert get(live_server.url + "/strategy/")[0] == 200
    # A resident opens the open consultation's comment form while all is well...
    consultation_url = live_server.url + "/consultations/five-year-review/"
    status, _, form_page = get(consultation_url)
    assert status == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)

    pg("stop")
    wait_for_postgres(False)

    status, headers, html = get(live_server.url + "/strategy/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in html and "Traceback" not in html

    # ...and sends it after the database has gone.
    comment = {"csrfmiddlewaretoken": token, "text": "Please keep the library open late", "display_name": "Sam"}
    status, _, html = get(consultation_url + "comment/", comment)
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
