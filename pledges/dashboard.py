"""The accountability dashboard: pledges with their derived status, filters and roll-ups.

Status and last update date are annotated as subqueries of each pledge's latest update;
the counts are aggregates over them, and pledge objects are built only for the few listed,
so the page costs the same few queries for ten pledges or ten thousand.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Q, Subquery, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from core.caching.routing import cached, public_pages
from strategy.models import Theme, Workstream

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


# The default dashboard lists this many of each theme's pledges, the most recently updated;
# a theme's own view (?theme=) lists them all, a page at a time.
LIST_LENGTH = 5
PAGE_SIZE = 25


def selected_filters(params):
    """The dashboard's GET filters and page number, cleaned: they also key its cached fragment."""
    selected = {key: params.get(key, "").strip()[:200] for key in ("theme", "status", "lead")}
    if selected["status"] not in Status.values:
        selected["status"] = ""
    page = params.get("page", "")
    selected["page"] = int(page) if page.isdigit() and selected["theme"] else 1
    return selected


def stale_q(today=None):
    today = today or timezone.localdate()
    return ~Q(derived_status__in=[Status.ACHIEVED, Status.WITHDRAWN]) & (
        Q(derived_updated__isnull=True) | Q(derived_updated__lt=today - STALE_AFTER)
    )


def dashboard_context(index, request, selected=None):
    """Everything the dashboard shows, in a fixed number of queries whatever the number of pledges.

    Counts come from aggregate queries (by theme and status, by workstream and status); pledge
    objects are built only for those listed: a few per theme, or one page of a theme's.
    """
    from .exports import EXPORT_COLUMNS  # exports.py imports this module (published_pledges)

    selected = selected or selected_filters(request.GET)
    today = timezone.localdate()
    everything = public_pages(PledgePage.objects.live().descendant_of(index))
    pledges = with_derived_status(everything)
    if selected["theme"]:
        pledges = pledges.filter(theme__slug=selected["theme"])
    if selected["status"]:
        pledges = pledges.filter(derived_status=selected["status"])
    if selected["lead"]:
        pledges = pledges.filter(lead=selected["lead"])

    tallies, stale_count = {}, 0
    for row in (
        pledges.order_by()
        .values("theme_id", "derived_status")
        .annotate(n=Count("pk"), stale=Count("pk", filter=stale_q(today)))
    ):
        tallies.setdefault(row["theme_id"], {})[row["derived_status"]] = row["n"]
        stale_count += row["stale"]

    # Filter choices come from the pledges themselves: a theme or lead with no pledge is no use.
    choices = set(everything.order_by().values_list("theme_id", "lead").distinct())
    all_theme_ids = {theme_id for theme_id, lead in choices}
    themes = list(Theme.objects.filter(pk__in=all_theme_ids).order_by("sort_order", "name"))
    theme_urls, review_index = page_links(index, all_theme_ids, request)

    groups = [
        {
            "theme": theme,
            "pledges": [],
            "rollup": Rollup.from_counts(tallies[theme.pk]),
            "url": theme_urls.get(theme.pk),
        }
        for theme in themes
        if theme.pk in tallies
    ]
    by_theme = {group["theme"].pk: group for group in groups}
    pages = None
    if selected["theme"]:
        total = sum(group["rollup"].total for group in groups)
        paginator = Paginator(pledges.order_by("title", "pk"), PAGE_SIZE)
        paginator.count = total  # known from the counts: no COUNT query
        pages = paginator.get_page(selected["page"])
        shown = list(pages.object_list)
    else:
        shown = list(
            pledges.annotate(
                place=Window(
                    RowNumber(),
                    partition_by=F("theme_id"),
                    order_by=[F("derived_updated").desc(nulls_last=True), F("title").asc(), F("pk").asc()],
                )
            )
            .filter(place__lte=LIST_LENGTH)
            .order_by(F("derived_updated").desc(nulls_last=True), "title", "pk")
        )
    for pledge in shown:
        pledge.is_stale = is_stale(pledge, today)
        pledge.status_label = status_label(pledge.derived_status)
        group = by_theme.get(pledge.theme_id)
        if group is not None:
            pledge.theme = group["theme"]
            group["pledges"].append(pledge)
    for group in groups:
        group["more"] = group["rollup"].total > len(group["pledges"])

    overall = Rollup.from_counts(
        {status: sum(tally.get(status, 0) for tally in tallies.values()) for status in Status.values}
    )
    page_querystring = urlencode({key: selected[key] for key in ("theme", "status", "lead") if selected[key]})
    return {
        "theme_groups": groups,
        "workstream_rollups": workstream_progress(pledges, selected["theme"]),
        "overall": overall,
        "status_table": status_table(groups, overall),
        "pledge_count": overall.total,
        "stale_count": stale_count,
        "pledge_pages": pages,
        "querystring": page_querystring,
        "list_length": LIST_LENGTH,
        "filter_themes": themes,
        "filter_statuses": Status.choices,
        "filter_leads": sorted({lead for theme_id, lead in choices}),
        "selected": selected,
        "is_filtered": any(selected[key] for key in ("theme", "status", "lead")),
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
        workstream.pk: {"workstream": workstream, "tally": {}}
        for workstream in workstreams
        if not theme_slug or workstream.theme.slug == theme_slug
    }
    counts = (
        pledges.filter(workstreams__isnull=False)
        .order_by()
        .values("workstreams", "derived_status")
        .annotate(n=Count("pk", distinct=True))
    )
    missing = {}
    for row in counts:
        row_for = rows.get(row["workstreams"])
        if row_for is None:
            # A pledge may still point to a workstream of the default language.
            row_for = missing.setdefault(row["workstreams"], {"workstream": None, "tally": {}})
        row_for["tally"][row["derived_status"]] = row["n"]
    if missing:
        for workstream in Workstream.objects.filter(pk__in=missing):
            missing[workstream.pk]["workstream"] = workstream
            rows[workstream.pk] = missing[workstream.pk]
    for row in rows.values():
        row["rollup"] = Rollup.from_counts(row.pop("tally"))
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
