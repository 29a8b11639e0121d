"""Emails that follow workflow decisions on community stories."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import GroupApprovalTask
from wagtail.signals import task_rejected

from core.staff_roles import apply_staff_roles

from .models import GroupAgreementTask, StoryIndexPage, StorySubmission
from .tasks import GROUP, queue_submission_email, queue_to_moderators


@receiver(post_save, sender=StoryIndexPage)
def attach_review_workflow(sender, instance, created, raw=False, **kwargs):
    """A new stories index gets the review workflow and the moderators' permissions at once."""
    if created and not raw:
        apply_staff_roles()


@receiver(task_rejected)
def tell_people_about_rejection(sender, instance, user=None, **kwargs):
    task_state = instance
    workflow_state = task_state.workflow_state
    if workflow_state.base_content_type.app_label != "wagtailcore":
        return
    submission = StorySubmission.objects.filter(page_id=workflow_state.object_id).select_related("page").first()
    if submission is None:
        return
    task = task_state.task.specific
    reason = task_state.comment or ""
    if isinstance(task, GroupAgreementTask):
        # The group answered a preview with comments: editors need to see them.
        queue_to_moderators("moderators_group_comments", submission, about=task_state.pk, reason=reason)
    elif isinstance(task, GroupApprovalTask):
        queue_submission_email("story_declined", submission, GROUP, about=task_state.pk, reason=reason)
