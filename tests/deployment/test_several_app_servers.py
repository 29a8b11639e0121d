"""Several stateless app servers behind a load balancer, tested on loopback.

Two gunicorn instances under production settings share one PostgreSQL database and one
Redis cache. A publication made through either (here: a management process, as an editor's
request would be another process again) is seen by both, and both drop their cached pages.
"""

import subprocess
import urllib.request
import uuid

import pytest

from .servers import (
    PUBLIC_HOST,
    fetch,
    free_port,
    manage,
    production_env,
    redis_is_up,
    start_gunicorn,
    stop,
    wait_until_serving,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # One worker runs the whole file: its site or servers are built once and shared.
    pytest.mark.xdist_group("several-app-servers"),
]

PUBLISH = """
from strategy.models import StrategyPage
page = StrategyPage.objects.get()
page.title = "{title}"
page.save_revision().publish()
"""


def headers_of(port, path="/strategy/"):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(response.headers.items())


def test_two_app_servers_see_each_others_publications_and_cache_invalidations(test_database_url, tmp_path, static_root):
    if not redis_is_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    env = production_env(test_database_url, tmp_path, static_root, REDIS_URL="redis://127.0.0.1:6379/14")
    manage({**env, "DJANGO_SETTINGS_MODULE": "connected_communities.settings.dev"}, "load_sample_content")
    subprocess.run(["redis-cli", "-n", "14", "FLUSHDB"], check=False, capture_output=True)

    ports = [free_port(), free_port()]
    servers = [start_gunicorn(env, port, "--workers", "1") for port in ports]
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_until_serving(port, server)
        first, second = ports
        stored = headers_of(first)
        assert stored["X-Page-Cache"] == "miss"
        served = headers_of(second)
        assert served["X-Page-Cache"] == "hit"  # the page cached by the first server, from shared Redis
        # Answered before Django's handler (core/caching/early_hits.py), with every header the
        # full stack gave the page: HSTS behind the TLS proxy among them.
        assert "Strict-Transport-Security" in stored
        for name in set(stored) - {"X-Page-Cache", "Date", "Server"}:
            assert served[name] == stored[name], name

        title = f"Strategy revised {uuid.uuid4().hex[:6]}"
        manage(env, "shell", "--no-imports", "-c", PUBLISH.format(title=title))

        for port in ports:
            state, html = fetch(port)
            assert title in html, f"server on {port} served a stale page ({state})"
    finally:
        for server in servers:
            stop(server)
