"""A group withdrawing its consent: the story comes down at once and moderators are told."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import WorkflowState

from home.emails import send_templated_email


@transaction.atomic
def withdraw_consent(submission):
    page = submission.page
    submission.consent_withdrawn_at = timezone.now()
    submission.save(update_fields=["consent_withdrawn_at"])
    if page.live:
        page.unpublish(user=None)
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status in (
        WorkflowState.STATUS_IN_PROGRESS,
        WorkflowState.STATUS_NEEDS_CHANGES,
    ):
        workflow_state.cancel(user=None)
    # Scheduled publication must not bring the story back.
    page.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
    log(page, "stories.consent_withdrawn", data={"group": submission.group_name, "reference": submission.reference})
    if settings.MODERATOR_EMAILS:
        send_templated_email(
            "stories/emails/moderators_consent_withdrawn",
            {"submission": submission, "page": page},
            settings.MODERATOR_EMAILS,
        )
