"""The accountability dashboard: pledges with their derived status, filters and roll-ups.

Every number comes from one listing query (status and last update date are annotated as
subqueries of the latest published update), so the page costs the same few queries for
ten pledges or two hundred.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from strategy.models import Theme, ThemePage

from .status import Status, status_label

# A pledge with no update for this long is flagged as stale on the dashboard.
STALE_AFTER = timedelta(days=365)


def with_derived_status(pledges):
    """Annotate `derived_status` and `derived_updated` from each pledge's latest update."""
    from .models import PledgeUpdate

    latest = PledgeUpdate.objects.filter(pledge=OuterRef("pk")).order_by("-date", "-sort_order", "-pk")
    return pledges.annotate(
        derived_status=Coalesce(Subquery(latest.values("status")[:1]), Value(Status.NOT_STARTED.value)),
        derived_updated=Subquery(latest.values("date")[:1]),
    )


def published_pledges(index):
    from .models import PledgePage

    return with_derived_status(
        PledgePage.objects.live().public().descendant_of(index).select_related("theme").prefetch_related("workstreams")
    ).order_by("theme__sort_order", "theme__name", "title")


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
        total = len(pledges)
        tally = dict.fromkeys(Status.values, 0)
        for pledge in pledges:
            tally[pledge.derived_status] = tally.get(pledge.derived_status, 0) + 1
        counts = [
            StatusCount(status, Status(status).label, tally[status], round(tally[status] * 100 / total) if total else 0)
            for status in Status.values
        ]
        good = tally[Status.ACHIEVED] + tally[Status.ON_TRACK]
        return cls(total=total, counts=counts, progress_percent=round(good * 100 / total) if total else 0)


def filter_pledges(pledges, params):
    """Apply the dashboard's GET filters; unknown values are ignored rather than erroring."""
    theme = params.get("theme", "").strip()
    if theme:
        pledges = pledges.filter(theme__slug=theme)
    status = params.get("status", "").strip()
    if status in Status.values:
        pledges = pledges.filter(derived_status=status)
    lead = params.get("lead", "").strip()
    if lead:
        pledges = pledges.filter(lead=lead)
    return pledges


def is_stale(pledge, today=None):
    today = today or timezone.localdate()
    return pledge.derived_status not in (Status.ACHIEVED, Status.WITHDRAWN) and (
        pledge.derived_updated is None or pledge.derived_updated < today - STALE_AFTER
    )


def dashboard_context(index, request):
    from .exports import EXPORT_COLUMNS
    from .models import ReviewIndexPage

    all_pledges = published_pledges(index)
    pledges = list(filter_pledges(all_pledges, request.GET))
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
    theme_urls = {
        page.theme_id: page.url for page in ThemePage.objects.live().public().filter(theme_id__in=list(by_theme))
    }
    for group in themes:
        group["rollup"] = Rollup.of(group["pledges"])
        group["url"] = theme_urls.get(group["theme"].pk)

    workstreams = {}
    for pledge in pledges:
        for workstream in pledge.workstreams.all():
            workstreams.setdefault(workstream.pk, {"workstream": workstream, "pledges": []})["pledges"].append(pledge)
    workstream_rollups = sorted(
        workstreams.values(), key=lambda item: (item["workstream"].theme_id, item["workstream"].sort_order)
    )
    for item in workstream_rollups:
        item["rollup"] = Rollup.of(item["pledges"])

    selected = {key: request.GET.get(key, "").strip() for key in ("theme", "status", "lead")}
    return {
        "theme_groups": themes,
        "workstream_rollups": workstream_rollups,
        "overall": Rollup.of(pledges),
        "pledge_count": len(pledges),
        "stale_count": sum(1 for pledge in pledges if pledge.is_stale),
        "filter_themes": Theme.objects.for_active_locale(),
        "filter_statuses": Status.choices,
        "filter_leads": all_pledges.order_by("lead").values_list("lead", flat=True).distinct(),
        "selected": selected,
        "is_filtered": any(selected.values()),
        "stale_after_months": 12,
        "export_columns": EXPORT_COLUMNS,
        "review_index": ReviewIndexPage.objects.live().public().child_of(index).first(),
    }
