"""The fund's awards as 360Giving open data, served: /fund/open-data/grants.json and grants.csv."""

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

from django.test import Client

import pytest
from jsonschema import Draft202012Validator

from fund.factories import ApplicationFactory, publish_project
from fund.models import Application
from fund.threesixty import CSV_COLUMNS

from .helpers import make_round

SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "schemas" / "360giving-grant-package.schema.json").read_text()
)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
JSON_URL = "/fund/open-data/grants.json"
CSV_URL = "/fund/open-data/grants.csv"
# Three, however many grants: the projects (with priority and registration numbers), their
# places, their rounds.
OPEN_DATA_QUERIES = 3


@pytest.fixture(autouse=True)
def funder(settings):
    settings.FUND_360GIVING = {"identifier": "GB-LAE-EXA", "name": "Example District Council", "prefix": "360G-exdc"}


def project(round_page, priority, grant, places=(), application=None, **fields):
    return publish_project(
        round_page, places=places, priority=priority, grant_amount=grant, application=application, **fields
    )


@pytest.fixture
def awarded(finished_round, priorities, places):
    charity = ApplicationFactory(
        round=finished_round,
        group_email="treasurer@uptonrepair.example.org",
        group_name="Upton Repair Café",
        organisation_type=Application.OrganisationType.CHARITY,
        charity_number="1164883",
        state=Application.State.FUNDED,
    )
    return {
        "repair": project(
            finished_round,
            priorities["places"],
            Decimal("2500"),
            [places["upton"], places["malvern"]],
            application=charity,
            title="Upton repair café",
            group_name="Upton Repair Café",
        ),
        "green": project(
            finished_round,
            priorities["people"],
            Decimal("749.50"),
            title="Green gym",
            group_name="Friends of the Green",
        ),
        "shortlisted": project(finished_round, priorities["people"], None, title="Shortlisted only"),
    }


def test_the_json_is_a_360giving_package_of_the_funded_projects_that_validates(client, awarded, finished_round):
    response = client.get(JSON_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    package = json.loads(response.content)
    assert sorted(VALIDATOR.iter_errors(package), key=str) == []
    by_title = {grant["title"]: grant for grant in package["grants"]}
    assert set(by_title) == {"Upton repair café", "Green gym"}
    repair = by_title["Upton repair café"]
    assert repair["id"] == f"360G-exdc-PMP-project-{awarded['repair'].pk}"
    assert repair["amountAwarded"] == 2500
    assert repair["awardDate"] == finished_round.decisions_on.date().isoformat()
    assert repair["recipientOrganization"] == [
        {"id": "GB-CHC-1164883", "name": "Upton Repair Café", "charityNumber": "1164883"}
    ]
    assert [location["name"] for location in repair["beneficiaryLocation"]] == ["Malvern", "Upton-upon-Severn"]
    assert repair["grantProgramme"] == [{"code": f"PMP-round-{finished_round.pk}", "title": "Round one"}]
    assert repair["dataSource"].endswith(awarded["repair"].url)
    green = by_title["Green gym"]
    assert green["amountAwarded"] == 749.5
    assert green["recipientOrganization"][0]["id"] == "360G-exdc-Friends-of-the-Green"
    assert package["publisher"] == {"identifier": "GB-LAE-EXA", "name": "Example District Council"}


def test_the_csv_is_a_download_whose_header_is_the_standards_column_titles(client, awarded):
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="people-make-places-fund-grants.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [title for title, _path in CSV_COLUMNS]
    assert rows[0][:3] == ["Identifier", "Title", "Description"]
    cells = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(cells) == {"Upton repair café", "Green gym"}
    assert cells["Upton repair café"]["Amount Awarded"] == "2500"
    assert cells["Upton repair café"]["Recipient Org:Charity Number"] == "1164883"


@pytest.mark.parametrize("url", [JSON_URL, CSV_URL])
def test_unpublished_private_and_unfunded_projects_are_left_out(client, awarded, finished_round, priorities, url):
    awarded["green"].unpublish()
    content = client.get(url).content.decode()
    assert "Upton repair café" in content
    assert "Green gym" not in content
    assert "Shortlisted only" not in content


@pytest.mark.parametrize("url", [JSON_URL, CSV_URL])
def test_no_email_address_or_applicants_details_are_published(client, awarded, url):
    content = client.get(url).content.decode()
    assert "Upton repair café" in content
    assert not EMAIL.search(content)
    assert "uptonrepair" not in content
    assert awarded["repair"].application.reference not in content


@pytest.mark.parametrize("url", [JSON_URL, CSV_URL])
def test_the_files_are_public_and_cacheable(client, awarded, url):
    response = client.get(url)
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.parametrize("url", [JSON_URL, CSV_URL])
def test_the_page_cache_stores_the_files_for_anonymous_visitors_until_an_award_changes(
    awarded, finished_round, priorities, settings, url
):
    settings.PAGE_CACHE_SECONDS = 600
    first = Client().get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    second = Client().get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # A newly published award empties the cache: the next visitor sees it.
    project(finished_round, priorities["social"], Decimal("900"), title="Bench in the square")
    third = Client().get(url)
    assert third["X-Page-Cache"] == "miss"
    assert "Bench in the square" in third.content.decode()


@pytest.mark.parametrize("url", [JSON_URL, CSV_URL])
def test_without_awards_or_without_the_councils_identifiers_there_is_nothing_to_download(
    client, finished_round, priorities, settings, url
):
    assert client.get(url).status_code == 404
    project(finished_round, priorities["people"], Decimal("100"))
    assert client.get(url).status_code == 200
    settings.FUND_360GIVING = None
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("count", [2, 20])
@pytest.mark.parametrize("url", [JSON_URL, CSV_URL])
def test_the_query_count_is_flat(client, fund, priorities, places, count, url, warm_caches, django_assert_num_queries):
    second_round = make_round(fund, title="Round three", slug="round-three")
    for number in range(count):
        project(
            second_round,
            priorities["places"],
            Decimal("100"),
            [places["malvern"]] if number % 2 else [places["upton"], places["malvern"]],
            application=ApplicationFactory(round=second_round, charity_number=str(1100000 + number)),
        )
    warm_caches(url)
    with django_assert_num_queries(OPEN_DATA_QUERIES):
        response = client.get(url)
    assert response.content.decode().count("360G-exdc-PMP-project-") == count


def test_the_fund_page_links_to_both_files_and_explains_them(client, fund, awarded, settings):
    content = client.get(fund.url).content.decode()
    assert "Open data: awards in the 360Giving Data Standard" in content
    assert f'href="{CSV_URL}"' in content
    assert f'href="{JSON_URL}"' in content
    settings.FUND_360GIVING = None
    assert f'href="{CSV_URL}"' not in client.get(fund.url).content.decode()
