"""Outcome emails go out when an outcome is published, however it is published."""

from wagtail.signals import page_published

from .models import ConsultationPage
from .outcomes import send_outcome_emails


def email_outcomes_when_published(sender, instance, **kwargs):
    # An outcome published now goes out at once (admin, scheduled publishing or code); one
    # dated later is sent by the daily send_outcome_emails command.
    if instance.outcome_is_published:
        send_outcome_emails(instance)


page_published.connect(
    email_outcomes_when_published, sender=ConsultationPage, dispatch_uid="consultation-outcome-emails"
)
