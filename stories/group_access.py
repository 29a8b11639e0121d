"""Signing community groups in to their stories without passwords (core/group_area.py says how).

A link goes only to an address that sent a story; the sign-in page says the same either way.
"""

from core.group_area import LINK_LIFETIME_SECONDS, GroupArea

from .models import StorySubmission, UsedSignInLink

SALT = "stories-group-sign-in"
SESSION_KEY = "stories_group_email"


def sent_a_story(email):
    return StorySubmission.objects.filter(contact_email__iexact=email).exists()


AREA = GroupArea(
    purpose=SALT,
    session_key=SESSION_KEY,
    link_url_name="stories:sign_in_link",
    email_template="stories/emails/sign_in_link",
    used_links=UsedSignInLink,
    may_get_link=sent_a_story,
)
LINK = AREA.link

send_sign_in_link = AREA.send_sign_in_link
use_sign_in_link = AREA.use_sign_in_link
sign_in = AREA.sign_in
sign_out = AREA.sign_out
signed_in_email = AREA.signed_in_email

__all__ = [
    "LINK",
    "LINK_LIFETIME_SECONDS",
    "SALT",
    "SESSION_KEY",
    "send_sign_in_link",
    "sign_in",
    "sign_out",
    "signed_in_email",
    "use_sign_in_link",
]
