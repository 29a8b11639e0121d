"""Where a group's opportunity stands, read from Wagtail's workflow, the page's live status and expiry.

Nothing here is stored: the workflow state, its task state, `live` and `expire_at` are the record.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import WorkflowState

RECEIVED = "received"
IN_REVIEW = "in_review"
PUBLISHED = "published"
DECLINED = "declined"
CLOSED = "closed"

LABELS = {
    RECEIVED: _("Waiting for review"),
    IN_REVIEW: _("In review"),
    PUBLISHED: _("Published"),
    DECLINED: _("Declined"),
    CLOSED: _("Closed"),
}

TAGS = {
    RECEIVED: "govuk-tag--blue",
    IN_REVIEW: "govuk-tag--yellow",
    PUBLISHED: "govuk-tag--green",
    DECLINED: "govuk-tag--red",
    CLOSED: "govuk-tag--grey",
}


def latest_workflow_states(pages):
    """The most recent workflow state of each page, with its current task, in one query."""
    states = (
        WorkflowState.objects.filter(
            base_content_type__app_label="wagtailcore",
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state")
        .order_by("object_id", "-created_at", "-pk")
    )
    latest = {}
    for state in states:
        latest.setdefault(state.object_id, state)
    return latest


def opportunity_state(page, workflow_state, now=None):
    if page.expire_at and page.expire_at <= (now or timezone.now()):
        return CLOSED
    if page.live:
        return PUBLISHED
    if workflow_state is None:
        return RECEIVED
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return DECLINED
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return RECEIVED
    # Approved but scheduled, or cancelled by editors to restart the review.
    return IN_REVIEW


def states_for(submissions):
    """[(submission, state)] for submissions with their pages selected."""
    submissions = list(submissions)
    workflow_states = latest_workflow_states([s.page for s in submissions])
    now = timezone.now()
    return [(s, opportunity_state(s.page, workflow_states.get(str(s.page_id)), now)) for s in submissions]
