"""Staff accounts: lockout after repeated failures, strong passwords, session rotation.

Secure cookie flags in production are covered by the check --deploy test (home/tests/test_settings.py).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

import pytest


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", "editor@example.org", "correct-horse-battery", is_staff=True)


def attempt(client, password):
    return client.post("/admin/login/", {"username": "editor", "password": password}, REMOTE_ADDR="198.51.100.20")


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_five_failed_sign_ins_lock_the_account_even_with_the_right_password(client, editor):
    from axes.utils import reset

    reset()
    for _ in range(5):
        assert attempt(client, "wrong-password").status_code in (200, 429)
    locked = attempt(client, "correct-horse-battery")
    assert locked.status_code == 429
    assert "Sign-in is locked for now" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    reset()


@override_settings(AXES_ENABLED=True)
def test_successful_sign_in_rotates_the_session(client, editor):
    from axes.utils import reset

    reset()
    client.get("/admin/login/")
    client.session["before"] = True
    before = client.cookies.get("sessionid")
    response = attempt(client, "correct-horse-battery")
    assert response.status_code == 302
    assert client.cookies["sessionid"].value != (before.value if before else None)
    reset()


@pytest.mark.parametrize("password", ["short", "password123456", "12345678901234", "editor@example.org"])
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


@override_settings(TRUSTED_PROXY_COUNT=1, AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_a_lockout_locks_the_attackers_address_not_the_proxys(client, editor):
    from axes.models import AccessAttempt
    from axes.utils import reset

    reset()

    def sign_in(password, visitor):
        data = {"username": "editor", "password": password}
        return client.post("/admin/login/", data, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=visitor)

    for _ in range(5):
        sign_in("wrong-password", "198.51.100.66")
    assert sign_in("correct-horse-battery", "198.51.100.66").status_code == 429
    assert sign_in("correct-horse-battery", "203.0.113.10").status_code == 302
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.66"]
    reset()
