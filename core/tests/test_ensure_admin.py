from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command


def run(monkeypatch, tmp_path, **env):
    from django.conf import settings

    monkeypatch.setattr(settings, "VAR_DIR", tmp_path)
    for name in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_EMAIL", "DJANGO_SUPERUSER_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_creates_an_admin_with_a_random_password_and_says_how_to_log_in(db, client, monkeypatch, tmp_path):
    output = run(monkeypatch, tmp_path)
    password = (tmp_path / "admin-password.txt").read_text().strip()
    assert password in output and "/admin/" in output
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


def test_second_run_creates_no_second_admin(db, monkeypatch, tmp_path):
    run(monkeypatch, tmp_path)
    output = run(monkeypatch, tmp_path)
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    assert "admin-password.txt" in output


def test_uses_djangos_superuser_variables_when_set(db, client, monkeypatch, tmp_path):
    run(
        monkeypatch,
        tmp_path,
        DJANGO_SUPERUSER_USERNAME="comms",
        DJANGO_SUPERUSER_EMAIL="comms@example.org",
        DJANGO_SUPERUSER_PASSWORD="a-long-enough-password",
    )
    assert client.login(username="comms", password="a-long-enough-password")
    assert not (tmp_path / "admin-password.txt").exists()
