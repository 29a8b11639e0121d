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
    """Django's Redis cache, sharing one client between calls (core/caching/redis_backend.py)."""
    code = (
        "from django.core.cache import caches; from django.core.cache.backends.redis import RedisCache; "
        "cache = caches['default']; "
        "cache.set('settings-probe', 41); "
        "print(isinstance(cache, RedisCache), cache.get('settings-probe'), "
        "cache._cache.get_client() is cache._cache.get_client(), cache.delete('settings-probe'))"
    )
    result = manage(
        "shell", "--no-imports", "-c", code, env={**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/1"}
    )
    assert result.stdout.strip() == "True 41 True True", result.stderr
