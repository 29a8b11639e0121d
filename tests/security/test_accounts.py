"""Staff accounts: lockout after repeated failures, strong passwords, session rotation.

Secure cookie flags in production are covered by the check --deploy test (core/tests/test_settings.py).
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


def ask_for_reset(client, email, visitor="203.0.113.30"):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=visitor)


@override_settings(PASSWORD_RESET_LIMIT_PER_ADDRESS=3, PASSWORD_RESET_LIMIT_PER_CLIENT=100)
def test_password_reset_emails_to_one_address_are_limited(client, editor):
    from django.core import mail

    for number in range(5):
        ask_for_reset(client, "editor@example.org", visitor=f"203.0.113.{number}")
    assert len(mail.outbox) == 3
    refused = ask_for_reset(client, "editor@example.org", visitor="203.0.113.99")
    assert refused.status_code == 429
    assert "Too many password reset emails" in refused.content.decode()


@override_settings(PASSWORD_RESET_LIMIT_PER_ADDRESS=100, PASSWORD_RESET_LIMIT_PER_CLIENT=4)
def test_password_reset_requests_from_one_client_are_limited(client, editor):
    from django.core import mail

    for number in range(3):
        ask_for_reset(client, f"nobody{number}@example.org")
    assert ask_for_reset(client, "editor@example.org").status_code == 302
    assert len(mail.outbox) == 1
    assert ask_for_reset(client, "editor@example.org").status_code == 429
    assert len(mail.outbox) == 1
    assert ask_for_reset(client, "editor@example.org", visitor="198.51.100.7").status_code == 302


@override_settings(PASSWORD_RESET_LIMIT_PER_ADDRESS=1)
def test_the_reset_limit_answers_alike_for_known_and_unknown_addresses(client, editor):
    answers = []
    for email in ("editor@example.org", "nobody@example.org"):
        ask_for_reset(client, email)
        refused = ask_for_reset(client, email)
        answers.append((refused.status_code, refused.content.decode().replace(email, "ADDRESS")))
    assert answers[0][0] == answers[1][0] == 429
    messages = [html.split("<main", 1)[1].split("<form", 1)[0] for _status, html in answers]
    assert "Too many password reset emails" in messages[0]
    assert messages[0] == messages[1]
