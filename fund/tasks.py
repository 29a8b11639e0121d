"""Emails to community groups about their applications, sent by the background worker.

Each names its application by id and is read when the worker sends it; its key says what it
reports on, so it is never sent twice (core/emails.py).
"""

from django.conf import settings
from django.urls import reverse

from django_tasks import task

from core.emails import send_once
from core.site_address import absolute_url

from .models import Application


@task(backend=settings.BACKGROUND_TASKS)
def email_application_submitted(application_id, language):
    application = Application.objects.select_related("round").filter(pk=application_id).first()
    if application is None or application.submitted_at is None:
        return False
    context = {
        "reference": application.reference,
        "project_title": application.project_title,
        "round_title": application.round.title,
        "decisions_on": application.round.decisions_on,
        "area_url": absolute_url(reverse("fund:mine")),
    }
    # The address as it is when the email goes: one erased meanwhile gets nothing.
    return send_once(
        f"fund:application-submitted:{application.pk}",
        "fund/emails/application_submitted",
        context,
        [application.group_email],
        language,
    )
