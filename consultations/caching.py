"""Keeping the shared page cache honest about time.

A consultation changes stage when a clock passes its opening, closing or outcome time,
not when anything is saved, so the page cache's save-driven invalidation cannot see it.
A response rendered shortly before such a moment is not stored at all: nobody is shown
"opens on Monday" on Monday afternoon.
"""

from django.utils import timezone

from core.caching.page_cache import skip_page_cache_before


def next_change(consultations, now):
    moments = [
        moment
        for page in consultations
        for moment in (page.opens_at, page.closes_at, page.outcome_published_at)
        if moment and moment > now
    ]
    return min(moments, default=None)


def skip_cache_near_a_change(request, consultations):
    now = timezone.now()
    skip_page_cache_before(request, [next_change(consultations, now)], now)
