from django.dispatch import receiver

from wagtail.signals import page_published

from .models import ReviewEditionPage
from .review import freeze


@receiver(page_published, sender=ReviewEditionPage)
def freeze_review_edition_on_first_publication(sender, instance, **kwargs):
    freeze(instance)
