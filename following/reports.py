"""The staff report: how many confirmed subscribers follow each thing. Counts only, never an address."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .kinds import describe, get_kind
from .models import Follow

PERMISSION = "following.view_following_report"


def follower_counts():
    """[(kind label, name, immediate, weekly, total)], most followed first."""
    rows = (
        Follow.objects.filter(confirmed_at__isnull=False)
        .values("kind", "key", "frequency")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {}
    for row in rows:
        counts.setdefault((row["kind"], row["key"]), {})[row["frequency"]] = row["count"]
    names = describe(list(counts))
    report = []
    for (kind, key), by_frequency in counts.items():
        registered = get_kind(kind)
        immediate = by_frequency.get(Follow.Frequency.IMMEDIATE, 0)
        weekly = by_frequency.get(Follow.Frequency.WEEKLY, 0)
        name = names.get((kind, key), (key, ""))[0]
        report.append((registered.label if registered else kind, name, immediate, weekly, immediate + weekly))
    return sorted(report, key=lambda row: (-row[4], str(row[0]), row[1]))


def following_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "following/admin/report.html",
        {"title": _("Followers"), "rows": follower_counts()},
    )
