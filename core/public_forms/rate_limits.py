"""Per-client rate limits for public forms, kept in the shared cache.

The client is core.client_address.client_address: REMOTE_ADDR, or behind proxies the
operator trusts (TRUSTED_PROXY_COUNT, TRUSTED_PROXIES) the address they saw. A forged
X-Forwarded-For from anyone else changes nothing.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from core.client_address import client_address
from core.keyed_hash import keyed_hash


def client_key(request, scope):
    address = client_address(request)
    # Hash so that cache keys never hold residents' IP addresses in clear.
    return f"ratelimit:{scope}:{keyed_hash('rate-limit-client', address)}"


def count(key, amount, window):
    """Add `amount` to a counter that lives `window` seconds from its first use; the new total."""
    # add() is atomic: only the first request in a window creates the counter.
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key, amount)
    except ValueError:  # expired between add and incr
        cache.set(key, max(amount, 0), timeout=window)
        return max(amount, 0)


def hit(request, scope, limit=None, window=None):
    """Count one use of `scope` by this client; True when it is over the limit."""
    limit = limit or settings.PUBLIC_FORM_RATE_LIMIT
    window = window or settings.PUBLIC_FORM_RATE_WINDOW
    return count(client_key(request, scope), 1, window) > limit


class Attempt:
    """One submission of a public form, counted as accepted unless it turns out to fail.

    Accepted submissions count toward PUBLIC_FORM_RATE_LIMIT; refused ones (a mistake in
    the form, a closed consultation) toward the more generous PUBLIC_FORM_FAILED_RATE_LIMIT,
    so a resident who mistypes, or a library where many people share one address, is not
    locked out by errors while a bot sending junk still is.
    """

    def __init__(self, request, scope):
        self.accepted_key = client_key(request, scope)
        self.failed_key = client_key(request, f"{scope}:failed")
        self.window = settings.PUBLIC_FORM_RATE_WINDOW

    def start(self):
        """Reserve a place among the accepted ones; False (nothing counted) when over a limit."""
        if (cache.get(self.failed_key) or 0) >= settings.PUBLIC_FORM_FAILED_RATE_LIMIT:
            return False
        # Reserve first and give back when over, so racing requests cannot all slip under.
        if count(self.accepted_key, 1, self.window) > settings.PUBLIC_FORM_RATE_LIMIT:
            count(self.accepted_key, -1, self.window)
            return False
        return True

    def failed(self):
        """The submission was not accepted: move it from the accepted count to the failed one."""
        count(self.accepted_key, -1, self.window)
        count(self.failed_key, 1, self.window)


def attempt(request, scope):
    """Start counting a submission; None when this client is over either limit."""
    submission = Attempt(request, scope)
    return submission if submission.start() else None


def too_many_requests(request, typed=None, window=None):
    window = window or settings.PUBLIC_FORM_RATE_WINDOW
    response = TemplateResponse(
        request, "429.html", {"typed": typed or [], "retry_minutes": max(1, window // 60)}, status=429
    )
    response["Retry-After"] = str(window)
    return response
