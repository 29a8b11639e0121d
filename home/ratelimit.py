"""Per-client rate limits for public forms, kept in the shared cache.

The client is home.client_address.client_address: REMOTE_ADDR, or behind proxies the
operator trusts (TRUSTED_PROXY_COUNT, TRUSTED_PROXIES) the address they saw. A forged
X-Forwarded-For from anyone else changes nothing.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from .client_address import client_address


def client_key(request, scope):
    address = client_address(request)
    # Hash so that cache keys never hold residents' IP addresses in clear.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def hit(request, scope, limit=None, window=None):
    """Count one use of `scope` by this client; True when it is over the limit."""
    limit = limit or settings.PUBLIC_FORM_RATE_LIMIT
    window = window or settings.PUBLIC_FORM_RATE_WINDOW
    key = client_key(request, scope)
    # add() is atomic: only the first request in a window creates the counter.
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def too_many_requests(request, typed=None, window=None):
    window = window or settings.PUBLIC_FORM_RATE_WINDOW
    response = TemplateResponse(
        request, "429.html", {"typed": typed or [], "retry_minutes": max(1, window // 60)}, status=429
    )
    response["Retry-After"] = str(window)
    return response
