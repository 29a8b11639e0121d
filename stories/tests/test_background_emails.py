"""A story's emails, and Wagtail's workflow emails about it, go from the worker, not the request."""

from django.core import mail
from django.test import override_settings

import pytest
from django_tasks_db.models import DBTaskResult

from .helpers import submit_story


@pytest.mark.django_db
def test_a_submitted_story_and_wagtails_review_notice_are_emailed_by_the_worker(
    client, story_index, moderator, database_queue, run_worker
):
    with override_settings(MODERATOR_EMAILS=["moderators@council.example"]):
        submit_story(client, email="sam@example.org")
        assert mail.outbox == []
        queued = sorted(DBTaskResult.objects.values_list("task_path", flat=True))
        # The group's receipt, the moderators' mailbox, and Wagtail's "awaiting your review"
        # notice to each moderator (rendered in the request, sent by the worker).
        assert queued == [
            "core.emails.send_rendered_email",
            "stories.tasks.email_about_submission",
            "stories.tasks.email_about_submission",
        ]
        run_worker()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["mod@example.org", "moderators@council.example", "sam@example.org"]
    assert "Upton Repair Group" in next(m.body for m in mail.outbox if m.to == ["moderators@council.example"])
