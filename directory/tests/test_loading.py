"""The register's real set-up (site loader), the places' centres, and the sample entries."""

import importlib
import json

from django.apps import apps

import pytest

from directory.models import AssetPage, AssetType, DirectoryPage
from home.loader import load_site
from strategy.loader import STRATEGY_DATA
from strategy.models import CommunityAsset, Place

pytestmark = pytest.mark.django_db


def test_the_site_loader_adds_every_snapshot_type_and_the_directory_once(strategy_site):
    load_site()  # a second run changes nothing
    assert DirectoryPage.objects.count() == 1
    directory = DirectoryPage.objects.get()
    assert directory.slug == "directory" and directory.live
    assert directory.get_parent().pk == strategy_site.pk
    types = {t.slug: t for t in AssetType.objects.select_related("snapshot_line")}
    assert len(types) == 16
    # Every type counts towards a line of the snapshot, and every line has a type.
    assert all(t.snapshot_line is not None for t in types.values())
    assert set(CommunityAsset.objects.values_list("pk", flat=True)) == {t.snapshot_line_id for t in types.values()}
    assert types["foodbank"].snapshot_line.description == "foodbanks and 3 community pantries"
    assert types["secondary-school"].snapshot_line.description == "primary and 5 secondary schools"


def test_every_town_and_parish_has_a_centre_in_the_district(strategy_site):
    places = json.loads(STRATEGY_DATA.read_text())["places"]
    assert len(places) == 32
    for place in Place.objects.all():
        # Malvern Hills district lies roughly between these lines.
        assert 51.95 < place.latitude < 52.40, place.slug
        assert -2.70 < place.longitude < -2.10, place.slug


def test_the_migration_gives_existing_places_their_centres_and_keeps_an_editors(strategy_site):
    Place.objects.filter(slug="ripple").update(latitude=None, longitude=None)
    Place.objects.filter(slug="malvern").update(latitude="52.00000", longitude="-2.50000")
    migration = importlib.import_module("strategy.migrations.0005_place_centres")
    migration.fill_centres(apps, None)
    ripple = Place.objects.get(slug="ripple")
    assert (str(ripple.latitude), str(ripple.longitude)) == ("52.03800", "-2.17900")
    assert str(Place.objects.get(slug="malvern").latitude) == "52.00000"


def test_the_loader_gives_places_made_before_centres_their_centre(strategy_site):
    Place.objects.filter(slug="hallow").update(latitude=None, longitude=None)
    load_site()
    assert Place.objects.get(slug="hallow").latitude is not None


def test_sample_content_has_a_live_entry_of_every_snapshot_type(client, strategy_site):
    from sample_content.directory import load_demo_directory

    directory = load_demo_directory(strategy_site)
    load_demo_directory(strategy_site)  # safe to run again
    live = AssetPage.objects.live().child_of(directory)
    assert set(AssetType.objects.values_list("slug", flat=True)) == set(live.values_list("asset_type__slug", flat=True))
    assert live.count() == AssetPage.objects.count()
    assert live.filter(latitude__isnull=True).count() == 0
    assert live.filter(opening_times__isnull=False).distinct().count() > 10
    for entry in live:
        assert client.get(entry.url).status_code == 200, entry.slug
