"""Blocking an abusive email address from every public form.

Addresses are stored as a keyed hash (HMAC with SECRET_KEY) of their normalised form, so
the list can be checked but not read back.
"""

import hashlib
import hmac

from django.conf import settings

from core.models import BlockedEmail


def email_hash(email):
    normalised = (email or "").strip().lower()
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


def is_blocked(email):
    return bool(email) and BlockedEmail.objects.filter(email_hash=email_hash(email)).exists()


def block(email, reason):
    blocked, _ = BlockedEmail.objects.get_or_create(email_hash=email_hash(email), defaults={"reason": reason})
    return blocked
