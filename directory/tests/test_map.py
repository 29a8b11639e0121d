"""The directory's map page (/directory/map/), its list of entries and its GeoJSON."""

import json
import re
from decimal import Decimal

from django.urls import resolve

from wagtail.models import PageViewRestriction

import pytest

from .factories import (
    AssetPageFactory,
    AssetTypeFactory,
    DirectoryPageFactory,
    PlaceFactory,
    ThemeFactory,
    entry,
    publish,
)

MAP_URL = "/directory/map/"
GEOJSON_URL = "/directory/map/entries.geojson"


@pytest.fixture
def directory(home):
    """A directory page of its own under a bare home page, without the real site's asset types."""
    return publish(DirectoryPageFactory(parent=home))


@pytest.fixture
def vocabulary(db):
    return {
        "hall": AssetTypeFactory(name="Village hall", slug="village-hall"),
        "foodbank": AssetTypeFactory(name="Foodbank", slug="foodbank"),
        "upton": PlaceFactory(name="Upton-upon-Severn", slug="upton-upon-severn"),
        "malvern": PlaceFactory(name="Malvern", slug="malvern"),
        "healthier": ThemeFactory(name="Healthier communities", slug="healthier"),
    }


@pytest.fixture
def entries(directory, vocabulary):
    return {
        "hall": entry(
            directory,
            title="Upton Memorial Hall",
            asset_type=vocabulary["hall"],
            place=vocabulary["upton"],
            address="Old Street\nUpton-upon-Severn",
            postcode="WR8 0HA",
            latitude=Decimal("52.06250"),
            longitude=Decimal("-2.21900"),
        ),
        "foodbank": entry(
            directory,
            title="Malvern Foodbank",
            asset_type=vocabulary["foodbank"],
            place=vocabulary["malvern"],
            themes=[vocabulary["healthier"]],
            contact_email="jo.private@example.com",
            contact_phone="07700 900123",
            contact_is_a_person=True,
            latitude=Decimal("52.11000"),
            longitude=Decimal("-2.32500"),
        ),
        "unmapped": entry(
            directory,
            title="Kempsey Good Neighbours",
            asset_type=vocabulary["hall"],
            place=vocabulary["malvern"],
            latitude=None,
            longitude=None,
        ),
    }


def listed_names(response):
    return re.findall(
        r'<th scope="row" class="govuk-table__header"><a class="govuk-link" href="[^"]+">([^<]+)</a>',
        response.content.decode(),
    )


