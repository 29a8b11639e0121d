"""The accountability dashboard: pledges with their derived status, filters and roll-ups.

Every number comes from one listing query (status and last update date are annotated as
subqueries of the latest published update), so the page costs the same few queries for
ten pledges or two hundred.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from core.caching.routing import cached, public_pages
from strategy.models import Workstream

from .models import PledgeIndexPage, PledgePage, PledgeUpdate, ReviewIndexPage
from .status import Status, status_label

# A pledge with no update for this long is flagged as stale on the dashboard.
STALE_AFTER = timedelta(days=365)


def with_derived_status(pledges):
    """Annotate `derived_status` and `derived_updated` from each pledge's latest update."""

    latest = PledgeUpdate.objects.filter(pledge=OuterRef("pk")).order_by("-date", "-sort_order", "-pk")
    return pledges.annotate(
        derived_status=Coalesce(Subquery(latest.values("status")[:1]), Value(Status.NOT_STARTED.value)),
        derived_updated=Subquery(latest.values("date")[:1]),
    )


def published_pledges(index, with_workstreams=True):
    pledges = public_pages(PledgePage.objects.live().descendant_of(index).select_related("theme"))
    if with_workstreams:
        pledges = pledges.prefetch_related("workstreams")
    return with_derived_status(pledges).order_by("theme__sort_order", "theme__name", "title")


@dataclass
class StatusCount:
    status: str
    label: str
    count: int
    percent: int


@dataclass
class Rollup:
    """The share of a group's pledges in each status, and how many are achieved or on track."""

    total: int = 0
    counts: list = field(default_factory=list)
    progress_percent: int = 0

    @classmethod
    def of(cls, pledges):
        tally = dict.fromkeys(Status.values, 0)
        for pledge in pledges:
            tally[pledge.derived_status] = tally.get(pledge.derived_status, 0) + 1
        return cls.from_counts(tally)

    @classmethod
    def from_counts(cls, tally):
        tally = {status: tally.get(status) or 0 for status in Status.values}
        total = sum(tally.values())
        counts = [
            StatusCount(status, Status(status).label, tally[status], round(tally[status] * 100 / total) if total else 0)
            for status in Status.values
        ]
        good = tally[Status.ACHIEVED] + tally[Status.ON_TRACK]
        return cls(total=total, counts=counts, progress_percent=round(good * 100 / total) if total else 0)


def filter_pledges(pledges, params):
    """Apply the dashboard's GET filters to a list; unknown values are ignored rather than erroring.

    The dashboard filters in memory: it needs every pledge anyway for its filter choices.
    """
    theme = params.get("theme", "").strip()
    status = params.get("status", "").strip()
    lead = params.get("lead", "").strip()
    return [
        pledge
        for pledge in pledges
        if (not theme or pledge.theme.slug == theme)
        and (status not in Status.values or pledge.derived_status == status)
        and (not lead or pledge.lead == lead)
    ]


def page_links(index, theme_ids, request):
    """Theme pages by theme id, and the review index, in one query."""

    pages = (
        Page.objects.live()
        .filter(
            Q(themepage__theme_id__in=theme_ids)
            | Q(content_type=ContentType.objects.get_for_model(ReviewIndexPage), path__startswith=index.path)
        )
        .annotate(linked_theme_id=F("themepage__theme_id"))
    )
    theme_urls, review_index = {}, None
    for page in pages:
        if page.linked_theme_id:
            theme_urls[page.linked_theme_id] = page.get_url(request)
        else:
            review_index = page
    return theme_urls, review_index


def is_stale(pledge, today=None):
    today = today or timezone.localdate()
    return pledge.derived_status not in (Status.ACHIEVED, Status.WITHDRAWN) and (
        pledge.derived_updated is None or pledge.derived_updated < today - STALE_AFTER
    )


