"""Annual review editions: the frozen record of every pledge, and what changed since the last one.

A record is plain JSON (titles, statuses, indicator figures, evidence titles and
addresses), so nothing done to pledges later can reach into a published edition.
"""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dashboard import published_pledges
from .exports import export_records
from .models import PledgeUpdate, ReviewEditionPage
from .status import PROGRESS_RANK, Status, status_label

CHANGE_KINDS = [
    ("improved", _("Improved")),
    ("slipped", _("Slipped")),
    ("new", _("New")),
    ("achieved", _("Achieved")),
    ("withdrawn", _("Withdrawn")),
    ("removed", _("No longer listed")),
    ("unchanged", _("Unchanged")),
]

SNAPSHOT_FIELDS = [
    "id",
    "title",
    "url",
    "commitment",
    "theme",
    "lead",
    "target_date",
    "status",
    "last_updated",
    "withdrawal_reason",
    "indicators",
    "evidence",
]


def review_period_end(year):
    """The last day of the year an edition reviews.

    The strategy runs from 1 December 2021, and its action plan is reviewed each year on
    that anniversary: the 2025 review covers the year to 30 November 2025.
    """
    return date(year, 11, 30)


def record_date(year):
    """The day an edition's record describes: the end of its year, or today if that is still to come."""
    return min(review_period_end(year), timezone.localdate())


def take_snapshot(index, as_of):
    """Every pledge as it stood at the end of `as_of`, whenever the record is taken."""
    records = export_records(index, as_of=as_of)
    latest_texts = latest_update_texts(index, as_of)
    pledges = []
    for record in records:
        item = {name: record[name] for name in SNAPSHOT_FIELDS}
        item["progress"] = latest_texts.get(record["id"], "")
        pledges.append(item)
    return {"taken_at": timezone.now().isoformat(), "as_of": as_of.isoformat(), "pledges": pledges}


def snapshot_date(snapshot, frozen_at=None):
    """The day a record describes; records taken before "as_of" was kept describe their taking."""
    if (snapshot or {}).get("as_of"):
        return date.fromisoformat(snapshot["as_of"])
    return timezone.localdate(frozen_at) if frozen_at else None


def latest_update_texts(index, as_of):
    """Each pledge's latest update text by `as_of`: the progress the edition records in words."""

    texts = {}
    updates = PledgeUpdate.objects.filter(pledge__in=published_pledges(index).values("pk"), date__lte=as_of).order_by(
        "pledge_id", "date", "sort_order", "pk"
    )
    for update in updates.only("pledge_id", "text"):
        texts[update.pledge_id] = update.text
    return texts


def freeze(edition):
    """Record every pledge as it is now, once: a later publication keeps the first record."""

    if edition.frozen_at:
        return False
    index = edition.get_parent().get_parent().specific
    snapshot = take_snapshot(index, record_date(edition.year))
    now = timezone.now()
    updated = ReviewEditionPage.objects.filter(pk=edition.pk, frozen_at__isnull=True).update(
        snapshot=snapshot, frozen_at=now
    )
    if updated:
        edition.snapshot, edition.frozen_at = snapshot, now
    return bool(updated)


def snapshot_rows(snapshot):
    rows = []
    for item in (snapshot or {}).get("pledges", []):
        rows.append({**item, "status_label": status_label(item["status"])})
    return rows


def change_kind(before, after):
    if before is None:
        return "new"
    if after == Status.WITHDRAWN and before != Status.WITHDRAWN:
        return "withdrawn"
    if after == Status.ACHIEVED and before != Status.ACHIEVED:
        return "achieved"
    if after in PROGRESS_RANK and before in PROGRESS_RANK:
        if PROGRESS_RANK[after] > PROGRESS_RANK[before]:
            return "improved"
        if PROGRESS_RANK[after] < PROGRESS_RANK[before]:
            return "slipped"
    return "unchanged"


def compare_snapshots(previous, current):
    """Each pledge of `current` (and each dropped from `previous`) sorted into a kind of change.

    Returns [{"kind", "label", "items": [{"title", "url", "before", "after", "before_status", "after_status"}]}] in CHANGE_KINDS
    order, with empty kinds left in so the page can say "none".
    """
    if previous is None:
        return None
    before = {item["id"]: item for item in previous.get("pledges", [])}
    after = {item["id"]: item for item in current.get("pledges", [])}
    groups = {kind: [] for kind, _label in CHANGE_KINDS}
    for pledge_id, item in after.items():
        old = before.get(pledge_id)
        kind = change_kind(old["status"] if old else None, item["status"])
        groups[kind].append(
            {
                "title": item["title"],
                "url": item["url"],
                "before": status_label(old["status"]) if old else None,
                "after": status_label(item["status"]),
                "before_status": old["status"] if old else None,
                "after_status": item["status"],
            }
        )
    for pledge_id, old in before.items():
        if pledge_id not in after:
            groups["removed"].append(
                {
                    "title": old["title"],
                    "url": old["url"],
                    "before": status_label(old["status"]),
                    "after": None,
                    "before_status": old["status"],
                    "after_status": None,
                }
            )
    return [{"kind": kind, "label": label, "items": groups[kind]} for kind, label in CHANGE_KINDS]
