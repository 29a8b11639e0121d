"""The community group's agreement: private previews of the edited story, and the group's answer."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import TaskState

from core.site_address import absolute_url

from .models import GroupAgreementTask, StoryPreviewLink, StorySubmission
from .tasks import GROUP, queue_submission_email


def submission_for(page):
    return StorySubmission.objects.filter(page_id=page.pk).first()


def start_agreement(task_state):
    """Pass at once when there is nothing to agree to; otherwise send the group a preview."""
    page = task_state.workflow_state.content_object
    submission = submission_for(page)
    if submission is None or task_state.revision_id == submission.submitted_revision_id:
        # The workflow moves on when a task it starts is no longer in progress.
        task_state.status = TaskState.STATUS_APPROVED
        task_state.finished_at = timezone.now()
        task_state.comment = "Nothing changed since the group sent it" if submission else "Not a community story"
        task_state.save()
        return
    send_preview_link(task_state, submission=submission)


def send_preview_link(task_state, user=None, submission=None):
    """A new preview link for the latest revision; older links for this story stop working."""
    page = task_state.workflow_state.content_object
    submission = submission or submission_for(page)
    if submission is None:
        return None
    revision = page.get_latest_revision()
    if task_state.revision_id != revision.pk:
        task_state.revision = revision
        task_state.save(update_fields=["revision"])
    link = StoryPreviewLink.objects.create(submission=submission, revision=revision, task_state=task_state)
    queue_submission_email(
        "preview_ready", submission, GROUP, about=link.pk, preview_link_id=link.pk, preview_url=preview_url(link)
    )
    return link


def preview_url(link):
    return absolute_url(reverse("stories:preview", args=[link.token]))


def open_agreement(submission):
    """The group-agreement task state that waits for this group's answer, if there is one."""
    state = submission.page.current_workflow_task_state
    if state is None or state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    state = state.specific
    return state if isinstance(state.task.specific, GroupAgreementTask) else None


def is_latest(submission, revision):
    return revision.pk == submission.page.latest_revision_id


@transaction.atomic
def record_agreement(submission, revision):
    """Publish exactly `revision`, the version the group was shown, if it is still the latest.

    Moderators may change the story after the preview link was sent; the group then sees
    the latest revision in its area, and its agreement is to that one. The task's revision
    is what Wagtail publishes when the workflow finishes, so it is set to the one shown.
    """
    state = open_agreement(submission)
    if state is None or not is_latest(submission, revision):
        return False
    if state.revision_id != revision.pk:
        state.revision = revision
        state.save(update_fields=["revision"])
    log(submission.page, "stories.group_agreed", data={"group": submission.group_name}, revision=revision)
    # Approving the last task finishes the workflow, which publishes the story (or schedules it).
    state.approve(user=None, comment=f"{submission.group_name} agreed to this version")
    return True


@transaction.atomic
def record_comments(submission, revision, comment):
    state = open_agreement(submission)
    if state is None or not is_latest(submission, revision):
        return False
    state.reject(user=None, comment=comment)
    return True
