"""Volunteering's personal data for the site-wide registry (core/personal_data/registry.py).

Two kinds: residents' interest records (name, email, phone, message, and the group's reply
to them), and the private address a group posts opportunities from.

Erasure: a resident's interest records are deleted. A group's address is emptied from its
opportunities' owner records (the opportunities, the group's public offer, stay; residents
can no longer register interest in them until staff give them a new address) and its
area's sessions end.

Retention (VOLUNTEERING_INTEREST_RETENTION_DAYS, by the daily `purge_personal_data`):
interest records older than that are deleted. By then the two sides have each other's
addresses if they wrote to each other; the site has no further need for the record.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.personal_data.registry import register
from core.site_address import page_url

from . import states
from .group_access import AREA
from .models import InterestRecord, OpportunitySubmission


def iso(value):
    return value.isoformat() if value else None


def interest_for(email):
    return InterestRecord.objects.filter(email__iexact=email)


def submissions_for(email):
    return OpportunitySubmission.objects.filter(group_email__iexact=email)


def export(email):
    records = interest_for(email).select_related("opportunity").order_by("created_at", "pk")
    rows = states.states_for(submissions_for(email).select_related("page").order_by("submitted_at", "pk"))
    return {
        "volunteering_interest": [
            {
                "opportunity": record.opportunity.title,
                "group_name": record.opportunity.group_name,
                "name": record.name,
                "email": record.email,
                "phone": record.phone,
                "message": record.message,
                "registered_at": iso(record.created_at),
                "group_reply": record.reply,
                "replied_at": iso(record.replied_at),
            }
            for record in records
        ],
        "volunteering_opportunities_posted": [
            {
                "reference": submission.reference,
                "title": submission.page.title,
                "group_name": submission.page.group_name,
                "group_email": submission.group_email,
                "state": state,
                "state_label": str(states.LABELS[state]),
                "submitted_at": iso(submission.submitted_at),
                "opportunity_url": page_url(submission.page) if submission.page.live else None,
            }
            for submission, state in rows
        ],
    }


@transaction.atomic
def erase(email, user):
    deleted, _per_model = interest_for(email).delete()
    emptied = submissions_for(email).update(group_email="")
    AREA.forget_sessions(email)
    return deleted + emptied


@transaction.atomic
def purge(days=None, now=None):
    """Delete interest records older than the retention period; safe to run any number of times."""
    days = settings.VOLUNTEERING_INTEREST_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _per_model = InterestRecord.objects.filter(created_at__lte=cutoff).delete()
    return deleted


register(
    "volunteering",
    export=export,
    erase=erase,
    purge=purge,
    holds=lambda email: interest_for(email).exists() or submissions_for(email).exists(),
)
