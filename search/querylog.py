"""Counting searches in Wagtail's query log without invalidating the page cache.

Query.get() and Query.add_hit() save models of wagtailsearchpromotions, and the page cache
(core.caching.page_cache) starts a new generation on every save in that app (promotions change what
pages show). A visitor's search must not empty the cache for everyone, so the log is written
with SQL upserts, which send no post_save signal.
"""

from django.db import connection
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string


def log_search(query_string):
    """Count one search for today; return its normalised query string.

    One statement for a query already searched before (the usual case: an upsert of today's
    count), three for a new one; no model is built and no signal is sent.
    """
    normalised = normalise_query_string(query_string)
    with connection.cursor() as cursor:
        if not _count_today(cursor, normalised):
            # New query: create its row (another worker may just have), then count.
            query_table = connection.ops.quote_name(Query._meta.db_table)
            cursor.execute(
                f"INSERT INTO {query_table} (query_string) VALUES (%s) ON CONFLICT (query_string) DO NOTHING",
                [normalised],
            )
            _count_today(cursor, normalised)
    return normalised


def _count_today(cursor, normalised):
    """Add one to today's hits of an existing query (creating today's row); False if the query is new."""
    query_table = connection.ops.quote_name(Query._meta.db_table)
    hits_table = connection.ops.quote_name(QueryDailyHits._meta.db_table)
    # INSERT ... SELECT ... WHERE: SQLite needs the WHERE to read ON CONFLICT as the upsert.
    cursor.execute(
        f"INSERT INTO {hits_table} (query_id, date, hits) SELECT id, %s, 1 FROM {query_table} WHERE query_string = %s"
        f" ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits_table}.hits + 1",
        [timezone.localdate(), normalised],
    )
    return cursor.rowcount > 0


def promotions_for(normalised):
    """Editors' picks for a normalised query string, live pages only, in their order."""
    return (
        SearchPromotion.objects.filter(query__query_string=normalised, page__live=True)
        .select_related("page")
        .order_by("sort_order")
    )
