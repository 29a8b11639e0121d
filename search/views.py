"""Site search: ranked full-text results, facets with counts, promotions and a query log."""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from core.caching.page_cache import skip_page_cache
from core.caching.routing import active_locale_id, cached, public_pages

from . import facets, labels
from .models import NoResultQuery
from .query import MAX_QUERY_LENGTH, clean_query, has_searchable_words, search_terms
from .querylog import log_search, promotions_for
from .results import Result

PER_PAGE = 10


def max_matches():
    """How many of the best-ranked matches a search lists and counts in its facets.

    Beyond this many, a reader refines the query (the page says the list is capped). The bound
    keeps a new query's cost flat however many pages match it.
    """
    return getattr(settings, "SEARCH_MAX_MATCHES", 500)


def _int_param(request, name):
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _matches(query):
    """(page id, content type id) of the best live public pages in the visitor's language, best first.

    The backend's ranked queryset (title above body, stemmed) is read as id pairs, bounded by
    max_matches(): one query, and no page object is built for a match.
    """
    pages = public_pages(Page.objects.live().filter(locale_id=active_locale_id()))
    ranked = pages.search(search_terms(query), operator="and")[: max_matches()]
    return list(ranked.get_queryset().values_list("pk", "content_type_id"))


def _matches_and_counts(query):
    """(_matches, {theme id: pages}, {place id: pages}), kept until the next publication.

    The same words find the same pages until something is published (which also updates the
    search index), so the ranking and the facet counts are computed once per generation: two
    queries for a new query, whatever the number of matches.
    """

    def compute():
        matches = _matches(query)
        return (matches, *facets.counts([pk for pk, _ in matches]))

    digest = hashlib.sha256(query.encode()).hexdigest()
    return cached(f"search:{active_locale_id()}:{digest}", compute)


def _specific_in_order(ids, types):
    """The pages with these ids as their specific classes, one query per page type shown."""
    by_type = {}
    for pk in ids:
        by_type.setdefault(types[pk], []).append(pk)
    pages = {}
    for ct_id, type_ids in by_type.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        pages.update(model.objects.in_bulk(type_ids))
    return [pages[pk] for pk in ids if pk in pages]


def search(request):
    query, too_long = clean_query(request.GET.get("q", ""))
    selected = {name: _int_param(request, name) for name in ("type", "theme", "place")}
    context = {"query": query, "too_long": too_long, "max_length": MAX_QUERY_LENGTH, "selected": selected}
    if not query or too_long or not has_searchable_words(query):
        context["unsearchable"] = bool(query) and not too_long
        return TemplateResponse(request, "search/search.html", context)

    # Each search is logged for the report, so it must reach the view, not the page cache.
    skip_page_cache(request)
    matches, theme_counts, place_counts = _matches_and_counts(query)
    ids = [pk for pk, _ in matches]
    types = dict(matches)
    shown = [pk for pk in ids if selected["type"] is None or types[pk] == selected["type"]]
    for name in ("theme", "place"):
        if selected[name] is not None and shown:
            linked = facets.pages_with(name, selected[name], shown)
            shown = [pk for pk in shown if pk in linked]
    paginator = Paginator(shown, PER_PAGE)
    page_of_ids = paginator.get_page(request.GET.get("page"))
    page_of_ids.object_list = [
        Result(p, query, request) for p in _specific_in_order(list(page_of_ids.object_list), types)
    ]

    promoted = []
    if page_of_ids.number == 1 and not any(selected.values()):
        logged = log_search(query)
        if not ids:
            NoResultQuery.record(Query.objects.get(query_string=logged))
        promoted = [pick for pick in promotions_for(logged) if pick.page.locale_id == active_locale_id()]

    type_counts = {}
    for pk in ids:
        type_counts[types[pk]] = type_counts.get(types[pk], 0) + 1
    context.update(
        results=page_of_ids,
        total=len(ids),
        capped=len(ids) >= max_matches(),
        promoted=promoted,
        type_facets=[(labels.type_facet(ct), n) for ct, n in sorted(type_counts.items(), key=lambda r: -r[1])],
        theme_facets=facets.theme_counts(theme_counts),
        place_facets=facets.place_counts(place_counts),
    )
    return TemplateResponse(request, "search/search.html", context)
