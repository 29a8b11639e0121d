"""Set-up that follows the volunteering listing into the page tree; the email that follows a decline."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse

from wagtail.signals import task_rejected

from core.emails import queue_email
from core.site_address import absolute_url
from core.staff_roles import apply_staff_roles

from .models import OpportunitySubmission, VolunteeringPage


@receiver(post_save, sender=VolunteeringPage)
def attach_review_workflow(sender, instance, created, raw=False, **kwargs):
    """A new volunteering listing gets the review workflow and the moderators' permissions at once."""
    if created and not raw:
        apply_staff_roles()


@receiver(task_rejected)
def tell_the_group_about_a_rejection(sender, instance, user=None, **kwargs):
    """A moderator declined a group's opportunity: the group hears why, by email, once."""
    task_state = instance
    workflow_state = task_state.workflow_state
    if workflow_state.base_content_type.app_label != "wagtailcore":
        return
    submission = OpportunitySubmission.objects.filter(page_id=workflow_state.object_id).select_related("page").first()
    if submission is None or not submission.group_email:
        return
    queue_email(
        "volunteering/emails/opportunity_declined",
        {
            "title": submission.page.draft_title,
            "reference": submission.reference,
            "reason": task_state.comment or "",
            "area_url": absolute_url(reverse("volunteering:mine")),
        },
        [submission.group_email],
        key=f"volunteering:declined:{task_state.pk}",
    )
