"""Counting searches in Wagtail's query log without invalidating the page cache.

Query.get() and Query.add_hit() save models of wagtailsearchpromotions, and the page cache
(core.caching.page_cache) starts a new generation on every save in that app (promotions change what
pages show). A visitor's search must not empty the cache for everyone, so the log is written
with bulk_create/update, which send no post_save signal.
"""

from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string


def log_search(query_string):
    """Count one search for today; return its normalised query string.

    One query for a search made before and already counted today, the usual case.
    """
    normalised = normalise_query_string(query_string)
    today = timezone.localdate()
    counted_today = QueryDailyHits.objects.filter(query__query_string=normalised, date=today)
    if not counted_today.update(hits=F("hits") + 1):
        # New query, or its first search today: create the rows (another worker may just
        # have), then count.
        Query.objects.bulk_create([Query(query_string=normalised)], ignore_conflicts=True)
        query = Query.objects.get(query_string=normalised)
        QueryDailyHits.objects.bulk_create([QueryDailyHits(query=query, date=today, hits=0)], ignore_conflicts=True)
        counted_today.update(hits=F("hits") + 1)
    return normalised


def promotions_for(normalised):
    """Editors' picks for a normalised query string, live pages only, in their order."""
    return (
        SearchPromotion.objects.filter(query__query_string=normalised, page__live=True)
        .select_related("page")
        .order_by("sort_order")
    )
