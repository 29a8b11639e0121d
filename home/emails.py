"""Sending the site's emails from templates, so wording lives with the other templates."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .site_address import site_url


def send_templated_email(template_prefix, context, to):
    """Render `<prefix>_subject.txt` and `<prefix>_body.txt` and send them to `to` (a list)."""
    context = {"site_url": site_url(), **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, list(to))
    return message.send()
