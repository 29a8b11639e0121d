"""Reported comments: hidden after three reports, reviewed by a moderator, and kept if they are fine."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from consultations.factories import CommentFactory
from consultations.models import Comment

QUEUE = "/admin/snippets/consultations/comment/"


def report_from(client, comment, *addresses):
    url = comment.consultation.url + f"comments/{comment.pk}/report/"
    for address in addresses:
        client.post(url, REMOTE_ADDR=address)
    comment.refresh_from_db()


def approve_in_bulk(client, comment):
    client.post(f"/admin/bulk/consultations/comment/approve/?id={comment.pk}&next=/admin/")


def approve_in_the_edit_form(client, comment):
    response = client.post(
        f"{QUEUE}edit/{comment.pk}/",
        {
            "moderation_state": "approved",
            "rejection_reason": "",
            "council_reply": "",
            "outcome": "",
            "outcome_reason": "",
            "outcome_pledge": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.parametrize("keep", [approve_in_bulk, approve_in_the_edit_form])
def test_a_comment_a_moderator_kept_is_not_hidden_again_by_new_reports(client, consultation, moderator, keep):
    comment = CommentFactory(consultation=consultation, text="The new car park is a waste of money")
    report_from(client, comment, "10.0.0.1", "10.0.0.2", "10.0.0.3")
    assert comment.moderation_state == Comment.ModerationState.PENDING

    client.force_login(moderator)
    keep(client, comment)
    client.logout()
    comment.refresh_from_db()
    assert comment.is_published and comment.report_count == 0

    # A campaign against the comment from new addresses counts, but does not hide it again.
    report_from(client, comment, "10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.4")
    assert comment.report_count == 4
    assert comment.moderation_state == Comment.ModerationState.APPROVED
    assert "The new car park is a waste of money" in client.get(consultation.url).content.decode()


def test_a_comment_hidden_by_reports_tops_the_moderation_queue(client, consultation, moderator):
    hidden = CommentFactory(
        consultation=consultation, text="Reported and hidden", created_at=timezone.now() - timedelta(days=5)
    )
    for days in range(3):
        CommentFactory(consultation=consultation, moderation_state="pending", text=f"Waiting {days}")
        CommentFactory(consultation=consultation, text=f"Published {days}", report_count=1)
    report_from(client, hidden, "10.0.0.1", "10.0.0.2", "10.0.0.3")
    assert hidden.moderation_state == Comment.ModerationState.PENDING

    client.force_login(moderator)
    for query in ("", "?moderation_state=pending", "?reported=true"):
        queue = client.get(QUEUE + query).content.decode()
        first = min(
            queue.find(text) for text in ("Waiting 0", "Waiting 2", "Published 0", "Published 2") if text in queue
        )
        assert -1 < queue.find("Reported and hidden") < first, query


def test_moderators_are_emailed_with_a_link_to_the_hidden_comment(client, consultation, moderator, settings):
    settings.MODERATOR_EMAILS = ["moderation@council.example"]
    comment = CommentFactory(consultation=consultation, text="Reported and hidden")
    mail.outbox.clear()
    report_from(client, comment, "10.0.0.1", "10.0.0.2", "10.0.0.3")

    [message] = mail.outbox
    assert "hidden" in message.subject
    # The shared mailbox and each moderator, so a hidden comment does not wait for one inbox.
    assert set(message.to) == {"moderation@council.example", moderator.email}
    assert f"/admin/snippets/consultations/comment/edit/{comment.pk}/" in message.body
    assert "Reported and hidden" in message.body
