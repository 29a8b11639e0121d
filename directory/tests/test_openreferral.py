"""The Open Referral UK API at /openreferral/: shapes validated against the schema written from
the standard's published fields, paging, filters, what is public, caching and query counts."""

import json
import uuid
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from jsonschema import Draft202012Validator

from directory import openreferral as oruk

from .factories import (
    AssetPageFactory,
    AssetTypeFactory,
    DirectoryPageFactory,
    OrganisationFactory,
    PlaceFactory,
    entry,
    publish,
)

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "schemas" / "openreferral-uk-3.0.schema.json").read_text()
)
Draft202012Validator.check_schema(SCHEMA)


@pytest.fixture
def directory(home):
    """A directory page of its own under a bare home page, without the real site's asset types."""
    return publish(DirectoryPageFactory(parent=home))


def validate(payload, definition):
    """The errors of `payload` against one of the schema's definitions: [] when it is valid."""
    schema = {**SCHEMA, "$ref": f"#/$defs/{definition}"}
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return sorted(str(error) for error in validator.iter_errors(payload))


def get(client, path, **params):
    response = client.get("/openreferral/" + path, params)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"
    return response.status_code, json.loads(response.content)


@pytest.fixture
def register(directory):
    hall_type = AssetTypeFactory(name="Village hall", slug="village-hall", description="Halls for hire.")
    foodbank_type = AssetTypeFactory(name="Foodbank", slug="foodbank")
    upton = PlaceFactory(
        name="Upton-upon-Severn", slug="upton-upon-severn", latitude=Decimal("52.0630"), longitude=Decimal("-2.2180")
    )
    malvern = PlaceFactory(name="Malvern", slug="malvern", latitude=Decimal("52.1110"), longitude=Decimal("-2.3250"))
    trust = OrganisationFactory(
        name="Upton Hall Trust",
        email="hello@uptonhall.example.org",
        website="https://uptonhall.example.org",
        charity_number="1012345",
    )
    hall = entry(
        directory,
        title="Upton Memorial Hall",
        asset_type=hall_type,
        organisation=trust,
        place=upton,
        summary="A hall for hire.",
        description="A hall for hire, with a kitchen and a garden.",
        address="Old Street\nUpton-upon-Severn",
        postcode="WR8 0HA",
        latitude=Decimal("52.06250"),
        longitude=Decimal("-2.21900"),
        contact_email="bookings@uptonhall.example.org",
        website="https://uptonhall.example.org/hire",
        step_free_access=True,
        hearing_loop=True,
        accessibility_notes="Ramp at the side door.",
        opening_times=[(0, time(9), time(12)), (2, time(18), time(21, 30))],
    )
    foodbank = entry(
        directory,
        title="Malvern Foodbank",
        asset_type=foodbank_type,
        place=malvern,
        summary="Emergency food.",
        address="",
        postcode="",
        latitude=Decimal("52.11000"),
        longitude=Decimal("-2.32500"),
        contact_email="jo.private@example.com",
        contact_phone="07700 900123",
        contact_is_a_person=True,
        opening_times=[(4, time(10), time(13))],
    )
    online = entry(
        directory,
        title="Befriending by phone",
        asset_type=foodbank_type,
        address="",
        postcode="",
        latitude=None,
        longitude=None,
    )
    draft = AssetPageFactory(parent=directory, title="Draft hall", asset_type=hall_type, live=False)
    private = entry(
        directory, title="Private hall", asset_type=hall_type, organisation=OrganisationFactory(name="Secret Society")
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    OrganisationFactory(name="Not yet behind any entry")
    return {
        "hall": hall,
        "foodbank": foodbank,
        "online": online,
        "draft": draft,
        "private": private,
        "hall_type": hall_type,
        "foodbank_type": foodbank_type,
        "trust": trust,
    }


def names(page):
    return [item["name"] if "name" in item else item["service"]["name"] for item in page["contents"]]


# Shapes -------------------------------------------------------------------------------------


def test_the_root_says_which_version_and_profile_it_follows(client, db):
    status, payload = get(client, "")
    assert status == 200
    assert validate(payload, "root") == []
    assert payload["version"] == "3.0"


@pytest.mark.parametrize(
    ("path", "definition"),
    [
        ("services", "page_of_service_list"),
        ("service_at_locations", "page_of_service_at_location_list"),
        ("organizations", "page_of_organization_list"),
        ("taxonomies", "page_of_taxonomy"),
        ("taxonomy_terms", "page_of_taxonomy_term"),
    ],
)
def test_every_list_validates_against_the_standards_schema(client, register, path, definition):
    status, payload = get(client, path)
    assert status == 200
    assert validate(payload, definition) == []
    assert payload["total_items"] == len(payload["contents"]) > 0


def test_every_record_validates_against_the_standards_schema(client, register):
    for entry_page in (register["hall"], register["foodbank"], register["online"]):
        status, service = get(client, f"services/{oruk.oruk_id('service', entry_page.pk)}")
        assert status == 200
        assert validate(service, "service") == []
    status, at_location = get(
        client, f"service_at_locations/{oruk.oruk_id('service_at_location', register['hall'].pk)}"
    )
    assert status == 200
    assert validate(at_location, "service_at_location") == []
    status, organization = get(client, f"organizations/{oruk.oruk_id('organization', register['trust'].pk)}")
    assert validate(organization, "organization") == []
    status, taxonomy = get(client, f"taxonomies/{oruk.oruk_id('taxonomy', oruk.TAXONOMY_PK)}")
    assert validate(taxonomy, "taxonomy") == []
    status, term = get(client, f"taxonomy_terms/{oruk.oruk_id('taxonomy_term', register['hall_type'].pk)}")
    assert validate(term, "taxonomy_term") == []


def test_the_schema_catches_a_wrong_shape(db):
    # The test above can fail: a missing required field, a field the standard has not, a bad id.
    assert validate({"id": str(uuid.uuid4()), "name": "x"}, "service_list")
    assert validate({"id": str(uuid.uuid4()), "name": "x", "status": "active", "phone": "1"}, "service_list")
    assert validate({"id": "12", "name": "x", "status": "active"}, "service_list")


def test_a_service_maps_the_entry_its_organisation_location_schedules_and_access(client, register):
    hall = register["hall"]
    _status, service = get(client, f"services/{oruk.oruk_id('service', hall.pk)}")
    assert service["name"] == "Upton Memorial Hall"
    assert service["description"] == "A hall for hire, with a kitchen and a garden."
    assert service["url"] == "https://uptonhall.example.org/hire"
    assert service["email"] == "bookings@uptonhall.example.org"
    assert service["status"] == "active"
    assert service["organization"]["name"] == "Upton Hall Trust"
    assert service["organization"]["organization_identifiers"][0]["identifier"] == "1012345"
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in service["schedules"]] == [
        ("MO", "09:00", "12:00"),
        ("WE", "18:00", "21:30"),
    ]
    assert service["attributes"][0]["taxonomy_term"]["name"] == "Village hall"
    location = service["service_at_locations"][0]["location"]
    assert (location["latitude"], location["longitude"]) == (52.0625, -2.219)
    assert location["addresses"] == [
        {
            "id": oruk.oruk_id("address", hall.pk),
            "location_id": oruk.oruk_id("location", hall.pk),
            "address_1": "Old Street",
            "city": "Upton-upon-Severn",
            "state_province": "Worcestershire",
            "postal_code": "WR8 0HA",
            "country": "GB",
            "address_type": "physical",
        }
    ]
    assert location["accessibility"][0]["description"] == "Step-free access; Hearing loop"
    assert location["accessibility"][0]["details"] == "Ramp at the side door."


