"""Emails about residents' comments, sent by the background worker (core/emails.py says how).

Each email names its comment by id and is read when the worker sends it, so an address
anonymised in the meantime gets nothing; its key says what it is about, so the same email
is never sent twice.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.log_actions import log

from django_tasks import task

from core.emails import enqueue, send_once, send_templated_email
from core.site_address import absolute_url

from .models import Comment

# `to` for the resident who wrote the comment.
COMMENTER = None
OUTCOME_EMAIL_ACTION = "consultations.comment.outcome_emailed"


def confirmation_url(comment):
    return absolute_url(reverse("consultations:confirm", args=[comment.confirmation_token]))


@task(backend=settings.BACKGROUND_TASKS)
def email_about_comment(key, template_prefix, comment_id, to, language, reason=""):
    comment = Comment.objects.select_related("consultation").filter(pk=comment_id).first()
    if comment is None:
        return False
    context = {
        "comment": comment,
        "consultation": comment.consultation,
        "reason": reason,
        "confirm_url": confirmation_url(comment),
        "comment_url": reverse(Comment.snippet_viewset.get_url_name("edit"), args=[comment.pk]),
    }
    return send_once(key, template_prefix, context, [comment.email] if to is COMMENTER else to, language)


def queue_comment_email(name, comment, to, about, reason=""):
    """Queue `consultations/emails/<name>` about `comment`, once per `about`."""
    key = f"consultations:{name}:{about}"
    enqueue(
        email_about_comment, key, f"consultations/emails/{name}", comment.pk, to, translation.get_language(), reason
    )


@task(backend=settings.BACKGROUND_TASKS)
def email_outcome(comment_id):
    """Tell one opted-in commenter what became of their comment, once.

    The comment's outcome_emailed_at is the record: claimed with a conditional UPDATE in the
    same transaction as the send, so two runs never both send, and a failed send leaves it
    unclaimed for the next run.
    """
    with transaction.atomic():
        claimed = Comment.objects.filter(pk=comment_id, outcome_emailed_at__isnull=True).update(
            outcome_emailed_at=timezone.now()
        )
        if not claimed:
            return False
        comment = Comment.objects.select_related("consultation", "outcome_pledge").get(pk=comment_id)
        if comment.email:
            send_templated_email(
                "consultations/emails/outcome",
                {"comment": comment, "consultation": comment.consultation},
                [comment.email],
            )
        log(comment, OUTCOME_EMAIL_ACTION)
    return True


def queue_outcome_emails(consultation_id=None):
    """Queue an outcome email for every opted-in commenter not yet told; returns how many.

    Only for consultations whose outcome is published. Safe to run again: a comment already
    emailed is not due, and each email task claims its comment before sending.
    """
    from .models import ConsultationPage, State

    consultations = ConsultationPage.objects.live().in_state(State.OUTCOME)
    if consultation_id is not None:
        consultations = consultations.filter(pk=consultation_id)
    due = (
        Comment.objects.published()
        .filter(consultation__in=consultations, notify_outcome=True, outcome_emailed_at__isnull=True)
        .exclude(outcome="")
        .exclude(email="")
        .values_list("pk", flat=True)
    )
    due = list(due)
    for comment_id in due:
        enqueue(email_outcome, comment_id)
    return len(due)


@task(backend=settings.BACKGROUND_TASKS)
def email_outcomes(consultation_id):
    """Queue one email per commenter of a published outcome, from the worker, not the editor's request."""
    return queue_outcome_emails(consultation_id)
