"""A daily quota of files the public may upload, per email address and per client.

The rate limit (ratelimit.py) stops fast floods; this stops someone filling the media store
slowly, one within-limits form at a time, from one address or under many email addresses.

Counters live in the shared cache (Redis in production), so they hold across workers. Keys
are hashes (core.keyed_hash) of the email address and the client address, so the cache never
holds either in clear. A "day" is the calendar day in the site's time zone; the counters
expire a little after it ends.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from core.keyed_hash import keyed_email_hash
from core.public_forms.rate_limits import client_key, count

KEY_LIFETIME_SECONDS = 25 * 60 * 60


@dataclass(frozen=True)
class Reservation:
    keys: tuple
    count: int

    def release(self):
        """Give the files back, when nothing was stored after all (a double submit)."""
        for key in self.keys:
            _add(key, -self.count)


def daily_limit():
    return settings.PUBLIC_UPLOAD_DAILY_LIMIT


def keys_for(request, scope, email):
    day = timezone.localdate().isoformat()
    return (
        f"upload-quota:{scope}:{day}:email:{keyed_email_hash('upload-quota-email', email)}",
        client_key(request, f"upload-quota:{scope}:{day}"),
    )


def _add(key, amount):
    # Atomic in Redis and the local-memory cache, so racing workers cannot both slip under.
    return count(key, amount, KEY_LIFETIME_SECONDS)


def reserve(request, scope, email, count):
    """Count `count` uploads against the sender's email and client for today.

    Returns a Reservation, or None (and counts nothing) when either would go over the limit.
    """
    keys = keys_for(request, scope, email)
    if count <= 0:
        return Reservation(keys=keys, count=0)
    totals = [_add(key, count) for key in keys]
    if max(totals) > daily_limit():
        for key in keys:
            _add(key, -count)
        return None
    return Reservation(keys=keys, count=count)


def remaining(request, scope, email):
    used = max(cache.get(key, 0) for key in keys_for(request, scope, email))
    return max(daily_limit() - used, 0)