def test_a_service_with_no_address_or_point_has_no_location(client, register):
    _status, service = get(client, f"services/{oruk.oruk_id('service', register['online'].pk)}")
    assert service["service_at_locations"] == []
    assert "organization" not in service
    _status, page = get(client, "service_at_locations")
    assert "Befriending by phone" not in names(page)


# What is public -----------------------------------------------------------------------------


def test_drafts_and_private_entries_and_their_organisations_are_never_published(client, register):
    _status, services = get(client, "services")
    assert names(services) == ["Befriending by phone", "Malvern Foodbank", "Upton Memorial Hall"]
    for hidden in ("draft", "private"):
        status, _payload = get(client, f"services/{oruk.oruk_id('service', register[hidden].pk)}")
        assert status == 404
    _status, organizations = get(client, "organizations")
    assert names(organizations) == ["Upton Hall Trust"]


def test_a_private_persons_contact_details_are_never_published(client, register):
    foodbank_id = oruk.oruk_id("service", register["foodbank"].pk)
    for path in ("services", f"services/{foodbank_id}", "service_at_locations"):
        response = client.get("/openreferral/" + path)
        assert b"jo.private" not in response.content and b"900123" not in response.content


# Identifiers --------------------------------------------------------------------------------


def test_identifiers_are_uuids_that_lead_back_to_their_records(db):
    value = oruk.oruk_id("service", 4321)
    assert uuid.UUID(value).version == 8
    assert oruk.pk_from("service", value) == 4321
    assert oruk.pk_from("location", value) is None  # another kind of record
    assert oruk.pk_from("service", str(uuid.uuid4())) is None  # another directory's
    assert oruk.pk_from("service", "not-a-uuid") is None


