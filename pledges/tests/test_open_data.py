import csv
import io
import json
import re
from datetime import date
from xml.etree import ElementTree

from django.contrib.auth import get_user_model

import pytest

from pledges.exports import EXPORT_COLUMNS
from pledges.factories import SurveyFigureFactory, make_indicator, make_pledge
from pledges.status import Status

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


@pytest.fixture
def pledges(pledge_index, healthier, safer):
    lead = get_user_model().objects.create_user("jo.lead", "jo.lead@example.org", "a long password here")
    figure = SurveyFigureFactory(value=40, statement="agree that they can influence decisions in their local area")
    first = make_pledge(
        pledge_index,
        healthier,
        [(date(2024, 1, 1), Status.ON_TRACK, "Started."), (date(2025, 1, 1), Status.AT_RISK, "Funding is late.")],
        title="Crowdfunding",
        lead="Community Services",
        target_date=date(2026, 3, 31),
        indicators=[
            make_indicator(
                name="Can influence decisions",
                baseline_figure=figure,
                baseline_year=2021,
                target_value=50,
                target_year=2026,
                readings=[(date(2025, 3, 31), 44)],
            )
        ],
    )
    first.lead_users.add(lead)
    first.save()
    make_pledge(pledge_index, safer, title="Community Watch", lead="West Mercia Police")
    return first


def test_csv_export_has_one_row_per_pledge_with_the_documented_columns(client, pledge_index, pledges):
    response = client.get(pledge_index.url + "export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0].keys()) == [name for name, _description in EXPORT_COLUMNS]
    by_title = {row["title"]: row for row in rows}
    assert set(by_title) == {"Crowdfunding", "Community Watch"}
    crowdfunding = by_title["Crowdfunding"]
    assert crowdfunding["status"] == "at_risk"
    assert crowdfunding["status_label"] == "At risk"
    assert crowdfunding["last_updated"] == "2025-01-01"
    assert crowdfunding["target_date"] == "2026-03-31"
    assert crowdfunding["update_count"] == "2"
    assert "baseline 40% (2021)" in crowdfunding["indicators"]
    assert "latest 44% (2025-03-31)" in crowdfunding["indicators"]
    assert by_title["Community Watch"]["status"] == "not_started"


def test_json_export_parses_and_matches_the_pledges(client, pledge_index, pledges):
    response = client.get(pledge_index.url + "export.json")
    data = json.loads(response.content)
    assert set(data["columns"]) == {name for name, _description in EXPORT_COLUMNS}
    crowdfunding = next(item for item in data["pledges"] if item["title"] == "Crowdfunding")
    assert crowdfunding["status"] == "at_risk"
    assert crowdfunding["url"].startswith("http") and crowdfunding["url"].endswith(pledges.url)
    indicator = crowdfunding["indicators"][0]
    assert indicator["baseline_value"] == "40"
    assert indicator["baseline_source"].startswith("40% agree")
    assert indicator["target_value"] == "50"


@pytest.mark.parametrize("suffix", ["export.csv", "export.json", "feed/"])
def test_open_data_contains_no_personal_data(client, pledge_index, pledges, suffix):
    content = client.get(pledge_index.url + suffix).content.decode()
    assert "jo.lead" not in content
    assert not EMAIL.search(content)


def test_feed_lists_updates_newest_first_with_links_to_the_update(client, pledge_index, pledges):
    response = client.get(pledge_index.url + "feed/")
    assert response.status_code == 200
    channel = ElementTree.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Crowdfunding: At risk", "Crowdfunding: On track"]
    assert items[0].findtext("description") == "Funding is late."
    assert re.search(re.escape(pledges.url) + r"#update-\d+$", items[0].findtext("link"))


def test_dashboard_links_to_the_downloads_and_explains_the_columns(client, pledge_index, pledges):
    html = client.get(pledge_index.url).content.decode()
    assert 'href="/pledges/export.csv"' in html
    assert 'href="/pledges/export.json"' in html
    assert 'href="/pledges/feed/"' in html
    assert '<code class="export-columns__name">last_updated</code>' in html
