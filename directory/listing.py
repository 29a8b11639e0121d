"""The directory's list of entries: search, filters, order and one page of results.

A fixed number of queries whatever the register's size: the filter choices and a search's
ranked matches are kept until the next publication; then one count and one page of entries
(with their type, place and organisation).
"""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import FloatField, Value
from django.utils import translation

from core.caching.routing import cached, public_pages

from .filters import DirectoryFilters, miles
from .models import AssetPage

ENTRIES_PER_PAGE = 20


def live_entries(directory):
    return public_pages(AssetPage.objects.live()).child_of(directory)


def ranked_matches(directory, words):
    """Ids of the entries the words find, best first, at most SEARCH_MAX_MATCHES: kept until the next publication."""
    limit = getattr(settings, "SEARCH_MAX_MATCHES", 500)

    def compute():
        ranked = live_entries(directory).search(words, operator="and")[:limit]
        return list(ranked.get_queryset().values_list("pk", flat=True))

    digest = hashlib.sha256(words.lower().encode()).hexdigest()
    return cached(f"directory-search:{directory.pk}:{digest}", compute)


def for_listing(entries):
    """Everything a result shows, in the same query as the entries."""
    return entries.select_related("asset_type", "place", "organisation")


def directory_results(directory, data, now=None):
    """(filters, page of entries, querystring) for the directory's query string `data`."""
    choices = cached(
        f"directory-filter-choices:{directory.pk}:{translation.get_language()}", DirectoryFilters.choice_lists
    )
    filters = DirectoryFilters(data, choices=choices)
    entries = filters.apply(live_entries(directory), now=now)
    words = filters.words
    page_number = data.get("page")
    if words:
        matched = ranked_matches(directory, words)
        entries = entries.filter(pk__in=matched)
        # Only the best matches are read: say so when there may be more.
        filters.capped = len(matched) >= getattr(settings, "SEARCH_MAX_MATCHES", 500)
    # The order is found over narrow rows (id, and distance when asked), one page of ids is
    # taken, then only those entries are read whole: sorting 5,000 whole rows was the slowest part.
    if filters.centre:
        rows = filters.by_distance(entries).values_list("pk", "distance_squared")
    elif words:
        # Best match first: the search's order, kept among the entries the filters leave.
        kept = set(entries.values_list("pk", flat=True))
        rows = [(pk, None) for pk in matched if pk in kept]
    else:
        rows = entries.order_by("title", "pk").values_list("pk", Value(None, output_field=FloatField()))
    page = Paginator(rows, ENTRIES_PER_PAGE).get_page(page_number)
    distances = dict(page.object_list)
    found = for_listing(AssetPage.objects.filter(pk__in=list(distances))).in_bulk()
    page.object_list = [found[pk] for pk in distances if pk in found]
    for entry in page.object_list:
        entry.miles = miles(distances[entry.pk])
    return filters, page, filters.querystring()
