"""Signing community groups in to their fund applications (core/group_area.py says how).

Anyone may start an application, so a link goes to any address that asks; the sign-in form
has the public forms' spam traps and rate limits, and the receipts cap bounds the emails.
"""

from core.group_area import GroupArea
from core.models import UsedSignedLink

AREA = GroupArea(
    purpose="fund-group-sign-in",
    session_key="fund_group_email",
    link_url_name="fund:sign_in_link",
    email_template="fund/emails/sign_in_link",
    used_links=UsedSignedLink,
)
