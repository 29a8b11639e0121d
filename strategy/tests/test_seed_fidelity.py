"""The strategy page says what the published strategy says, no more and no less."""

import copy
import importlib
import json
import re

from django.apps import apps

import pytest

from home.loader import load_site
from pledges.factories import make_pledge
from pledges.models import PledgeIndexPage
from strategy.loader import read_data
from strategy.models import CommunityAsset, StrategyPage, Theme

correction = importlib.import_module("strategy.migrations.0003_seed_corrections")


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&amp;", "&")


def body_of(html):
    """The strategy itself, without the table of contents."""
    return html.split('class="strategy-full-text"', 1)[1]


def strategy_body_html(client):
    response = client.get("/strategy/full/")
    assert response.status_code == 200
    return body_of(response.content.decode())


def test_brokerage_service_is_shown_without_an_invented_figure(client, strategy_site):
    html = strategy_body_html(client)
    item = re.search(r"<li>((?:(?!</li>).)*brokerage service(?:(?!</li>).)*)</li>", html).group(1)
    assert "key-facts__figure" not in item
    assert text_of(item).strip() == "District volunteer brokerage service and Volunteering Forum"
    home = client.get("/").content.decode()
    assert not re.search(r'key-facts__figure">1</span> <span class="key-facts__description">District', home)


def test_each_survey_section_heading_appears_once(client, strategy_site):
    text = text_of(strategy_body_html(client))
    assert text.count("Knowing our communities") == 1
    assert text.count("What you think about us") == 1
    assert text.count("COVID-19") == 1
    assert "COVID 19" not in text


def test_our_pledges_shows_each_themes_published_pledges(client, strategy_site):
    index = PledgeIndexPage(title="Our pledges", slug="pledges")
    strategy_site.add_child(instance=index)
    index.save_revision().publish()
    healthier = Theme.objects.get(slug="healthier")
    make_pledge(index, healthier, title="Open a warm space in every town", publish=True)

    html = strategy_body_html(client)
    section = html.split('id="our-pledges"', 1)[1].split("</section>", 1)[0]
    text = text_of(section)
    assert "several pledges in support of our three central themes" in text
    assert re.search(r"Healthier\s+Open a warm space in every town", text)
    assert re.search(r"Safer & inclusive\s+No pledge has been published for this theme yet", text)
    assert re.search(r"Stronger & sustainable\s+No pledge has been published for this theme yet", text)
    # No bare theme names left at the end of "Evaluation and learning".
    evaluation = html.split('id="evaluation-and-learning"', 1)[1].split("</section>", 1)[0]
    assert "Our pledges" not in evaluation


def first_release_data():
    """strategy.json as the first releases loaded it, with the known errors."""
    data = copy.deepcopy(read_data())
    for asset in data["community_assets"]:
        if "brokerage" in asset["description"]:
            asset.update(correction.WRONG_ASSET)
    sections = data["strategy"]["sections"]
    for section in sections:
        if section["heading"] == correction.RIGHT_COVID_HEADING:
            section["heading"] = correction.WRONG_COVID_HEADING
    pledges = next(position for position, section in enumerate(sections) if section["anchor"] == "our-pledges")
    sections.pop(pledges)
    sections[pledges - 1]["blocks"][-1]["value"] += correction.EMPTY_PLEDGES_LIST
    return data


def test_migration_corrects_a_site_built_by_an_earlier_release(client, db):
    load_site(first_release_data())
    page = StrategyPage.objects.get()
    assert "COVID 19" in json.dumps(list(page.body.raw_data))

    correction.correct_strategy_content(apps, None)

    html = strategy_body_html(client)
    text = text_of(html)
    assert "COVID 19" not in text
    assert 'id="our-pledges"' in html
    assert "No pledge has been published for this theme yet" in text
    asset = CommunityAsset.objects.get(description__contains="brokerage")
    assert (asset.figure, asset.description) == ("", "District volunteer brokerage service and Volunteering Forum")
    # The revision editors publish from has the fix too, so the next publication keeps it.
    latest = StrategyPage.objects.get().get_latest_revision_as_object()
    assert [section.value["heading"] for section in latest.body].count("Our pledges") == 1
    assert correction.corrected_body(list(latest.body.raw_data)) is None


def test_migration_leaves_what_editors_changed(db):
    load_site(first_release_data())
    asset = CommunityAsset.objects.get(description__contains="brokerage")
    asset.figure = "One"
    asset.save()
    page = StrategyPage.objects.get()
    body = list(page.body.raw_data)
    for section in body:
        if section["value"]["heading"] == correction.WRONG_COVID_HEADING:
            section["value"]["heading"] = "How we responded to the pandemic"
    page.body = json.dumps(body)
    page.save_revision().publish()

    correction.correct_strategy_content(apps, None)

    asset.refresh_from_db()
    assert asset.figure == "One"
    headings = [section.value["heading"] for section in StrategyPage.objects.get().body]
    assert "How we responded to the pandemic" in headings
    assert correction.RIGHT_COVID_HEADING not in headings


@pytest.mark.parametrize("run", [1, 2])
def test_migration_changes_nothing_on_a_site_built_from_the_corrected_data(strategy_site, run):
    before = list(StrategyPage.objects.get().body.raw_data)
    for _ in range(run):
        correction.correct_strategy_content(apps, None)
    assert list(StrategyPage.objects.get().body.raw_data) == before
