"""Sending the site's emails from templates, so wording lives with the other templates."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from core.keyed_hash import keyed_email_hash
from core.public_forms.rate_limits import count
from core.site_address import site_url


def send_templated_email(template_prefix, context, to):
    """Render `<prefix>_subject.txt` and `<prefix>_body.txt` and send them to `to` (a list)."""
    context = {"site_url": site_url(), **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, list(to))
    return message.send()


RECEIPT_KEY_LIFETIME_SECONDS = 25 * 60 * 60


def send_receipt(template_prefix, context, email):
    """Send a public form's email to the address someone typed, up to a daily number per address.

    Anyone can type anyone's address into a public form, so without a cap the site could be
    used to fill a stranger's inbox. Counted per recipient per calendar day in the shared
    cache, under a keyed hash of the address (never the address itself). Returns whether
    the email went.
    """

    key = f"receipts:{timezone.localdate().isoformat()}:{keyed_email_hash('receipt-recipient', email)}"
    if count(key, 1, RECEIPT_KEY_LIFETIME_SECONDS) > settings.PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY:
        return False
    return bool(send_templated_email(template_prefix, context, [email]))
