"""The relayed emails between residents and groups, sent by the background worker (core/emails.py).

Each task takes an interest record's id and reads it when it runs, so a record deleted
meanwhile (erasure, retention) sends nothing; its key says what it is, so it goes once.
"""

import functools

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from django_tasks import task

from core.emails import once, send_once
from core.site_address import page_url, site_url

from .models import InterestRecord


def group_email_of(record):
    submission = getattr(record.opportunity, "submission", None)
    return submission.group_email if submission is not None else ""


@task(backend=settings.BACKGROUND_TASKS)
def relay_interest(record_id, language):
    """Email the group the resident's first name and message, with a link to reply on the site.

    Never the resident's email address: the group answers through the site.
    """
    from .relay import REPLY_LINK_DAYS, reply_url

    record = InterestRecord.objects.select_related("opportunity__submission").filter(pk=record_id).first()
    if record is None:
        return False
    context = {
        "first_name": record.first_name,
        "message": record.message,
        "phone": record.phone,
        "title": record.opportunity.title,
        "group_name": record.opportunity.group_name,
        "opportunity_url": page_url(record.opportunity),
        "reply_url": reply_url(record),
        "reply_link_days": REPLY_LINK_DAYS,
    }
    return send_once(
        f"volunteering:relay:{record.pk}",
        "volunteering/emails/interest_relayed",
        context,
        [group_email_of(record)],
        language,
    )


def send_with_reply_to(template_prefix, context, to, reply_to):
    context = {"site_url": site_url(), **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, list(to), reply_to=list(reply_to)).send()


@task(backend=settings.BACKGROUND_TASKS)
def send_reply(record_id, language):
    """Email the group's reply to the resident, with the group's address to reply to."""
    record = InterestRecord.objects.select_related("opportunity__submission").filter(pk=record_id).first()
    if record is None or record.replied_at is None:
        return False
    group_email = group_email_of(record)
    if not record.email or not group_email:
        return False
    context = {
        "first_name": record.first_name,
        "reply": record.reply,
        "title": record.opportunity.title,
        "group_name": record.opportunity.group_name,
    }
    with translation.override(language):
        return once(
            f"volunteering:reply:{record.pk}",
            functools.partial(
                send_with_reply_to, "volunteering/emails/group_reply", context, [record.email], [group_email]
            ),
        )
