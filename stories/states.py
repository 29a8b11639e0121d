"""Where a community story stands, read from Wagtail's workflow and the page's live status.

Nothing here is stored: the workflow state, its task states and `live` are the record.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.models import WorkflowState

RECEIVED = "received"
IN_REVIEW = "in_review"
CHANGES_SUGGESTED = "changes_suggested"
PUBLISHED = "published"
DECLINED = "declined"
WITHDRAWN = "withdrawn"

LABELS = {
    RECEIVED: _("Received"),
    IN_REVIEW: _("In review"),
    CHANGES_SUGGESTED: _("Changes suggested: please check them"),
    PUBLISHED: _("Published"),
    DECLINED: _("Declined"),
    WITHDRAWN: _("Consent withdrawn"),
}


def latest_workflow_states(pages):
    """The most recent workflow state of each page, with its current task, in one query."""
    states = (
        WorkflowState.objects.filter(
            base_content_type__app_label="wagtailcore",
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state__task__content_type")
        .order_by("object_id", "-created_at", "-pk")
    )
    latest = {}
    for state in states:
        latest.setdefault(state.object_id, state)
    return latest


def story_state(submission, workflow_state):
    page = submission.page
    if submission.consent_withdrawn_at:
        return WITHDRAWN
    if page.live:
        return PUBLISHED
    if workflow_state is None:
        return RECEIVED
    task_state = workflow_state.current_task_state
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        if task_state and task_state.task.content_type.model == "groupagreementtask":
            return CHANGES_SUGGESTED
        if page.latest_revision_id == submission.submitted_revision_id and task_state and not task_state.comment:
            return RECEIVED
        return IN_REVIEW
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # The group's own comments send the story back to editors; a moderator's rejection declines it.
        if task_state and task_state.task.content_type.model == "groupagreementtask":
            return IN_REVIEW
        return DECLINED
    if workflow_state.status == WorkflowState.STATUS_APPROVED:
        # Approved and scheduled, but not yet live.
        return IN_REVIEW
    # Cancelled by editors, usually to restart the review.
    return IN_REVIEW


def states_for(submissions):
    submissions = list(submissions)
    workflow_states = latest_workflow_states([s.page for s in submissions])
    return [(s, story_state(s, workflow_states.get(str(s.page_id)))) for s in submissions]
