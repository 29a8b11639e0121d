"""Facet counts for a set of matching pages, in a handful of aggregate queries.

The view collects the matching page ids once; each facet is then one GROUP BY over those ids,
so the cost does not grow with the number of results shown.
"""

from consultations.models import ConsultationPage
from core.caching.routing import cached_in_bulk
from pledges.models import PledgePage
from stories.models import StoryPage
from strategy.models import Place, Theme, ThemePage


def _theme_links(page_ids):
    """Querysets of (page id, theme id) pairs, one per way a page can belong to a theme."""
    return [
        StoryPage.themes.through.objects.filter(storypage_id__in=page_ids).values_list("storypage_id", "theme_id"),
        ConsultationPage.themes.through.objects.filter(consultationpage_id__in=page_ids).values_list(
            "consultationpage_id", "theme_id"
        ),
        PledgePage.objects.filter(pk__in=page_ids).values_list("pk", "theme_id"),
        ThemePage.objects.filter(pk__in=page_ids).values_list("pk", "theme_id"),
    ]


def _place_links(page_ids):
    return [
        StoryPage.objects.filter(pk__in=page_ids, place__isnull=False).values_list("pk", "place_id"),
        ConsultationPage.places.through.objects.filter(consultationpage_id__in=page_ids).values_list(
            "consultationpage_id", "place_id"
        ),
    ]


def _union(querysets):
    first, *rest = querysets
    return list(first.order_by().union(*(qs.order_by() for qs in rest), all=False))


def theme_and_place_links(page_ids):
    """({page id: {theme ids}}, {page id: {place ids}}) in two queries."""
    themes, places = {}, {}
    if not page_ids:
        return themes, places
    for page_id, theme_id in _union(_theme_links(page_ids)):
        themes.setdefault(page_id, set()).add(theme_id)
    for page_id, place_id in _union(_place_links(page_ids)):
        places.setdefault(page_id, set()).add(place_id)
    return themes, places


def count_by(links, page_ids):
    counts = {}
    for page_id in page_ids:
        for key in links.get(page_id, ()):
            counts[key] = counts.get(key, 0) + 1
    return counts


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
