"""Blocking an abusive email address from every public form.

Addresses are stored as a keyed hash (core.keyed_hash) of their normalised form, so the list
can be checked but not read back.

Rows written before the site had one keyed hash hold a plain HMAC-SHA256 of the address under
SECRET_KEY. The addresses are not stored, so no migration can rehash them: is_blocked accepts
either form, and block() rewrites an old row in the new form when the address is blocked again.
"""

import hashlib
import hmac

from django.conf import settings

from core.keyed_hash import keyed_email_hash
from core.models import BlockedEmail

PURPOSE = "blocked-email"


def normalised(email):
    return (email or "").strip().lower()


def email_hash(email):
    return keyed_email_hash(PURPOSE, email)


def legacy_email_hash(email):
    """The hash rows stored before core.keyed_hash: kept only to recognise those rows."""
    return hmac.new(settings.SECRET_KEY.encode(), normalised(email).encode(), hashlib.sha256).hexdigest()


def is_blocked(email):
    if not email:
        return False
    return BlockedEmail.objects.filter(email_hash__in=[email_hash(email), legacy_email_hash(email)]).exists()


def block(email, reason):
    BlockedEmail.objects.filter(email_hash=legacy_email_hash(email)).update(email_hash=email_hash(email))
    blocked, _ = BlockedEmail.objects.get_or_create(email_hash=email_hash(email), defaults={"reason": reason})
    return blocked
