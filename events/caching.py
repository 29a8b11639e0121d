"""Keeping the shared page cache honest about time.

An event starts and ends when a clock passes its times, not when anything is saved, so the
page cache's save-driven invalidation cannot see it: a listing stored at 9:55 would still
call a 10:00 event upcoming at 10:04. A response rendered shortly before such a moment is
not stored at all (as consultations do for their opening and closing times).
"""

from datetime import timedelta

from django.conf import settings

from core.caching.page_cache import skip_page_cache


def skip_cache_near_a_change(request, moments, now):
    """Store nothing when one of `moments` (start and end times) falls within the cache's lifetime."""
    if request is None:
        return
    lifetime = timedelta(seconds=getattr(settings, "PAGE_CACHE_SECONDS", 0))
    if any(moment is not None and now < moment <= now + lifetime for moment in moments):
        skip_page_cache(request)
