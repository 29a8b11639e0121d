"""A story's summary is plain text everywhere it goes: page, feeds, open data and the API.

A group may type an entity ("&lt;img ...&gt;") beside a little formatting; it must come out
as the characters typed, never as markup. The feeds are checked on their raw XML.
"""

import html
import uuid
import xml.etree.ElementTree as ET

import pytest

from stories.factories import StoryPageFactory
from stories.models import StorySubmission

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
TYPED = "Our <b>repair café</b> &lt;img src=x onerror=alert(1)&gt; fixed 200 toasters."
# The formatting goes; every other character stays as typed.
SUMMARY = "Our repair café &lt;img src=x onerror=alert(1)&gt; fixed 200 toasters."


@pytest.fixture
def story(client, story_index):
    data = {
        "group_name": "Upton Repair Group",
        "contact_name": "Sam Jones",
        "contact_email": "sam@example.org",
        "title": "Repair café",
        "story": TYPED,
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
    }
    assert client.post("/stories/submit/", data).status_code == 302
    page = StorySubmission.objects.get(form_token=data["form_token"]).page
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page


def atom_summaries(client):
    raw = client.get("/stories/feed/atom/").content.decode()
    assert "<img" not in raw
    return [
        (entry.find(f"{ATOM}summary").get("type"), entry.find(f"{ATOM}summary").text)
        for entry in ET.fromstring(raw).iter(f"{ATOM}entry")
    ]


def rss_descriptions(client):
    raw = client.get("/stories/feed/").content.decode()
    assert "<img" not in raw
    return [item.find("description").text for item in ET.fromstring(raw).iter("item")]


def test_an_entity_typed_beside_formatting_stays_the_characters_typed(client, story):
    assert story.summary == SUMMARY
    page = client.get(story.url).content.decode()
    assert "<img" not in page
    assert html.escape(SUMMARY, quote=False) in page  # the lead paragraph, shown as typed


def test_the_atom_feed_carries_the_summary_as_plain_text(client, story):
    assert atom_summaries(client) == [("text", SUMMARY)]


def test_the_rss_description_is_html_that_shows_the_summary_as_typed(client, story):
    (description,) = rss_descriptions(client)
    assert "<" not in description  # no markup at all for a reader to render
    assert html.unescape(description) == SUMMARY


def test_open_data_and_the_api_give_the_summary_as_typed(client, story):
    exported = client.get("/stories/export.json").json()
    assert [record["summary"] for record in exported["stories"]] == [SUMMARY]
    api = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert api["summary"] == SUMMARY


def test_markup_an_editor_types_into_a_summary_is_never_rendered_by_a_feed_reader(client, story_index):
    typed = '<img src=x onerror="alert(1)"> & <b>bold</b>'
    StoryPageFactory(parent=story_index, title="Edited", summary=typed)
    assert atom_summaries(client) == [("text", typed)]
    (description,) = rss_descriptions(client)
    assert "<" not in description and html.unescape(description) == typed
