"""Where a group's directory entry stands, read from Wagtail's workflow and the page's live status.

Nothing here is stored: the latest workflow state and `live` are the record.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.models import WorkflowState

IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
LIVE = "live"
LIVE_CHANGES_IN_REVIEW = "live_changes_in_review"
LIVE_CHANGES_REQUESTED = "live_changes_requested"

LABELS = {
    IN_REVIEW: _("In review"),
    CHANGES_REQUESTED: _("Changes requested"),
    LIVE: _("Live"),
    LIVE_CHANGES_IN_REVIEW: _("Live, with changes in review"),
    LIVE_CHANGES_REQUESTED: _("Live, changes requested"),
}

# GOV.UK tag colours, by state.
TAGS = {
    IN_REVIEW: "govuk-tag--blue",
    CHANGES_REQUESTED: "govuk-tag--orange",
    LIVE: "govuk-tag--green",
    LIVE_CHANGES_IN_REVIEW: "govuk-tag--turquoise",
    LIVE_CHANGES_REQUESTED: "govuk-tag--orange",
}

OPEN = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


def latest_workflow_states(page_ids):
    """The most recent workflow state of each page, with its current task state, in one query."""
    states = (
        WorkflowState.objects.filter(
            base_content_type__app_label="wagtailcore", object_id__in=[str(pk) for pk in page_ids]
        )
        .select_related("current_task_state")
        .order_by("object_id", "-created_at", "-pk")
    )
    latest = {}
    for state in states:
        latest.setdefault(state.object_id, state)
    return latest


def entry_state(page, workflow_state):
    status = workflow_state.status if workflow_state is not None else None
    if page.live:
        if status == WorkflowState.STATUS_IN_PROGRESS:
            return LIVE_CHANGES_IN_REVIEW
        if status == WorkflowState.STATUS_NEEDS_CHANGES:
            return LIVE_CHANGES_REQUESTED
        return LIVE
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED
    # In progress, approved for a later go-live date, or cancelled by staff to restart it.
    return IN_REVIEW


def moderators_comment(workflow_state):
    """What the moderator said when asking for changes, for the group to read."""
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return ""
    task_state = workflow_state.current_task_state
    return (task_state.comment if task_state else "") or ""


def states_for(owners):
    """[(owner, state, workflow_state)] for ownership records whose pages are loaded."""
    owners = list(owners)
    latest = latest_workflow_states([owner.page_id for owner in owners])
    rows = []
    for owner in owners:
        workflow_state = latest.get(str(owner.page_id))
        rows.append((owner, entry_state(owner.page, workflow_state), workflow_state))
    return rows