def test_an_unknown_id_is_a_json_404(client, register):
    for path in ("services/" + str(uuid.uuid4()), "services/nonsense", "organizations/" + str(uuid.uuid4())):
        status, payload = get(client, path)
        assert status == 404
        assert payload["error"]


# Paging and filters -------------------------------------------------------------------------


def test_lists_are_paged_as_the_standard_says(client, register):
    _status, first = get(client, "services", per_page=2)
    assert {key: first[key] for key in first if key != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    _status, second = get(client, "services", per_page=2, page=2)
    assert (second["page_number"], second["size"], second["first_page"], second["last_page"]) == (2, 1, False, True)
    assert names(first) + names(second) == ["Befriending by phone", "Malvern Foodbank", "Upton Memorial Hall"]
    _status, beyond = get(client, "services", per_page=2, page=3)
    assert (beyond["contents"], beyond["size"], beyond["empty"]) == ([], 0, False)


def test_an_empty_list_says_so(client, directory):
    _status, page = get(client, "services")
    assert page == {
        "total_items": 0,
        "total_pages": 0,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "two"},
        {"per_page": "1000"},
        {"day": "XX"},
        {"start_time": "9am"},
        {"modified_after": "yesterday"},
        {"proximity": "500"},
        {"place": "nowhere"},
    ],
)
def test_a_bad_parameter_is_a_json_400_that_says_what_is_wrong(client, register, params):
    status, payload = get(client, "services", **params)
    assert status == 400
    assert payload["error"]


def test_services_are_filtered_by_text_taxonomy_term_organisation_and_taxonomy(client, register):
    assert names(get(client, "services", search="kitchen")[1]) == ["Upton Memorial Hall"]
    assert names(get(client, "services", text="emergency")[1]) == ["Malvern Foodbank"]
    term = oruk.oruk_id("taxonomy_term", register["foodbank_type"].pk)
    assert names(get(client, "services", taxonomy_term_id=term)[1]) == ["Befriending by phone", "Malvern Foodbank"]
    organisation = oruk.oruk_id("organization", register["trust"].pk)
    assert names(get(client, "services", organization_id=organisation)[1]) == ["Upton Memorial Hall"]
    assert names(get(client, "services", taxonomy_id=oruk.oruk_id("taxonomy", oruk.TAXONOMY_PK))[1]) == names(
        get(client, "services")[1]
    )
    assert get(client, "services", taxonomy_id=str(uuid.uuid4()))[1]["empty"] is True


def test_services_are_filtered_by_day_and_hours(client, register):
    assert names(get(client, "services", day="MO")[1]) == ["Upton Memorial Hall"]
    assert names(get(client, "services", day="FR")[1]) == ["Malvern Foodbank"]
    assert names(get(client, "services", start_time="17:00")[1]) == ["Upton Memorial Hall"]
    assert names(get(client, "services", end_time="12:00")[1]) == ["Upton Memorial Hall"]
    assert names(get(client, "services", day="FR", end_time="12:00")[1]) == []


