"""A story's emails, and Wagtail's workflow emails about it, go from the worker, not the request."""

import signal

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

import pytest
from django_tasks_db.models import DBTaskResult

from .helpers import submit_story

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def run_worker():
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--backend", "background", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


@pytest.mark.django_db
def test_a_submitted_story_and_wagtails_review_notice_are_emailed_by_the_worker(
    client, story_index, moderator, monkeypatch
):
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    with override_settings(TASKS=DATABASE_QUEUE, MODERATOR_EMAILS=["moderators@council.example"]):
        submit_story(client, email="sam@example.org")
        assert mail.outbox == []
        queued = sorted(DBTaskResult.objects.values_list("task_path", flat=True))
        # The group's receipt, the moderators' mailbox, and Wagtail's "awaiting your review"
        # notice to each moderator (rendered in the request, sent by the worker).
        assert queued == [
            "home.emails.send_rendered_email",
            "stories.tasks.email_about_submission",
            "stories.tasks.email_about_submission",
        ]
        run_worker()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["mod@example.org", "moderators@council.example", "sam@example.org"]
    assert "Upton Repair Group" in next(m.body for m in mail.outbox if m.to == ["moderators@council.example"])
