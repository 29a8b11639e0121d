"""Signing community groups in without passwords: one-time links sent to the group's email.

Groups are not admin users. A signed, expiring token proves they can read the mailbox they
gave with their story; the session then remembers the address until they sign out.
"""

import hashlib
import secrets

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from core.emails import send_receipt
from core.site_address import absolute_url

from .models import StorySubmission, UsedSignInLink

SALT = "stories-group-sign-in"
SESSION_KEY = "stories_group_email"
LINK_LIFETIME_SECONDS = 30 * 60


def send_sign_in_link(email, next_url=""):
    """Email a sign-in link, only to an address that sent a story; say nothing either way."""
    if not StorySubmission.objects.filter(contact_email__iexact=email).exists():
        return False
    token = signing.TimestampSigner(salt=SALT).sign_object(
        {"email": email.lower(), "nonce": secrets.token_hex(8), "next": next_url[:200]}
    )
    url = absolute_url(reverse("stories:sign_in_link", args=[token]))
    send_receipt("stories/emails/sign_in_link", {"sign_in_url": url, "minutes": LINK_LIFETIME_SECONDS // 60}, email)
    return True


def use_sign_in_link(token):
    """(email, next) for a valid link used for the first time, else (None, None)."""
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=LINK_LIFETIME_SECONDS)
    except signing.BadSignature:  # includes SignatureExpired
        return None, None
    digest = hashlib.sha256(token.encode()).hexdigest()
    try:
        with transaction.atomic():
            UsedSignInLink.objects.create(digest=digest)
    except IntegrityError:
        return None, None
    return payload.get("email"), payload.get("next", "")


def sign_in(request, email):
    request.session.cycle_key()  # a fresh session id, so a planted one cannot be reused
    request.session[SESSION_KEY] = email


def sign_out(request):
    request.session.pop(SESSION_KEY, None)


def signed_in_email(request):
    return request.session.get(SESSION_KEY)