def test_services_are_filtered_by_modification(client, register):
    foodbank = register["foodbank"]
    type(foodbank).objects.filter(pk=foodbank.pk).update(last_published_at=timezone.now() - timedelta(days=30))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert "Malvern Foodbank" not in names(get(client, "services", modified_after=since)[1])
    assert "Upton Memorial Hall" in names(get(client, "services", modified_after=since)[1])


def test_services_near_a_town_or_parish(client, register):
    assert names(get(client, "services", place="malvern")[1]) == ["Malvern Foodbank"]
    # Upton's hall is about 160 m from Upton's centre; Malvern's foodbank 8 km away.
    assert names(get(client, "service_at_locations", place="upton-upon-severn", proximity="1000")[1]) == [
        "Upton Memorial Hall"
    ]
    assert names(get(client, "service_at_locations", place="upton-upon-severn", proximity="20000")[1]) == [
        "Malvern Foodbank",
        "Upton Memorial Hall",
    ]


def test_taxonomy_terms_are_the_asset_types(client, register):
    _status, page = get(client, "taxonomy_terms")
    assert names(page) == ["Foodbank", "Village hall"]
    assert all(term["taxonomy_id"] == oruk.oruk_id("taxonomy", oruk.TAXONOMY_PK) for term in page["contents"])
    _status, taxonomy = get(client, f"taxonomies/{oruk.oruk_id('taxonomy', oruk.TAXONOMY_PK)}")
    assert [term["name"] for term in taxonomy["taxonomy_terms"]] == ["Foodbank", "Village hall"]


def test_an_organisation_lists_its_published_services(client, register):
    _status, organization = get(client, f"organizations/{oruk.oruk_id('organization', register['trust'].pk)}")
    assert [service["name"] for service in organization["services"]] == ["Upton Memorial Hall"]
    assert organization["organization_identifiers"][0]["identifier_scheme"] == "GB-CHC"


# Caching and cost ---------------------------------------------------------------------------


def test_answers_are_public_and_cached_until_the_next_publication(client, register, django_assert_num_queries):
    response = client.get("/openreferral/services")
    assert "public" in response["Cache-Control"]
    with django_assert_num_queries(0):
        client.get("/openreferral/services")
    hall = register["hall"]
    hall.title = "Upton Memorial Hall and Garden"
    hall.save_revision().publish()
    assert "Upton Memorial Hall and Garden" in names(get(client, "services")[1])


def test_only_get_and_head_are_answered(client, db):
    assert client.post("/openreferral/services").status_code == 405


def build(directory, count):
    hall_type = AssetTypeFactory(name="Village hall", slug="village-hall")
    place = PlaceFactory(name="Malvern", slug="malvern")
    organisation = OrganisationFactory()
    for number in range(count):
        AssetPageFactory(
            parent=directory, title=f"Hall {number}", asset_type=hall_type, place=place, organisation=organisation
        )
    return hall_type


@pytest.mark.parametrize("count", [3, 60])
def test_list_query_counts_are_flat(client, directory, count, django_assert_max_num_queries):
    build(directory, count)
    client.get("/openreferral/services?per_page=1")  # site, routing and view-restriction caches warmed
    for path in ("services?per_page=200", "service_at_locations?per_page=200", "organizations", "taxonomy_terms"):
        # The count, and the page.
        with django_assert_max_num_queries(2):
            assert client.get("/openreferral/" + path).status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_record_query_counts_are_flat(client, directory, count, django_assert_max_num_queries):
    build(directory, count)
    entry_page = directory.get_children().last().specific
    client.get("/openreferral/services?per_page=1")
    # The entry with its organisation, type and place; its opening times.
    with django_assert_max_num_queries(2):
        assert client.get(f"/openreferral/services/{oruk.oruk_id('service', entry_page.pk)}").status_code == 200
    with django_assert_max_num_queries(2):
        response = client.get(f"/openreferral/organizations/{oruk.oruk_id('organization', entry_page.organisation_id)}")
        assert len(json.loads(response.content)["services"]) == count
