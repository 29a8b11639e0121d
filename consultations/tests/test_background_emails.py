"""Residents' and moderators' emails go from the background worker, never from the request, and once."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from consultations.factories import CommentFactory
from consultations.models import Comment
from consultations.tasks import email_about_comment, email_outcome
from core.models import SentEmail


def close(consultation):
    consultation.opens_at = timezone.now() - timedelta(days=60)
    consultation.closes_at = timezone.now() - timedelta(days=30)
    consultation.save_revision().publish()


def test_a_comment_is_confirmed_by_an_email_the_worker_sends_not_the_request(
    client, consultation, database_queue, run_worker
):
    response = client.post(
        consultation.url + "comment/",
        {"display_name": "Ana", "email": "ana@example.org", "text": "Keep the library open", "privacy_agreed": "on"},
    )
    assert response.status_code == 302
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    run_worker()
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert "/consultations/confirm/" in mail.outbox[0].body
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_retried_email_task_sends_no_second_email(consultation, database_queue, run_worker):
    comment = CommentFactory(consultation=consultation, email="ana@example.org")
    email_about_comment.enqueue(
        f"consultations:confirm:{comment.pk}", "consultations/emails/confirm", comment.pk, None, "en"
    )
    run_worker()
    # The worker died after sending, before recording success: the task runs again.
    DBTaskResult.objects.update(status="READY", finished_at=None)
    run_worker()
    assert len(mail.outbox) == 1
    assert SentEmail.objects.filter(key=f"consultations:confirm:{comment.pk}").count() == 1


def test_an_email_whose_sending_failed_is_sent_when_the_task_is_retried(consultation, monkeypatch):
    comment = CommentFactory(consultation=consultation, email="ana@example.org")
    args = (f"consultations:confirm:{comment.pk}", "consultations/emails/confirm", comment.pk, None, "en")

    def mail_server_down(*args, **kwargs):
        raise ConnectionRefusedError

    with monkeypatch.context() as patch:
        patch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", mail_server_down)
        with pytest.raises(ConnectionRefusedError):
            email_about_comment.call(*args)
    assert not SentEmail.objects.exists()

    assert email_about_comment.call(*args) is True
    assert email_about_comment.call(*args) is False
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("commenters", [2, 12])
def test_publishing_an_outcome_queues_one_task_and_the_worker_emails_every_commenter(
    consultation, database_queue, run_worker, commenters
):
    close(consultation)
    for number in range(commenters):
        CommentFactory(
            consultation=consultation, notify_outcome=True, email=f"c{number}@example.org", outcome="adopted"
        )

    consultation.outcome_published_at = timezone.now()
    consultation.save_revision().publish()  # what the editor's "Publish" runs
    # The editor's request sent nothing and queued one task for the commenters, however many
    # commented (and one announcing the outcome to the consultation's followers).
    assert mail.outbox == []
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "consultations.tasks.email_outcomes",
        "following.tasks.fan_out_announcement",
    ]

    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"c{n}@example.org" for n in range(commenters))
    assert not Comment.objects.filter(outcome_emailed_at__isnull=True).exists()


def test_an_outcome_email_task_run_twice_sends_one_email(consultation):
    close(consultation)
    consultation.outcome_published_at = timezone.now()
    consultation.save_revision().publish()
    comment = CommentFactory(consultation=consultation, notify_outcome=True, email="a@example.org", outcome="adopted")
    assert email_outcome.call(comment.pk) is True
    assert email_outcome.call(comment.pk) is False
    assert [m.to for m in mail.outbox] == [["a@example.org"]]


def test_a_rolled_back_request_queues_nothing(consultation, database_queue, run_worker):
    from django.db import transaction

    from consultations.submissions import send_confirmation_email

    comment = CommentFactory(consultation=consultation, email="ana@example.org")
    with pytest.raises(RuntimeError), transaction.atomic():
        send_confirmation_email(comment)
        raise RuntimeError("the request failed after queueing")
    run_worker()
    assert mail.outbox == []
    assert not DBTaskResult.objects.exists()


def test_the_worker_writes_the_email_in_the_language_of_the_request_that_queued_it(
    consultation, database_queue, run_worker
):
    from django.utils import translation

    from consultations.submissions import send_confirmation_email

    comment = CommentFactory(consultation=consultation, email="ana@example.org")
    with translation.override("pl"):
        send_confirmation_email(comment)
    run_worker()  # the worker itself runs in the default language, English
    assert mail.outbox[0].subject.startswith("Potwierdź komentarz do:")
