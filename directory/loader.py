"""The register's real set-up: its asset types (the strategy's community-assets snapshot) and the directory page.

Registered with core.site_loaders, so home/loader.py's `load_site` runs it after the strategy
exists. Safe to run any number of times: what exists is left as it is (editors may have
renamed a type or moved it to another snapshot line), what is missing is created.
"""

import json
from pathlib import Path

from django.db import transaction

from wagtail.models import Locale

from strategy.loader import add_child_once
from strategy.models import CommunityAsset

from .models import AssetType, DirectoryPage

DIRECTORY_DATA = Path(__file__).resolve().parent / "data" / "asset_types.json"


def read_data(path=DIRECTORY_DATA):
    return json.loads(path.read_text(encoding="utf-8"))


@transaction.atomic
def load_directory(home, data=None):
    """The asset types and the directory page under `home`; returns the directory page."""
    data = data or read_data()
    load_asset_types(data["asset_types"], Locale.get_default())
    page = data["directory"]
    return add_child_once(
        home,
        DirectoryPage(
            title=page["title"],
            slug=page["slug"],
            introduction=page["introduction"],
            search_description=page["introduction"][:300],
        ),
    )


def load_asset_types(type_data, locale):
    lines = {line.description: line for line in CommunityAsset.objects.filter(locale=locale)}
    types = {}
    for order, item in enumerate(type_data):
        asset_type, _created = AssetType.objects.get_or_create(
            slug=item["slug"],
            locale=locale,
            defaults={
                "name": item["name"],
                "plural_name": item["plural_name"],
                "description": item["description"],
                "snapshot_line": lines.get(item["snapshot_line"]),
                "sort_order": order,
            },
        )
        types[asset_type.slug] = asset_type
    return types
