"""Running the site under gunicorn on loopback, for the deployment and load tests.

The servers use the test run's own PostgreSQL database (`test_database_url` in conftest.py),
static files collected once per run (`static_root`), and production settings from the
environment, as a real deployment has.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
PUBLIC_HOST = "connected-communities.example"


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


def database_url(connection):
    """The address of the test run's database, for servers started outside the test process."""
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def production_env(database_url, tmp_path, static_root=None, **extra):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="connected_communities.settings.production",
        SECRET_KEY="loopback-test-" + uuid.uuid4().hex,
        ALLOWED_HOSTS=PUBLIC_HOST,
        SITE_URL=f"https://{PUBLIC_HOST}",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root or tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        SECURE_SSL_REDIRECT="false",
    )
    env.update(extra)
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True)


def start_gunicorn(env, port, *options):
    return subprocess.Popen(
        [str(GUNICORN), "connected_communities.wsgi", "--bind", f"127.0.0.1:{port}", *options],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def fetch(port, path="/strategy/"):
    # As behind a load balancer: the public host name and scheme, whichever server answers.
    headers = {"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https"}
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


def stop(process):
    process.terminate()
    process.wait(timeout=10)
