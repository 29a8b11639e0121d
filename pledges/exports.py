"""Open data: every published pledge as CSV or JSON (/pledges/export.csv, /pledges/export.json).

No personal data: the lead is the council service or partner responsible, never a person's
account; the staff allowed to edit a pledge (`lead_users`) are not exported. The columns
are described in EXPORT_COLUMNS, which the dashboard also shows to readers.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.open_data import csv_download, json_download
from core.site_address import absolute_url, page_url

from .dashboard import published_pledges
from .evidence import evidence_by_update
from .indicators import indicator_summary
from .models import Indicator, PledgeUpdate
from .status import Status, status_label

EXPORT_COLUMNS = [
    ("id", _("A number that identifies the pledge; it never changes")),
    ("title", _("The pledge's short title")),
    ("url", _("The pledge's page on this site")),
    ("commitment", _("What the council promised, in plain words")),
    ("theme", _("The strategy theme it serves")),
    ("workstreams", _("The theme's workstreams it serves, separated by semicolons")),
    ("investment_priority", _("The Connected Communities Fund priority it belongs to, if any")),
    ("lead", _("The council service or partner that leads it")),
    ("target_date", _("When it should be done (YYYY-MM-DD), if set")),
    ("status", _("Its current status: the status of its latest progress update")),
    ("status_label", _("The status in words")),
    ("last_updated", _("The date of its latest progress update (YYYY-MM-DD)")),
    ("withdrawal_reason", _("Why it was withdrawn, when it was")),
    ("update_count", _("How many progress updates it has")),
    ("indicators", _("Its indicators: baseline, latest reading and target (a list in JSON)")),
    ("evidence", _("Evidence linked from its updates: title and address (a list in JSON)")),
]


def export_records(index, as_of=None):
    """Every published pledge as plain data; with `as_of`, as it stood at the end of that day:
    updates, readings and evidence dated later are left out (an annual review's record)."""

    pledges = list(
        published_pledges(index).prefetch_related(
            Prefetch("updates", queryset=PledgeUpdate.objects.order_by("date", "sort_order", "pk")),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("baseline_figure").prefetch_related("readings"),
            ),
        )
    )
    updates_of = {
        pledge.pk: [update for update in pledge.updates.all() if as_of is None or update.date <= as_of]
        for pledge in pledges
    }
    evidence = evidence_by_update([update for updates in updates_of.values() for update in updates])
    records = []
    for pledge in pledges:
        updates = updates_of[pledge.pk]
        latest = updates[-1] if updates else None
        if as_of is not None:
            pledge.derived_status = latest.status if latest else Status.NOT_STARTED.value
            pledge.derived_updated = latest.date if latest else None
        records.append(
            {
                "id": pledge.pk,
                "title": pledge.title,
                "url": page_url(pledge),
                "commitment": pledge.commitment,
                "theme": pledge.theme.name,
                "workstreams": [workstream.title for workstream in pledge.workstreams.all()],
                "investment_priority": pledge.get_investment_priority_display() if pledge.investment_priority else "",
                "lead": pledge.lead,
                "target_date": pledge.target_date.isoformat() if pledge.target_date else "",
                "status": pledge.derived_status,
                "status_label": str(status_label(pledge.derived_status)),
                "last_updated": pledge.derived_updated.isoformat() if pledge.derived_updated else "",
                "withdrawal_reason": latest.withdrawal_reason if latest and latest.status == "withdrawn" else "",
                "update_count": len(updates),
                "indicators": [indicator_summary(indicator, as_of) for indicator in pledge.indicators.all()],
                # The page shows evidence by path; a download names it by absolute URL.
                "evidence": [
                    {**link, "url": absolute_url(link["url"])}
                    for update in updates
                    for link in evidence.get(id(update), [])
                ],
            }
        )
    return records


def indicator_text(summary):
    parts = [summary["name"]]
    unit = summary["unit"]
    if summary["baseline_value"]:
        parts.append(f"baseline {summary['baseline_value']}{unit} ({summary['baseline_year'] or ''})")
    if summary["latest_value"]:
        parts.append(f"latest {summary['latest_value']}{unit} ({summary['latest_date']})")
    if summary["target_value"]:
        parts.append(f"target {summary['target_value']}{unit} ({summary['target_year'] or ''})")
    return ", ".join(parts)


def csv_response(index):
    rows = []
    for record in export_records(index):
        row = dict(record)
        row["indicators"] = [indicator_text(summary) for summary in record["indicators"]]
        row["evidence"] = [f"{link['title']} <{link['url']}>" for link in record["evidence"]]
        rows.append(row)
    return csv_download("pledges.csv", EXPORT_COLUMNS, rows)


def json_response(index):
    return json_download("pledges.json", "pledges", EXPORT_COLUMNS, export_records(index))
