"""Telling each opted-in commenter what became of their own comment."""

from django.utils import timezone

from wagtail.log_actions import log

from core.emails import send_templated_email

from .models import Comment, ConsultationPage, State

OUTCOME_EMAIL_ACTION = "consultations.comment.outcome_emailed"


def send_outcome_emails(consultation=None):
    """Email every opted-in commenter whose comment has an outcome, once.

    Only for consultations whose outcome is published. The stamp is claimed with a
    conditional UPDATE before sending, so two runs at once never send twice.
    """

    consultations = ConsultationPage.objects.live().in_state(State.OUTCOME)
    if consultation is not None:
        consultations = consultations.filter(pk=consultation.pk)
    due = (
        Comment.objects.published()
        .filter(consultation__in=consultations, notify_outcome=True, outcome_emailed_at__isnull=True)
        .exclude(outcome="")
        .exclude(email="")
        .select_related("consultation", "outcome_pledge")
    )
    sent = 0
    for comment in due:
        claimed = Comment.objects.filter(pk=comment.pk, outcome_emailed_at__isnull=True).update(
            outcome_emailed_at=timezone.now()
        )
        if not claimed:
            continue
        send_templated_email(
            "consultations/emails/outcome",
            {"comment": comment, "consultation": comment.consultation},
            [comment.email],
        )
        log(comment, OUTCOME_EMAIL_ACTION)
        sent += 1
    return sent
