"""Behind a real reverse proxy, each visitor is still one visitor.

As deployed: nginx on loopback in front of gunicorn under production settings, nginx adding
the address it saw to X-Forwarded-For ($proxy_add_x_forwarded_for), and the app told to
trust that one proxy (TRUSTED_PROXY_COUNT=1, TRUSTED_PROXIES=127.0.0.1/32). Visitors are
told apart by the loopback address they connect from (127.0.0.2, 127.0.0.3, ...: all of
127.0.0.0/8 is this machine). One nginx and one gunicorn serve every test in the module.
"""

import getpass
import http.client
import os
import re
import shutil
import subprocess
import time
import urllib.parse
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

import pytest

from .servers import (
    PUBLIC_HOST,
    database_url,
    free_port,
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
    pytest.mark.xdist_group("behind-a-proxy"),
]

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
RATE_LIMIT = 2

NGINX_CONF = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
daemon off;
{user}
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            # As if nginx had terminated TLS.
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
"""


def start_nginx(tmp, port, app_port):
    # Run as whoever runs the tests (root in CI): nginx would otherwise hand its workers to "nobody".
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, app_port=app_port, user=user))
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            send(port, "GET", "/health/", visitor="127.0.0.1")
            return process
        except OSError:
            time.sleep(0.2)
    raise AssertionError((tmp / "error.log").read_text())


def send(port, method, path, visitor, data=None, headers=None, cookie=None):
    """One request from the loopback address `visitor`; (status, headers, text)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15, source_address=(visitor, 0))
    all_headers = {"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https", **(headers or {})}
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data)
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        all_headers["Referer"] = f"https://{PUBLIC_HOST}{path}"
    if cookie:
        all_headers["Cookie"] = cookie
    try:
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def post_form(port, path, visitor, data, headers=None):
    """GET the form (for its CSRF token and cookie), then POST it, as a browser would."""
    _status, page_headers, html = send(port, "GET", path, visitor)
    # The CSRF cookie is Secure (HTTPS at the proxy); send it by hand over loopback HTTP.
    cookie = re.search(r"csrftoken=([^;]+)", page_headers.get("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    form = {**hidden, "csrfmiddlewaretoken": token, **data}
    status, _headers, _text = send(port, "POST", path, visitor, form, headers, cookie=f"csrftoken={cookie}")
    return status


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, static_root, tmp_path_factory):
    """nginx on one port in front of gunicorn on another: (nginx port, gunicorn port)."""
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light); .ci/run installs it")
    tmp = tmp_path_factory.mktemp("proxy")
    with django_db_blocker.unblock():
        url = database_url(connection)
    extra = {
        "TRUSTED_PROXY_COUNT": "1",
        "TRUSTED_PROXIES": "127.0.0.1/32",
        "PUBLIC_FORM_RATE_LIMIT": str(RATE_LIMIT),
        "PUBLIC_FORM_MIN_SECONDS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    if redis_is_up():
        extra["REDIS_URL"] = "redis://127.0.0.1:6379/12"
        subprocess.run(["redis-cli", "-n", "12", "FLUSHDB"], check=False, capture_output=True)
        workers = ["--workers", "2"]
    else:
        workers = ["--workers", "1", "--threads", "4"]  # one process: one cache to count in
    app_port, proxy_port = free_port(), free_port()
    app = start_gunicorn(production_env(url, tmp, static_root, **extra), app_port, *workers)
    proxy = None
    try:
        wait_until_serving(app_port, app)
        proxy = start_nginx(tmp, proxy_port, app_port)
        yield proxy_port, app_port
    finally:
        if proxy is not None:
            stop(proxy)
        stop(app)


def ask_for_data(port, visitor, number, headers=None):
    return post_form(port, "/your-data/", visitor, {"email": f"resident{number}@example.org"}, headers)


def test_visitors_behind_the_proxy_are_limited_separately(site):
    proxy_port, _app_port = site
    answers = [ask_for_data(proxy_port, "127.0.0.2", number) for number in range(RATE_LIMIT + 1)]
    assert answers == [200] * RATE_LIMIT + [429]
    # Another visitor, through the same proxy, is not held up by the first.
    assert ask_for_data(proxy_port, "127.0.0.3", 0) == 200


def test_a_forged_forwarded_for_changes_nothing(site):
    proxy_port, app_port = site
    # Through the proxy: nginx appends the real address after whatever the visitor wrote.
    forged = [
        ask_for_data(proxy_port, "127.0.0.4", number, {"X-Forwarded-For": f"198.51.100.{number}"})
        for number in range(RATE_LIMIT + 1)
    ]
    assert forged[-1] == 429
    # Straight to the app from a peer that is not the trusted proxy: the header is ignored.
    direct = [
        ask_for_data(app_port, "127.0.0.5", number, {"X-Forwarded-For": f"198.51.100.{number}"})
        for number in range(RATE_LIMIT + 1)
    ]
    assert direct[-1] == 429


def sign_in(port, visitor, password):
    return post_form(port, "/admin/login/", visitor, {"username": "editor", "password": password})


def test_a_lockout_locks_the_attackers_address_not_the_proxys(site):
    proxy_port, _app_port = site
    # Hashed as production hashes (the test settings' fast hasher is unknown to the server).
    password = PBKDF2PasswordHasher().encode("correct-horse-battery", PBKDF2PasswordHasher().salt())
    get_user_model().objects.create(username="editor", email="editor@example.org", password=password, is_staff=True)
    for _ in range(5):
        sign_in(proxy_port, "127.0.0.6", "wrong-password")
    assert sign_in(proxy_port, "127.0.0.6", "correct-horse-battery") == 429
    # The editor, from their own address behind the same proxy, still signs in.
    assert sign_in(proxy_port, "127.0.0.7", "correct-horse-battery") == 302
