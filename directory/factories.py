"""Building directory entries for tests: live entries with their opening times and themes."""

from datetime import time

from .models import AssetPage, AssetType, OpeningTime


def add_entry(directory, *, asset_type="village-hall", opening_times=(), themes=(), publish=True, **fields):
    """A published entry under `directory` (a draft with publish=False).

    asset_type: an AssetType or its slug; opening_times: (weekday, "HH:MM", "HH:MM") triples.
    """
    if isinstance(asset_type, str):
        asset_type = AssetType.objects.get(slug=asset_type, locale_id=directory.locale_id)
    count = AssetPage.objects.count()
    fields.setdefault("title", f"Entry {count + 1}")
    fields.setdefault("slug", f"entry-{count + 1}")
    fields.setdefault("summary", f"What {fields['title']} offers.")
    entry = AssetPage(asset_type=asset_type, live=publish, **fields)
    entry.opening_times = [
        OpeningTime(weekday=day, opens=time.fromisoformat(opens), closes=time.fromisoformat(closes))
        for day, opens, closes in opening_times
    ]
    if themes:
        entry.themes = list(themes)
    directory.add_child(instance=entry)
    revision = entry.save_revision()
    if publish:
        revision.publish()
    return entry
