"""Community groups' ownership of directory entries as a source of personal data (core/personal_data/).

What is held about a group's address is the ownership record: the address itself, the group's
name and which entries it keeps. The entries are the organisations' public information, so
erasure keeps a live entry (staff manage it from then on) and removes only who owned it; an
entry that never went live is the group's own unpublished words, so it goes with the draft's
revisions and workflow history. Either way the group's sessions end.

Retention: an entry a moderator sent back that never went live, untouched for the retention
period, is deleted with its ownership record (DIRECTORY_GROUP_RETENTION_DAYS, default 365).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
from wagtail.search.backends import get_search_backends

from core.personal_data.registry import register
from core.site_address import page_url

from . import group_states
from .group_access import AREA
from .group_models import DirectoryEntryOwner

ERASED_LABEL = "Directory entry draft erased on request"
DEFAULT_RETENTION_DAYS = 365


def owners_for(email):
    return DirectoryEntryOwner.objects.filter(group_email__iexact=email).select_related("page")


def iso(value):
    return value.isoformat() if value else None


def export(email):
    rows = group_states.states_for(owners_for(email).order_by("created_at", "pk"))
    return {
        "directory_entries": [
            {
                "reference": owner.reference,
                "title": owner.page.draft_title,
                "state": state,
                "state_label": str(group_states.LABELS[state]),
                "group_name": owner.group_name,
                "group_email": owner.group_email,
                "added_at": iso(owner.created_at),
                "entry_url": page_url(owner.page) if owner.page.live else None,
            }
            for owner, state, _workflow_state in rows
        ]
    }


def delete_drafts(pages):
    """Delete never-published entries with their revisions, workflow history and search entries."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = [str(page.pk) for page in pages]
    for page in pages:
        for backend in get_search_backends(with_auto_update=False):
            backend.delete(page)
        page.delete()
    Revision.objects.filter(base_content_type=page_type, object_id__in=page_ids).delete()
    WorkflowState.objects.filter(base_content_type=page_type, object_id__in=page_ids).delete()
    # The audit trail keeps that these things happened, not what the draft said or who sent it.
    return PageLogEntry.objects.filter(page_id__in=[int(pk) for pk in page_ids]).update(
        label=ERASED_LABEL, data={}, revision=None
    )


@transaction.atomic
def erase(email, user):
    owners = list(owners_for(email))
    drafts = [owner.page for owner in owners if owner.page.first_published_at is None]
    rows = len(owners)
    DirectoryEntryOwner.objects.filter(pk__in=[owner.pk for owner in owners]).delete()
    if drafts:
        rows += delete_drafts(drafts)
    AREA.forget_sessions(email)
    return rows


def sent_back_and_untouched_before(cutoff):
    """Ownership records of entries never live whose review a moderator sent back before `cutoff`."""
    candidates = list(DirectoryEntryOwner.objects.filter(page__first_published_at__isnull=True).select_related("page"))
    latest = group_states.latest_workflow_states([owner.page_id for owner in candidates])
    due = []
    for owner in candidates:
        workflow_state = latest.get(str(owner.page_id))
        if group_states.entry_state(owner.page, workflow_state) != group_states.CHANGES_REQUESTED:
            continue
        task_state = workflow_state.current_task_state
        if task_state and task_state.finished_at and task_state.finished_at <= cutoff:
            due.append(owner)
    return due


@transaction.atomic
def purge(days=None, now=None):
    """Delete entries sent back for changes and never live, untouched for the retention period. Idempotent."""
    if days is None:
        days = getattr(settings, "DIRECTORY_GROUP_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    cutoff = (now or timezone.now()) - timedelta(days=days)
    due = sent_back_and_untouched_before(cutoff)
    for owner in due:
        AREA.forget_sessions(owner.group_email)
    if due:
        pages = [owner.page for owner in due]
        DirectoryEntryOwner.objects.filter(pk__in=[owner.pk for owner in due]).delete()
        delete_drafts(pages)
    return len(due)


register(
    "directory_groups",
    export=export,
    erase=erase,
    purge=purge,
    holds=lambda email: DirectoryEntryOwner.objects.filter(group_email__iexact=email).exists(),
)
