"""The fund's personal data for the site-wide registry (core/personal_data/registry.py).

Two kinds: the email address a community group applies with (with everything the
application holds: its budget and documents), and residents' ballots (email and postcode).

Erasure: an application that was not funded is deleted with its documents' files; a funded
one is the record of public money spent, so it stays but loses the address. A ballot is
deleted with its choices.

Retention (FUND_PERSONAL_DATA_RETENTION_DAYS after a round's decisions, by the daily
`purge_personal_data`): ballots keep their choices (the vote's record) and lose their
address and postcode; applications not funded are deleted with their files, and drafts
never submitted are deleted the same time after they were last saved.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.personal_data.registry import register

from .group_access import AREA
from .models import Application, Ballot, SupportingDocument


def iso(value):
    return value.isoformat() if value else None


def money(value):
    return None if value is None else str(value)


def applications_for(email):
    return Application.objects.filter(group_email__iexact=email)


def ballots_for(email):
    return Ballot.objects.filter(email__iexact=email)


def export(email):
    applications = (
        applications_for(email)
        .select_related("round", "priority", "place")
        .prefetch_related("budget_lines", "documents")
        .order_by("created_at", "pk")
    )
    ballots = ballots_for(email).select_related("round").prefetch_related("choices__project").order_by("created_at")
    return {
        "fund_applications": [
            {
                "reference": application.reference,
                "round": application.round.title,
                "state": application.state,
                "state_label": str(application.get_state_display()),
                "group_email": application.group_email,
                "group_name": application.group_name,
                "organisation_type": application.organisation_type,
                "charity_number": application.charity_number,
                "company_number": application.company_number,
                "project_title": application.project_title,
                "summary": application.summary,
                "priority": application.priority.name if application.priority else None,
                "place": application.place.name if application.place else None,
                "amount_requested": money(application.amount_requested),
                "budget": [
                    {"item": line.item, "amount": money(line.amount)} for line in application.budget_lines.all()
                ],
                "documents": [
                    {"name": document.original_name, "size": document.size, "uploaded_at": iso(document.uploaded_at)}
                    for document in application.documents.all()
                ],
                "declarations": {
                    "information_true": application.declares_information_true,
                    "funds_managed": application.declares_funds_managed,
                    "privacy_notice": application.agrees_privacy_notice,
                },
                "decision_reasons": application.decision_reasons,
                "decided_at": iso(application.decided_at),
                "submitted_at": iso(application.submitted_at),
                "created_at": iso(application.created_at),
            }
            for application in applications
        ],
        "fund_ballots": [
            {
                "round": ballot.round.title,
                "email": ballot.email,
                "postcode": ballot.postcode,
                "confirmed_at": iso(ballot.confirmed_at),
                "created_at": iso(ballot.created_at),
                "choices": [choice.project.title for choice in ballot.choices.all()],
            }
            for ballot in ballots
        ],
    }


def delete_applications(applications):
    """Delete applications with their budget lines, documents and the documents' files; returns how many."""
    applications = list(applications)
    for document in SupportingDocument.objects.filter(application__in=applications):
        document.file.delete(save=False)
    Application.objects.filter(pk__in=[application.pk for application in applications]).delete()
    return len(applications)


@transaction.atomic
def erase(email, user):
    applications = applications_for(email)
    rows = delete_applications(applications.exclude(state=Application.State.FUNDED))
    rows += applications.filter(state=Application.State.FUNDED).update(group_email="")
    deleted, _per_model = ballots_for(email).delete()
    AREA.forget_sessions(email)
    return rows + deleted


@transaction.atomic
def purge(days=None, now=None):
    """Apply the retention period; safe to run any number of times. Returns the rows purged."""
    days = settings.FUND_PERSONAL_DATA_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    rows = (
        Ballot.objects.filter(round__decisions_on__lte=cutoff)
        .exclude(email="", postcode="")
        .update(email="", postcode="")
    )
    decided_unfunded = Application.objects.filter(round__decisions_on__lte=cutoff).exclude(
        state__in=[Application.State.FUNDED, Application.State.DRAFT]
    )
    stale_drafts = Application.objects.filter(state=Application.State.DRAFT, updated_at__lte=cutoff)
    rows += delete_applications(decided_unfunded)
    rows += delete_applications(stale_drafts)
    return rows


register(
    "fund",
    export=export,
    erase=erase,
    purge=purge,
    holds=lambda email: applications_for(email).exists() or ballots_for(email).exists(),
)
