import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "connected_communities.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-only-0123456789",
    "ALLOWED_HOSTS": "connected-communities.example",
    "SITE_URL": "https://connected-communities.example",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "SITE_URL"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_its_public_address():
    result = manage("check", env={**PRODUCTION_ENV, "SITE_URL": ""})
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "url, expected",
    [("postgres://postgres@127.0.0.1:5432/cc", "django.db.backends.postgresql"), ("", "django.db.backends.sqlite3")],
)
def test_database_comes_from_database_url(url, expected):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    env = {**PRODUCTION_ENV, "DATABASE_URL": url}
    if not url:
        env.pop("DATABASE_URL")
    result = manage("shell", "--no-imports", "-c", code, env=env)
    assert result.stdout.strip() == expected, result.stderr


def test_redis_url_selects_the_redis_cache():
    """django-redis against the real Redis: one client kept across calls and requests, the
    "cc" key prefix the benchmark relies on, and the atomic add/incr the rate limits and the
    page cache's generation counter rely on."""
    code = """
from django.core.cache import caches
from django.core.signals import request_finished
from django_redis.cache import RedisCache
cache = caches['default']
cache.delete_many(['settings-probe', 'settings-counter'])
first_client = cache.client.get_client()
cache.set('settings-probe', 41)
request_finished.send(sender=None)  # what Django does after every response
try:
    cache.incr('settings-counter')
    missing = 'incremented'
except ValueError:
    missing = 'ValueError'
print(
    isinstance(cache, RedisCache),
    cache.get('settings-probe'),
    cache.client.get_client() is first_client,
    cache.make_key('settings-probe'),
    cache.add('settings-counter', 0, timeout=60),
    cache.add('settings-counter', 5, timeout=60),
    cache.incr('settings-counter', 3),
    missing,
    cache.delete_many(['settings-probe', 'settings-counter']),
)
"""
    result = manage(
        "shell", "--no-imports", "-c", code, env={**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/1"}
    )
    assert result.stdout.strip() == "True 41 True cc:1:settings-probe True False 3 ValueError 2", result.stderr