def dashboard_context(index, request):
    from .exports import EXPORT_COLUMNS  # exports.py imports this module (published_pledges)

    all_pledges = list(published_pledges(index))
    pledges = filter_pledges(all_pledges, request.GET)
    today = timezone.localdate()
    for pledge in pledges:
        pledge.is_stale = is_stale(pledge, today)
        pledge.status_label = status_label(pledge.derived_status)

    themes, by_theme = [], {}
    for pledge in pledges:
        if pledge.theme_id not in by_theme:
            by_theme[pledge.theme_id] = {"theme": pledge.theme, "pledges": []}
            themes.append(by_theme[pledge.theme_id])
        by_theme[pledge.theme_id]["pledges"].append(pledge)
    theme_urls, review_index = page_links(index, {pledge.theme_id for pledge in all_pledges}, request)
    for group in themes:
        group["rollup"] = Rollup.of(group["pledges"])
        group["url"] = theme_urls.get(group["theme"].pk)

    overall = Rollup.of(pledges)
    selected = {key: request.GET.get(key, "").strip() for key in ("theme", "status", "lead")}
    workstream_rollups = workstream_progress(pledges, selected["theme"])
    # Filter choices come from the pledges themselves: a theme or lead with no pledge is no use.
    filter_themes = {pledge.theme_id: pledge.theme for pledge in all_pledges}.values()
    return {
        "theme_groups": themes,
        "workstream_rollups": workstream_rollups,
        "overall": overall,
        "status_table": status_table(themes, overall),
        "pledge_count": len(pledges),
        "stale_count": sum(1 for pledge in pledges if pledge.is_stale),
        "filter_themes": sorted(filter_themes, key=lambda theme: (theme.sort_order, theme.name)),
        "filter_statuses": Status.choices,
        "filter_leads": sorted({pledge.lead for pledge in all_pledges}),
        "selected": selected,
        "is_filtered": any(selected.values()),
        "stale_after_months": 12,
        "export_columns": EXPORT_COLUMNS,
        "review_index": review_index,
    }


def status_table(theme_groups, overall):
    """The summary's counts: a row per status, a column per theme and one for them all.

    Its size is fixed by the statuses and themes, however many pledges there are.
    """
    return [
        {
            "status": item.status,
            "label": item.label,
            "cells": [(group["theme"], group["rollup"].counts[row].count) for group in theme_groups],
            "total": item.count,
        }
        for row, item in enumerate(overall.counts)
    ]


def workstream_progress(pledges, theme_slug=""):
    """Each workstream (of the chosen theme, or all) with the roll-up of its pledges.

    Every workstream is listed, those no pledge serves yet too: the strategy promised all
    seventeen, and a gap is something residents should see.
    """
    language = get_supported_content_language_variant(get_language())
    workstreams = cached(
        f"dashboard-workstreams:{language}",
        lambda: list(
            Workstream.objects.for_active_locale()
            .select_related("theme")
            .order_by("theme__sort_order", "theme__name", "sort_order", "title")
        ),
    )
    rows = {
        workstream.pk: {"workstream": workstream, "pledges": []}
        for workstream in workstreams
        if not theme_slug or workstream.theme.slug == theme_slug
    }
    for pledge in pledges:
        for workstream in pledge.workstreams.all():
            # A pledge may still point to a workstream of the default language.
            rows.setdefault(workstream.pk, {"workstream": workstream, "pledges": []})["pledges"].append(pledge)
    for row in rows.values():
        row["rollup"] = Rollup.of(row["pledges"])
    return list(rows.values())


def index_with_status_counts():
    """The live pledge index in the visitor's language, with `count_<status>` for its pledges.

    One query, for pages that show the roll-up beside other content (the home page).
    """

    def count_in(status):
        pledges = with_derived_status(
            public_pages(
                PledgePage.objects.live().filter(path__startswith=OuterRef("path"), depth__gt=OuterRef("depth"))
            )
        )
        counted = pledges.filter(derived_status=status).order_by().values("live").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(counted[:1]), Value(0))

    language = get_supported_content_language_variant(get_language())
    return (
        public_pages(PledgeIndexPage.objects.live().filter(locale__language_code=language))
        .annotate(**{f"count_{status}": count_in(status) for status in Status.values})
        .first()
    )


def live_index():
    """The live pledge index in the visitor's language, in one query."""

    language = get_supported_content_language_variant(get_language())
    return public_pages(PledgeIndexPage.objects.live().filter(locale__language_code=language)).first()
