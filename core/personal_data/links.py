"""Signed, expiring links that prove a resident can read the mailbox whose data they ask for."""

from django.urls import reverse

from core.emails import send_receipt
from core.personal_data.registry import holds_data, normalise
from core.signed_links import SignedLink
from core.site_address import absolute_url

SALT = "home-your-data"
LINK_MAX_AGE_SECONDS = 24 * 60 * 60
# Not single-use: the resident reads, downloads and erases with the same link.
LINK = SignedLink(SALT, LINK_MAX_AGE_SECONDS)


def make_token(email):
    return LINK.make({"email": normalise(email)})


def email_from_token(token):
    """The address a valid, unexpired link was sent to; None otherwise."""
    payload = LINK.read(token)
    return payload.get("email") if payload else None


def send_link(email):
    """Email a link only if we hold something for the address; the caller answers the same either way."""
    if not holds_data(email):
        return False
    url = absolute_url(reverse("personal_data:manage", args=[make_token(email)]))
    send_receipt("core/personal_data/emails/link", {"link_url": url, "hours": LINK_MAX_AGE_SECONDS // 3600}, email)
    return True
