"""What follows a moderator's decision on a group's entry, and the workflow's set-up.

Imported by DirectoryConfig.ready().
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import GroupApprovalTask
from wagtail.signals import task_rejected, workflow_approved

from core.staff_roles import apply_staff_roles

from .group_models import DirectoryEntryOwner
from .group_tasks import GROUP, queue_entry_email
from .group_workflow import WORKFLOW_NAME
from .models import DirectoryPage


@receiver(post_save, sender=DirectoryPage)
def attach_moderation_workflow(sender, instance, created, raw=False, **kwargs):
    """A new directory gets the moderation workflow and the moderators' permissions at once."""
    if created and not raw:
        apply_staff_roles()


def owner_of(workflow_state):
    if workflow_state.base_content_type.app_label != "wagtailcore" or workflow_state.workflow.name != WORKFLOW_NAME:
        return None
    return DirectoryEntryOwner.objects.filter(page_id=workflow_state.object_id).select_related("page").first()


@receiver(task_rejected)
def tell_the_group_about_changes_requested(sender, instance, user=None, **kwargs):
    task_state = instance
    owner = owner_of(task_state.workflow_state)
    if owner is None or not isinstance(task_state.task.specific, GroupApprovalTask):
        return
    queue_entry_email("changes_requested", owner, GROUP, about=task_state.pk, reason=task_state.comment or "")


@receiver(workflow_approved)
def tell_the_group_it_is_live(sender, instance, user=None, **kwargs):
    owner = owner_of(instance)
    if owner is None:
        return
    queue_entry_email("entry_approved", owner, GROUP, about=instance.pk)
