"""Signing community groups in without passwords: one-time links sent to the group's email.

Groups are not admin users. A signed, expiring token proves they can read the mailbox they
gave with their story; the session then remembers the address until they sign out.
"""

from django.urls import reverse

from core.emails import send_receipt
from core.signed_links import SignedLink
from core.site_address import absolute_url

from .models import StorySubmission, UsedSignInLink

SALT = "stories-group-sign-in"
SESSION_KEY = "stories_group_email"
LINK_LIFETIME_SECONDS = 30 * 60
LINK = SignedLink(SALT, LINK_LIFETIME_SECONDS, used_links=UsedSignInLink)


def send_sign_in_link(email, next_url=""):
    """Email a sign-in link, only to an address that sent a story; say nothing either way."""
    if not StorySubmission.objects.filter(contact_email__iexact=email).exists():
        return False
    token = LINK.make({"email": email.lower(), "next": next_url[:200]})
    url = absolute_url(reverse("stories:sign_in_link", args=[token]))
    send_receipt("stories/emails/sign_in_link", {"sign_in_url": url, "minutes": LINK_LIFETIME_SECONDS // 60}, email)
    return True


def use_sign_in_link(token):
    """(email, next) for a valid link used for the first time, else (None, None)."""
    payload = LINK.read(token)
    if payload is None:
        return None, None
    return payload.get("email"), payload.get("next", "")


def sign_in(request, email):
    request.session.cycle_key()  # a fresh session id, so a planted one cannot be reused
    request.session[SESSION_KEY] = email


def sign_out(request):
    request.session.pop(SESSION_KEY, None)


def signed_in_email(request):
    return request.session.get(SESSION_KEY)
