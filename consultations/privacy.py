"""Erasing personal data: on request for one person, and routinely after an outcome."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .models import Answer, Comment, ConsultationQuestion

ERASE_ACTION = "consultations.comment.erase"
PURGE_ACTION = "consultations.comment.purge"
# Comments never confirmed are of no use and hold an email address: drop them quickly.
UNCONFIRMED_DAYS = 14


@transaction.atomic
def erase_person(email, user):
    """Delete every comment made with this email address (with its answers and reports).

    The audit log keeps that an erasure happened and how many comments, never the address.
    """
    comments = list(Comment.objects.filter(email__iexact=email.strip()))
    for comment in comments:
        log(comment, ERASE_ACTION, user=user, data={"consultation": comment.consultation_id})
    Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()
    return len(comments)


def anonymise(comments):
    """Keep what was said (the public record) but not who said it or how to reach them."""
    count = 0
    for comment in comments:
        comment.display_name = ""  # shown as "A resident"
        comment.email = ""
        comment.postcode = ""
        comment.notify_outcome = False
        comment.personal_data_purged_at = timezone.now()
        comment.save(update_fields=["display_name", "email", "postcode", "notify_outcome", "personal_data_purged_at"])
        # Free-text answers may name people; choice answers are anonymous counts.
        Answer.objects.filter(comment=comment, question__kind=ConsultationQuestion.Kind.TEXT).delete()
        log(comment, PURGE_ACTION)
        count += 1
    return count


@transaction.atomic
def purge_personal_data(retention_days=None, now=None):
    """Anonymise comments whose consultation's outcome was published more than the retention ago.

    Safe to run daily: comments already purged are skipped.
    """
    now = now or timezone.now()
    days = settings.CONSULTATION_PERSONAL_DATA_RETENTION_DAYS if retention_days is None else retention_days
    due = Comment.objects.filter(
        personal_data_purged_at__isnull=True,
        consultation__outcome_published_at__lte=now - timedelta(days=days),
    )
    anonymised = anonymise(list(due))
    _total, deleted = Comment.objects.filter(
        confirmed_at__isnull=True, created_at__lte=now - timedelta(days=UNCONFIRMED_DAYS)
    ).delete()
    return anonymised, deleted.get(Comment._meta.label, 0)
