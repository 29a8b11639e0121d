"""Outcome emails go out when an outcome is published, however it is published."""

from wagtail.signals import page_published

from core.emails import enqueue

from .models import ConsultationPage
from .tasks import email_outcomes


def email_outcomes_when_published(sender, instance, **kwargs):
    # An outcome published now goes out at once (admin, scheduled publishing or code); one
    # dated later is sent by the daily send_outcome_emails command. The worker finds the
    # commenters and emails them: the editor's request only queues one task.
    if instance.outcome_is_published:
        enqueue(email_outcomes, instance.pk)


page_published.connect(
    email_outcomes_when_published, sender=ConsultationPage, dispatch_uid="consultation-outcome-emails"
)
