"""Moderators' decisions on comments. Every one is written to Wagtail's audit log."""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .models import Comment

APPROVE_ACTION = "consultations.comment.approve"
REJECT_ACTION = "consultations.comment.reject"
REPLY_ACTION = "consultations.comment.reply"
OUTCOME_ACTION = "consultations.comment.outcome"


def log_decision(comment, user):
    if comment.moderation_state == Comment.ModerationState.APPROVED:
        log(comment, APPROVE_ACTION, user=user)
    elif comment.moderation_state == Comment.ModerationState.REJECTED:
        log(comment, REJECT_ACTION, user=user, data={"reason": comment.rejection_reason})


def mark_reports_reviewed(comment):
    """A moderator has decided on this comment: its reports so far are dealt with.

    Reviewed reports are what "reviewed and kept" means: once a moderator approves a reported
    comment, new reports are still counted but no longer hide it (submissions.report_comment).
    """
    if comment.moderation_state == Comment.ModerationState.APPROVED:
        Comment.objects.filter(pk=comment.pk).update(report_count=0)
        comment.report_count = 0
    comment.reports.update(reviewed=True)


@transaction.atomic
def approve(comments, user):
    """Publish the comments. Approving a reported comment clears its reports: it was reviewed."""
    now = timezone.now()
    for comment in comments:
        comment.moderation_state = Comment.ModerationState.APPROVED
        comment.rejection_reason = ""
        comment.moderated_at = now
        comment.save(update_fields=["moderation_state", "rejection_reason", "moderated_at"])
        mark_reports_reviewed(comment)
        log_decision(comment, user)
    return len(comments)


@transaction.atomic
def reject(comments, reason, user):
    now = timezone.now()
    for comment in comments:
        comment.moderation_state = Comment.ModerationState.REJECTED
        comment.rejection_reason = reason
        comment.moderated_at = now
        comment.save(update_fields=["moderation_state", "rejection_reason", "moderated_at"])
        mark_reports_reviewed(comment)
        log_decision(comment, user)
    return len(comments)


@transaction.atomic
def set_outcome(comments, outcome, reason, pledge, user):
    for comment in comments:
        comment.outcome = outcome
        comment.outcome_reason = reason
        comment.outcome_pledge = pledge
        comment.save(update_fields=["outcome", "outcome_reason", "outcome_pledge"])
        log(comment, OUTCOME_ACTION, user=user, data={"outcome": outcome, "pledge": pledge.pk if pledge else None})
    return len(comments)
