"""The stories download: every published story as CSV or JSON, linked from the listing."""

import csv
import io
import json
import uuid

from wagtail.models import PageViewRestriction

import pytest

from pledges.factories import make_pledge
from pledges.models import PledgeIndexPage
from stories.exports import EXPORT_COLUMNS
from stories.factories import StoryPageFactory
from stories.models import StorySubmission

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(story_index, themes, places):
    pledge_index = PledgeIndexPage(title="Our pledges", slug="pledges")
    story_index.get_parent().add_child(instance=pledge_index)
    live_pledge = make_pledge(pledge_index, themes["safer"], title="Safer streets")
    draft_pledge = make_pledge(pledge_index, themes["safer"], title="Unannounced pledge")
    draft_pledge.unpublish()
    story = StoryPageFactory(
        parent=story_index,
        title="Repair café",
        told_by="Upton Repairers",
        place=places["upton"],
        themes=[themes["healthier"]],
        tags=["repair", "bikes"],
    )
    story.pledges.set([live_pledge, draft_pledge])
    story.save()
    StorySubmission.objects.create(
        page=story,
        reference="CS-SECRET1",
        form_token=uuid.uuid4(),
        group_name="Upton Repairers",
        contact_name="Jo Contact",
        contact_email="jo.contact@example.org",
        consent_to_publish=True,
        people_pictured_agreed=True,
    )
    StoryPageFactory(parent=story_index, title='=HYPERLINK("http://x")')
    StoryPageFactory(parent=story_index, title="Draft story").unpublish()
    private = StoryPageFactory(parent=story_index, title="Private story")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return story


def test_csv_has_one_row_per_live_public_story_with_the_documented_columns(client, stories):
    response = client.get("/stories/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="stories.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == [name for name, _description in EXPORT_COLUMNS]
    by_id = {row["id"]: row for row in rows}
    repair = by_id[str(stories.pk)]
    assert repair["title"] == "Repair café"
    assert repair["url"] == f"http://testserver{stories.url}"
    assert repair["place"] == "Upton-upon-Severn"
    assert repair["themes"] == "Healthier communities"
    assert repair["pledges"] == "Safer streets"  # the unpublished pledge is not named
    assert repair["tags"] == "bikes; repair"
    titles = {row["title"] for row in rows}
    assert '\'=HYPERLINK("http://x")' in titles  # a formula is neutralised for spreadsheets
    assert len(rows) == 2


def test_json_explains_its_columns_and_holds_the_same_stories(client, stories):
    response = client.get("/stories/export.json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'inline; filename="stories.json"'
    data = json.loads(response.content)
    assert set(data["columns"]) == {name for name, _description in EXPORT_COLUMNS}
    repair = next(item for item in data["stories"] if item["id"] == stories.pk)
    assert repair["themes"] == ["Healthier communities"] and repair["pledges"] == ["Safer streets"]
    assert len(data["stories"]) == 2


@pytest.mark.parametrize("path", ["/stories/export.csv", "/stories/export.json"])
def test_downloads_hold_no_drafts_private_stories_or_personal_data(client, stories, path):
    content = client.get(path).content.decode()
    for hidden in ("Draft story", "Private story", "Unannounced pledge", "Jo Contact", "@", "CS-SECRET1"):
        assert hidden not in content, hidden


def test_listing_links_to_the_downloads_and_explains_the_columns(client, stories):
    html = client.get("/stories/").content.decode()
    assert 'href="/stories/export.csv"' in html and 'href="/stories/export.json"' in html
    assert '<code class="export-columns__name">told_by</code>' in html
