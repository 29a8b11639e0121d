"""Signing community groups in to their directory entries (core/group_area.py says how).

Anyone may ask for a link: a group new to the register signs in to add its first entry. The
sign-in form has the public forms' spam traps and rate limits, and the receipts cap bounds
the emails one address can be sent.
"""

from core.group_area import GroupArea
from core.models import UsedSignedLink

AREA = GroupArea(
    purpose="directory-group-sign-in",
    session_key="directory_group_email",
    link_url_name="directory_groups:sign_in_link",
    email_template="directory/group/emails/sign_in_link",
    used_links=UsedSignedLink,
)
