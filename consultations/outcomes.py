"""Telling each opted-in commenter what became of their own comment.

The emails go from the background worker, one task per comment (consultations/tasks.py).
"""

from .tasks import OUTCOME_EMAIL_ACTION, queue_outcome_emails

__all__ = ["OUTCOME_EMAIL_ACTION", "send_outcome_emails"]


def send_outcome_emails(consultation=None):
    """Queue the outcome email of every opted-in commenter not yet told, once; returns how many."""
    return queue_outcome_emails(consultation.pk if consultation is not None else None)
