"""Building following's notification and digest emails: plain text always, HTML beside it.

Every one carries the subscriber's manage link and the RFC 8058 one-click unsubscribe
headers, so a mail program can offer "Unsubscribe" and end everything with one POST.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from core.site_address import absolute_url, site_url

from . import links


def unsubscribe_headers(subscriber):
    return {
        "List-Unsubscribe": f"<{links.unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def build(template_prefix, context, subscriber):
    """One email to one subscriber, in their language, with their own links."""
    with translation.override(subscriber.language):
        context = {
            **context,
            "site_url": site_url(),
            "manage_url": links.manage_url(subscriber),
            "unsubscribe_url": links.unsubscribe_url(subscriber),
        }
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context)
        html = render_to_string(f"{template_prefix}_body.html", context)
        headers = unsubscribe_headers(subscriber)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [subscriber.email], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


def announcement_context(announcement):
    return {
        "title": announcement.title,
        "summary": announcement.summary,
        "url": absolute_url(announcement.url),
        "urgent": announcement.urgent,
    }
