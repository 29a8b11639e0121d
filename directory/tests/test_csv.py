"""The directory as a CSV download: /directory/open-data/entries.csv."""

import csv
import io
from datetime import time

import pytest

from directory.map_views import CSV_COLUMNS

from .factories import (
    AssetPageFactory,
    AssetTypeFactory,
    DirectoryPageFactory,
    OrganisationFactory,
    PlaceFactory,
    ThemeFactory,
    entry,
    publish,
)

CSV_URL = "/directory/open-data/entries.csv"


@pytest.fixture
def directory(home):
    """A directory page of its own under a bare home page, without the real site's asset types."""
    return publish(DirectoryPageFactory(parent=home))


def rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.fixture
def hall_type(db):
    return AssetTypeFactory(name="Village hall", slug="village-hall")


def test_the_csv_has_a_row_per_public_entry_with_the_columns_described(client, directory, hall_type):
    upton = PlaceFactory(name="Upton-upon-Severn", slug="upton-upon-severn")
    theme = ThemeFactory(name="Healthier communities", slug="healthier")
    hall = entry(
        directory,
        title="Upton Memorial Hall",
        asset_type=hall_type,
        organisation=OrganisationFactory(name="Upton Hall Trust"),
        place=upton,
        address="Old Street\nUpton-upon-Severn",
        postcode="WR8 0HA",
        contact_email="bookings@uptonhall.example.org",
        contact_phone="01684 000000",
        website="https://uptonhall.example.org",
        step_free_access=True,
        themes=[theme],
        opening_times=[(0, time(9), time(12)), (3, time(18), time(21, 30))],
    )
    AssetPageFactory(parent=directory, title="Draft", asset_type=hall_type, live=False)
    response = client.get(CSV_URL)
    assert response["Content-Disposition"] == 'attachment; filename="community-directory.csv"'
    found = rows(response)
    assert [row["name"] for row in found] == ["Upton Memorial Hall"]
    row = found[0]
    assert list(row) == [name for name, _description in CSV_COLUMNS]
    assert row["id"] == str(hall.pk)
    assert row["url"] == "http://testserver/directory/" + hall.slug + "/"
    assert row["type"] == "Village hall"
    assert row["organisation"] == "Upton Hall Trust"
    assert row["place"] == "Upton-upon-Severn"
    assert row["address"] == "Old Street, Upton-upon-Severn"
    assert row["email"] == "bookings@uptonhall.example.org"
    assert row["phone"] == "01684 000000"
    assert row["opening_times"] == "Monday 09:00-12:00; Thursday 18:00-21:30"
    assert row["step_free_access"] == "True" and row["hearing_loop"] == "False"
    assert row["themes"] == "Healthier communities"


def test_a_private_persons_contact_details_are_left_out_unless_they_agreed(client, directory, hall_type):
    entry(
        directory,
        title="Not agreed",
        asset_type=hall_type,
        contact_email="jo.private@example.com",
        contact_phone="07700 900123",
        contact_is_a_person=True,
    )
    entry(
        directory,
        title="Agreed",
        asset_type=hall_type,
        contact_email="sam@example.com",
        contact_phone="07700 900456",
        contact_is_a_person=True,
        person_agreed_to_publish=True,
    )
    response = client.get(CSV_URL)
    by_name = {row["name"]: row for row in rows(response)}
    assert (by_name["Not agreed"]["email"], by_name["Not agreed"]["phone"]) == ("", "")
    assert "jo.private" not in response.content.decode() and "900123" not in response.content.decode()
    assert (by_name["Agreed"]["email"], by_name["Agreed"]["phone"]) == ("sam@example.com", "07700 900456")


def test_cells_a_spreadsheet_would_run_as_formulas_are_escaped(client, directory, hall_type):
    entry(directory, title='=HYPERLINK("http://evil.example")', asset_type=hall_type, summary="+44 cake")
    row = rows(client.get(CSV_URL))[0]
    assert row["name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["summary"] == "'+44 cake"


def test_the_csv_takes_the_maps_filters(client, directory, hall_type):
    foodbank = AssetTypeFactory(name="Foodbank", slug="foodbank")
    entry(directory, title="A hall", asset_type=hall_type)
    entry(directory, title="A foodbank", asset_type=foodbank)
    assert [row["name"] for row in rows(client.get(CSV_URL, {"type": "foodbank"}))] == ["A foodbank"]


@pytest.mark.parametrize("count", [3, 60])
def test_the_csv_query_count_is_flat(client, directory, hall_type, count, django_assert_max_num_queries):
    place = PlaceFactory(name="Malvern", slug="malvern")
    organisation = OrganisationFactory()
    for number in range(count):
        AssetPageFactory(
            parent=directory, title=f"Hall {number}", asset_type=hall_type, place=place, organisation=organisation
        )
    client.get(CSV_URL, {"type": "village-hall"})
    # The entries (with type, place and organisation), their opening times, their themes.
    with django_assert_max_num_queries(3):
        assert len(rows(client.get(CSV_URL))) == count
