"""Counting searches in Wagtail's query log without invalidating the page cache.

Query.get() and Query.add_hit() save models of wagtailsearchpromotions, and the page cache
(home.page_cache) starts a new generation on every save in that app (promotions change what
pages show). A visitor's search must not empty the cache for everyone, so the log is written
with bulk_create/update, which send no post_save signal.
"""

from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string


def log_search(query_string):
    """Count one search for today and return its Query (created when new).

    Two queries for a search made before and already counted today, the usual case.
    """
    normalised = normalise_query_string(query_string)
    query = Query.objects.filter(query_string=normalised).first()
    if query is None:
        Query.objects.bulk_create([Query(query_string=normalised)], ignore_conflicts=True)
        query = Query.objects.get(query_string=normalised)
    today = timezone.localdate()
    if not QueryDailyHits.objects.filter(query=query, date=today).update(hits=F("hits") + 1):
        # First search of the day: create the row (another worker may just have), then count.
        QueryDailyHits.objects.bulk_create([QueryDailyHits(query=query, date=today, hits=0)], ignore_conflicts=True)
        QueryDailyHits.objects.filter(query=query, date=today).update(hits=F("hits") + 1)
    return query
