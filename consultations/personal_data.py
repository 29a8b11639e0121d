"""Consultation comments as a source of personal data for the site-wide registry (core/personal_data/registry.py)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import ModelLogEntry

from core.personal_data.registry import register
from core.site_address import page_url

from .models import Comment
from .privacy import erase_person, purge_personal_data

ERASED_LABEL = "Comment erased on request"


def iso(value):
    return value.isoformat() if value else None


def comments_for(email):
    return Comment.objects.filter(email__iexact=email)


def export(email):
    comments = (
        comments_for(email)
        .select_related("consultation", "outcome_pledge")
        .prefetch_related("answers__question")
        .order_by("created_at", "pk")
    )
    return {
        "comments": [
            {
                "consultation": comment.consultation.title,
                "consultation_url": page_url(comment.consultation),
                "created_at": iso(comment.created_at),
                "confirmed_at": iso(comment.confirmed_at),
                "display_name": comment.display_name,
                "email": comment.email,
                "postcode": comment.postcode,
                "text": comment.text,
                "answers": [
                    {"question": answer.question.question, "answer": answer.value} for answer in comment.answers.all()
                ],
                "privacy_agreed": comment.privacy_agreed,
                "wants_outcome_email": comment.notify_outcome,
                "moderation_state": comment.moderation_state,
                "rejection_reason": comment.rejection_reason,
                "moderated_at": iso(comment.moderated_at),
                "council_reply": comment.council_reply,
                "outcome": comment.outcome,
                "outcome_reason": comment.outcome_reason,
                "outcome_pledge": comment.outcome_pledge.title if comment.outcome_pledge else None,
                "outcome_emailed_at": iso(comment.outcome_emailed_at),
            }
            for comment in comments
        ]
    }


@transaction.atomic
def erase(email, user):
    """Delete the comments (answers and reports go with them) and scrub their audit-log labels.

    Wagtail labels each log entry with str(comment), which holds the name and the start of
    the text; the entries stay (moderation is accountable) but say nothing about the person.
    """
    ids = [str(pk) for pk in comments_for(email).values_list("pk", flat=True)]
    count = erase_person(email, user)
    if ids:
        ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Comment), object_id__in=ids).update(
            label=ERASED_LABEL
        )
    return count


def purge(days=None):
    anonymised, deleted = purge_personal_data(retention_days=days)
    return anonymised + deleted


register(
    "consultations",
    export=export,
    erase=erase,
    purge=purge,
    holds=lambda email: comments_for(email).exists(),
)
