"""Set-up that follows the volunteering listing into the page tree."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from core.staff_roles import apply_staff_roles

from .models import VolunteeringPage


@receiver(post_save, sender=VolunteeringPage)
def attach_review_workflow(sender, instance, created, raw=False, **kwargs):
    """A new volunteering listing gets the review workflow and the moderators' permissions at once."""
    if created and not raw:
        apply_staff_roles()
