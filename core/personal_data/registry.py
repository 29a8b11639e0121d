"""Residents' data rights across the whole site: export, erasure and retention by email address.

Each app that holds personal data has a `personal_data.py` module that registers one source
here; core finds those modules at start-up (CoreConfig.ready), so it names no app. Staff tools, the residents' self-service link and the daily `purge_personal_data`
command all go through this registry, so a new app only has to register itself to be
covered everywhere.

Audit: every erasure is written to Wagtail's audit log against the default Site, with who
asked for it, when and how many rows went, never the address itself.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Site
from wagtail.search.models import IndexEntry

# The audit log stores these names, so they keep the spelling they had when this lived in home/.
ERASE_ACTION = "home.personal_data.erase"
EXPORT_ACTION = "home.personal_data.export"


@dataclass(frozen=True)
class Source:
    name: str
    export: Callable  # export(email) -> JSON-serialisable dict; empty lists when nothing held
    erase: Callable  # erase(email, user) -> number of rows removed or anonymised
    purge: Callable | None = None  # purge(days=None) -> number of rows purged (retention)
    holds: Callable | None = None  # holds(email) -> bool, cheaper than a full export


_registry = {}


def register(name, *, export, erase, purge=None, holds=None):
    _registry[name] = Source(name=name, export=export, erase=erase, purge=purge, holds=holds)


def sources():
    return [_registry[name] for name in sorted(_registry)]


def normalise(email):
    return (email or "").strip().lower()


def holds_data(email):
    email = normalise(email)
    for source in sources():
        if source.holds is not None:
            if source.holds(email):
                return True
        elif any(source.export(email).values()):
            return True
    return False


def export_person(email, user=None, via=None):
    """Everything the site holds about one email address, ready for json.dumps.

    With `via` ("staff" or "resident") the export is a download, and the audit log records
    who took it and when (not whose data it was).
    """
    email = normalise(email)
    if via:
        target = audit_target()
        if target is not None:
            log(target, EXPORT_ACTION, user=user, data={"via": via})
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        **{source.name: source.export(email) for source in sources()},
    }


def audit_target():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


@transaction.atomic
def erase_person(email, user=None, via="staff"):
    """Remove or anonymise everything held about `email`; returns {source name: rows}."""
    email = normalise(email)
    counts = {source.name: source.erase(email, user) for source in sources()}
    compact_search_index()
    target = audit_target()
    if target is not None:
        # Who, when (the entry's timestamp) and how many: never the address.
        log(target, ERASE_ACTION, user=user, data={"rows": counts, "total": sum(counts.values()), "via": via})
    return counts


def compact_search_index():
    """Make deleted words unreadable in SQLite's full-text index.

    Deleting a row removes its search entry, but SQLite's FTS5 only marks the words deleted
    inside its index pages until segments are merged; 'optimize' merges them now. PostgreSQL
    stores the words in the entry's own row (a tsvector), which goes with the row.
    """
    if connection.vendor != "sqlite":
        return

    table = f"{IndexEntry._meta.db_table}_fts"
    with connection.cursor() as cursor:
        if table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"INSERT INTO {quoted}({quoted}) VALUES ('optimize')")  # noqa: S608 - our own table


def purge_all(days=None):
    """Run every source's retention purge; safe to run daily. Returns {source name: rows}."""
    return {source.name: source.purge(days=days) for source in sources() if source.purge is not None}
