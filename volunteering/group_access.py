"""Signing community groups in to post volunteering opportunities (core/group_area.py says how).

Any group may offer an opportunity, so a link goes to any address that asks, as the fund's
does; every opportunity is moderated before it is published, the sign-in form has the
public forms' spam traps and rate limits, and the receipts cap bounds the emails.
"""

from core.group_area import GroupArea
from core.models import UsedSignedLink

AREA = GroupArea(
    purpose="volunteering",
    session_key="volunteering_group_email",
    link_url_name="volunteering:sign_in_link",
    email_template="volunteering/emails/sign_in_link",
    used_links=UsedSignedLink,
)
