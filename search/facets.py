"""Facet counts for a bounded list of matching pages, in one aggregate query.

The view collects the ranked ids of the matching pages (at most SEARCH_MAX_MATCHES); the theme
and place counts are then one GROUP BY over the links of those ids, whatever their number: no
page object and no link row reaches Python.
"""

from django.db import connection
from django.db.models import F, IntegerField, Value

from consultations.models import ConsultationPage
from core.caching.routing import cached_in_bulk
from pledges.models import PledgePage
from stories.models import StoryPage
from strategy.models import Place, Theme, ThemePage

THEME, PLACE = 1, 2


def _kind(queryset, kind, page, key):
    """(kind, page id, key) rows under the same column names whatever the table, for the union."""
    return queryset.annotate(
        facet_kind=Value(kind, output_field=IntegerField()), facet_page=F(page), facet_key=F(key)
    ).values_list("facet_kind", "facet_page", "facet_key")


def _theme_links(page_ids):
    """Querysets of (kind, page id, theme id), one per way a page can belong to a theme."""
    return [
        _kind(StoryPage.themes.through.objects.filter(storypage_id__in=page_ids), THEME, "storypage_id", "theme_id"),
        _kind(
            ConsultationPage.themes.through.objects.filter(consultationpage_id__in=page_ids),
            THEME,
            "consultationpage_id",
            "theme_id",
        ),
        _kind(PledgePage.objects.filter(pk__in=page_ids, theme__isnull=False), THEME, "pk", "theme_id"),
        _kind(ThemePage.objects.filter(pk__in=page_ids, theme__isnull=False), THEME, "pk", "theme_id"),
    ]


def _place_links(page_ids, kind=PLACE):
    return [
        _kind(StoryPage.objects.filter(pk__in=page_ids, place__isnull=False), kind, "pk", "place_id"),
        _kind(
            ConsultationPage.places.through.objects.filter(consultationpage_id__in=page_ids),
            kind,
            "consultationpage_id",
            "place_id",
        ),
    ]


def _union(querysets):
    first, *rest = querysets
    # UNION (not ALL): a page linked to a theme twice still counts once for it.
    return first.order_by().union(*(qs.order_by() for qs in rest), all=False)


def counts(page_ids):
    """({theme id: pages}, {place id: pages}) for these page ids, in one query."""
    themes, places = {}, {}
    if not page_ids:
        return themes, places
    links = _union(_theme_links(page_ids) + _place_links(page_ids))
    sql, params = links.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT facet_kind, facet_key, COUNT(*) FROM ({sql}) AS links GROUP BY facet_kind, facet_key", params
        )
        for kind, key, n in cursor.fetchall():
            (themes if kind == THEME else places)[key] = n
    return themes, places


def pages_with(name, value, page_ids):
    """The ids among `page_ids` linked to theme or place `value` (name "theme" or "place"), one query."""
    if not page_ids:
        return set()
    links = _theme_links(page_ids) if name == "theme" else _place_links(page_ids)
    key = "theme_id" if name == "theme" else "place_id"
    return {page for _kind, page, _key in _union([qs.filter(**{key: value}) for qs in links])}


def named(model, counts):
    """[(object, count)] sorted by count then name; no query once the vocabulary is cached."""
    if not counts:
        return []
    objects = cached_in_bulk(model)
    rows = [(objects[pk], n) for pk, n in counts.items() if pk in objects]
    return sorted(rows, key=lambda row: (-row[1], str(row[0])))


def theme_counts(counts):
    return named(Theme, counts)


def place_counts(counts):
    return named(Place, counts)
