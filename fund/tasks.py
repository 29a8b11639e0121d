"""Emails to community groups about their applications, sent by the background worker.

Each names its application by id and is read when the worker sends it; its key says what it
reports on, so it is never sent twice (core/emails.py).
"""

from django.conf import settings
from django.urls import reverse

from wagtail.log_actions import log

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


@task(backend=settings.BACKGROUND_TASKS)
def email_decision(application_id, language):
    """Tell the group a decision on its application, with the reasons: once per decision."""
    from .decisions import DECISION_EMAIL_ACTION, NOTIFIED_STATES

    application = Application.objects.select_related("round").filter(pk=application_id).first()
    if application is None or application.state not in NOTIFIED_STATES:
        return False
    context = {
        "reference": application.reference,
        "project_title": application.project_title or application.group_name,
        "round_title": application.round.title,
        "state": application.state,
        "reasons": application.decision_reasons,
        "area_url": absolute_url(reverse("fund:mine")),
    }
    sent = send_once(
        f"fund:decision:{application.pk}:{application.state}",
        "fund/emails/decision",
        context,
        [application.group_email],
        language,
    )
    if sent:
        log(application, DECISION_EMAIL_ACTION, data={"decision": application.state})
    return sent
