"""The register's counts for the home page's community-assets snapshot (core/snapshot.py asks)."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from core.caching.routing import public_pages

from .models import AssetPage, AssetType


def register_counts():
    """{snapshot line translation key: [(type's plural name, live entries), ...]}: one query.

    Types in the visitor's language; entries counted once whatever the number of their
    translations (an entry and its Polish version are one asset).
    """
    entries = (
        public_pages(AssetPage.objects.live())
        .filter(asset_type__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("asset_type__translation_key")
        .annotate(n=Count("translation_key", distinct=True))
        .values("n")
    )
    types = (
        AssetType.objects.for_active_locale()
        .filter(snapshot_line__isnull=False)
        .annotate(live_entries=Coalesce(Subquery(entries, output_field=IntegerField()), Value(0)))
        .order_by("sort_order", "name")
        .values_list("snapshot_line__translation_key", "plural_name", "live_entries")
    )
    counts = {}
    for line_key, plural_name, entries_count in types:
        counts.setdefault(str(line_key), []).append((plural_name, entries_count))
    return counts