def test_the_map_page_lists_every_entry_with_its_link_type_place_and_address(client, entries):
    response = client.get(MAP_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert listed_names(response) == ["Kempsey Good Neighbours", "Malvern Foodbank", "Upton Memorial Hall"]
    hall = entries["hall"]
    assert f'href="{hall.url}">Upton Memorial Hall</a>' in html
    assert "Village hall" in html and "Upton-upon-Severn" in html
    assert "Old Street<br>Upton-upon-Severn<br>WR8 0HA" in html
    assert "3 entries" in html


def test_the_list_is_filtered_by_type_place_and_theme(client, entries):
    assert listed_names(client.get(MAP_URL, {"type": "village-hall"})) == [
        "Kempsey Good Neighbours",
        "Upton Memorial Hall",
    ]
    assert listed_names(client.get(MAP_URL, {"place": "malvern"})) == ["Kempsey Good Neighbours", "Malvern Foodbank"]
    assert listed_names(client.get(MAP_URL, {"theme": "healthier"})) == ["Malvern Foodbank"]
    assert listed_names(client.get(MAP_URL, {"type": "village-hall", "place": "upton-upon-severn"})) == [
        "Upton Memorial Hall"
    ]


def test_the_filter_form_keeps_the_choice_and_says_when_nothing_matches(client, entries):
    response = client.get(MAP_URL, {"type": "foodbank", "place": "upton-upon-severn"})
    html = response.content.decode()
    assert '<option value="foodbank" selected>Foodbank</option>' in html
    assert "No entries match these filters." in html
    assert 'href="/directory/map/">Clear filters</a>' in html


def test_an_unknown_filter_value_is_ignored_not_an_error(client, entries):
    response = client.get(MAP_URL, {"type": "no-such-type"})
    assert response.status_code == 200
    assert len(listed_names(response)) == 3


def test_drafts_and_private_entries_are_neither_listed_nor_mapped(client, directory, entries, vocabulary):
    draft = AssetPageFactory(parent=directory, title="Draft hall", asset_type=vocabulary["hall"], live=False)
    private = entry(directory, title="Private hall", asset_type=vocabulary["hall"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    names = listed_names(client.get(MAP_URL))
    features = json.loads(client.get(GEOJSON_URL).content)["features"]
    for hidden in (draft, private):
        assert hidden.title not in names
        assert hidden.title not in [feature["properties"]["title"] for feature in features]


def test_the_map_is_drawn_by_scripts_from_files_with_the_tile_server_and_data_it_needs(client, entries, settings):
    settings.DIRECTORY_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = client.get(MAP_URL, {"type": "village-hall"}).content.decode()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-geojson-url="/directory/map/entries.geojson?type=village-hall"' in html
    assert re.search(r'<script src="/static/leaflet/leaflet\.js[^"]*" defer></script>', html)
    assert re.search(r'<script src="/static/js/directory-map\.js[^"]*" defer></script>', html)
    assert re.search(r'<link rel="stylesheet" href="/static/leaflet/leaflet\.css', html)
    # Content-Security-Policy: no inline script anywhere on the page.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    # Without JavaScript the map's container is hidden: the list is the page.
    assert re.search(r'<div class="directory-map" id="directory-map" hidden', html)


def test_leaflet_and_the_map_script_are_served(client):
    for path in ("/static/leaflet/leaflet.js", "/static/leaflet/leaflet.css", "/static/js/directory-map.js"):
        response = client.get(path)
        assert response.status_code == 200, path
        b"".join(response.streaming_content)
    assert client.get("/static/leaflet/images/marker-icon.png").status_code == 200


def test_the_content_security_policy_lets_the_map_load_tiles_from_the_tile_server(client, entries):
    policy = client.get(MAP_URL)["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src")).split()
    assert "http://127.0.0.1:9" in img_src  # the test settings' unreachable tile server
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_the_tile_source_for_the_policy_is_the_tile_servers_scheme_and_host():
    from connected_communities.settings.base import tile_source

    assert tile_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tile_source("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_source("http://127.0.0.1:9/{z}/{x}/{y}.png") == "http://127.0.0.1:9"


def test_the_default_tile_server_is_openstreetmaps():
    from connected_communities.settings import base

    assert base.DIRECTORY_MAP_TILE_URL == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert base.tile_source(base.DIRECTORY_MAP_TILE_URL) == "https://tile.openstreetmap.org"
    assert "OpenStreetMap" in base.DIRECTORY_MAP_ATTRIBUTION


def test_the_page_links_to_the_csv_and_the_open_referral_api(client, entries):
    html = client.get(MAP_URL, {"place": "malvern"}).content.decode()
    assert 'href="/directory/open-data/entries.csv?place=malvern" download' in html
    assert 'href="/openreferral/"' in html


def test_the_map_page_is_served_here_beside_the_directory_page(client, entries, directory):
    # Django's URLs come before Wagtail's catch-all: /directory/ is the page, /directory/map/ this view.
    assert directory.url == "/directory/"
    assert resolve(MAP_URL).view_name == "directory:map"
    response = client.get(MAP_URL)
    assert response.status_code == 200
    assert (
        f'<a class="govuk-breadcrumbs__link" href="{directory.url}">{directory.title}</a>' in response.content.decode()
    )


def test_the_list_is_paginated(client, directory, vocabulary):
    for number in range(55):
        AssetPageFactory(parent=directory, title=f"Hall {number:02}", asset_type=vocabulary["hall"])
    first = client.get(MAP_URL)
    assert len(listed_names(first)) == 50
    assert "55 entries" in first.content.decode()
    second = client.get(MAP_URL, {"page": 2})
    assert listed_names(second) == [f"Hall {number:02}" for number in range(50, 55)]


# GeoJSON ------------------------------------------------------------------------------------


def test_the_geojson_is_a_feature_collection_of_the_mapped_entries_with_public_facts_only(client, entries):
    response = client.get(GEOJSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    by_title = {feature["properties"]["title"]: feature for feature in collection["features"]}
    assert set(by_title) == {"Upton Memorial Hall", "Malvern Foodbank"}  # not the entry with no map point
    hall = by_title["Upton Memorial Hall"]
    assert hall["geometry"] == {"type": "Point", "coordinates": [-2.219, 52.0625]}
    assert hall["properties"] == {
        "id": entries["hall"].pk,
        "title": "Upton Memorial Hall",
        "type": "Village hall",
        "type_slug": "village-hall",
        "place": "Upton-upon-Severn",
        "url": entries["hall"].url,
    }
    assert "jo.private" not in response.content.decode() and "07700" not in response.content.decode()


def test_the_geojson_takes_the_same_filters(client, entries):
    def titles(params):
        return [
            feature["properties"]["title"]
            for feature in json.loads(client.get(GEOJSON_URL, params).content)["features"]
        ]

    assert titles({"type": "foodbank"}) == ["Malvern Foodbank"]
    assert titles({"place": "upton-upon-severn"}) == ["Upton Memorial Hall"]
    assert titles({"theme": "healthier"}) == ["Malvern Foodbank"]


def test_the_geojson_is_cached_until_the_next_publication(client, entries, django_assert_num_queries, vocabulary):
    client.get(GEOJSON_URL)
    with django_assert_num_queries(0):
        assert len(json.loads(client.get(GEOJSON_URL).content)["features"]) == 2
    entries["hall"].title = "Upton Memorial Hall (renamed)"
    entries["hall"].save_revision().publish()
    titles = [feature["properties"]["title"] for feature in json.loads(client.get(GEOJSON_URL).content)["features"]]
    assert "Upton Memorial Hall (renamed)" in titles


def test_each_filter_has_its_own_cached_answer(client, entries):
    assert len(json.loads(client.get(GEOJSON_URL, {"type": "foodbank"}).content)["features"]) == 1
    assert len(json.loads(client.get(GEOJSON_URL).content)["features"]) == 2


@pytest.mark.parametrize("count", [3, 60])
def test_the_geojson_query_count_is_flat(client, directory, vocabulary, count, django_assert_max_num_queries):
    AssetTypeFactory(name="Park", slug="park")
    for number in range(count):
        AssetPageFactory(
            parent=directory,
            title=f"Hall {number}",
            asset_type=vocabulary["hall"],
            place=vocabulary["upton"] if number % 2 else vocabulary["malvern"],
        )
    client.get(GEOJSON_URL, {"type": "park"})  # site, routing and vocabulary caches warmed
    with django_assert_max_num_queries(1):
        collection = json.loads(client.get(GEOJSON_URL).content)
    assert len(collection["features"]) == count


@pytest.mark.parametrize("count", [3, 60])
def test_the_map_page_query_count_is_flat(
    client, directory, vocabulary, count, warm_caches, django_assert_max_num_queries
):
    for number in range(count):
        AssetPageFactory(
            parent=directory, title=f"Hall {number}", asset_type=vocabulary["hall"], place=vocabulary["upton"]
        )
    warm_caches(MAP_URL)
    # The count and the page of entries (with their types and places): the rest is cached.
    with django_assert_max_num_queries(2):
        assert client.get(MAP_URL, {"type": "village-hall"}).status_code == 200


def test_the_polish_map_lists_the_english_entries_not_yet_translated(client, entries):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="pl")
    response = client.get("/pl" + MAP_URL)
    assert response.status_code == 200
    assert "Upton Memorial Hall" in listed_names(response)
