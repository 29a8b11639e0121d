"""Metadata in <head>, feeds and sitemap: what feed readers and search engines see (the API: test_api)."""

import json
import re
import xml.etree.ElementTree as ET

from wagtail.models import PageViewRestriction

import pytest

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def stories(make_story):
    live = make_story("Live orchard story", summary="An orchard was planted.")
    make_story("Draft orchard story", summary="Not ready.", live=False)
    private = make_story("Private orchard story", summary="Staff only.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return live


def test_story_head_has_title_description_open_graph_canonical_and_article_json_ld(client, stories):
    html = client.get(stories.url).content.decode()
    assert "<title>Live orchard story – Connected Communities</title>" in html
    assert '<meta name="description" content="An orchard was planted.">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Live orchard story">' in html
    assert '<link rel="canonical"' in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Article"
    assert data["headline"] == "Live orchard story"
    assert data["author"]["name"] == stories.told_by


def test_json_ld_cannot_close_its_script_element(client, make_story):
    story = make_story("Tricky </script><b>title", summary="x")
    html = client.get(story.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["headline"] == "Tricky </script><b>title"


def test_every_page_advertises_the_three_feeds(client, home):
    html = client.get("/").content.decode()
    for path in ("/stories/feed/", "/pledges/feed/", "/consultations/feed/"):
        assert 'type="application/rss+xml"' in html and f'href="{path}"' in html


def test_sitemap_lists_live_public_pages_with_lastmod_and_never_drafts_or_private(client, stories):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {url.findtext(f"{SITEMAP_NS}loc"): url.findtext(f"{SITEMAP_NS}lastmod") for url in root}
    locs = " ".join(entries)
    assert any(loc.endswith(stories.url) for loc in entries)
    assert all(lastmod for lastmod in entries.values())
    assert "story-" in locs
    draft_and_private = [p for p in stories.get_parent().get_children() if p.title != "Live orchard story"]
    for page in draft_and_private:
        assert not any(loc.endswith(f"/{page.slug}/") for loc in entries), page.title


@pytest.mark.parametrize("path", ["/stories/feed/", "/stories/feed/atom/"])
def test_story_feeds_parse_and_hold_only_live_public_stories(client, stories, path):
    response = client.get(path)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = response.content.decode()
    if root.tag == "rss":
        channel = root.find("channel")
        assert channel.findtext("title") and channel.findtext("link") and channel.findtext("description") is not None
        items = channel.findall("item")
        assert all(item.findtext("title") and item.findtext("link") for item in items)
    else:
        atom = "{http://www.w3.org/2005/Atom}"
        assert root.tag == f"{atom}feed"
        assert root.findtext(f"{atom}title") and root.findtext(f"{atom}id") and root.findtext(f"{atom}updated")
        items = root.findall(f"{atom}entry")
    assert len(items) == 1
    assert "Live orchard story" in text
    assert "Draft orchard story" not in text
    assert "Private orchard story" not in text


def rss_items(client, path):
    """The feed parsed as RSS 2.0: its channel must have a title, link and description."""
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") and channel.findtext("link") and channel.findtext("description")
    items = channel.findall("item")
    assert all(item.findtext("title") and item.findtext("link") and item.findtext("pubDate") for item in items)
    return items, response.content.decode()


def test_pledge_feed_parses_and_holds_only_published_updates_of_live_public_pledges(client, pledges, theme):
    from pledges.factories import make_pledge

    private = make_pledge(pledges["live"].get_parent(), theme, [("2025-03-01", "on_track", "Behind a login.")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    pledges["draft"].updates.create(date="2025-04-01", status="on_track", text="Never published.")
    pending = pledges["live"].get_latest_revision_as_object()
    pending.updates.add(pending.updates.model(date="2025-05-01", status="done", text="Awaiting review."))
    pending.save_revision()

    items, text = rss_items(client, "/pledges/feed/")
    assert [item.findtext("title") for item in items] == ["Warm spaces: On track"]
    assert items[0].findtext("description") == "Started well."
    for hidden in ("Behind a login", "Never published", "Awaiting review", "Unannounced pledge"):
        assert hidden not in text, hidden


def test_consultation_feed_parses_and_holds_only_live_public_consultations(client, consultations):
    private = consultations["undecided"]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    items, text = rss_items(client, "/consultations/feed/")
    assert sorted(item.findtext("title") for item in items) == [
        "Consultation opened: Parks consultation",
        "Outcome published: Parks consultation",
    ]
    assert all(item.findtext("guid") for item in items)
    for hidden in ("Draft consultation", "Library consultation", "Bus consultation"):
        assert hidden not in text, hidden


FEEDS = {
    "stories": {"/stories/feed/", "/stories/feed/atom/"},
    "pledges": {"/pledges/feed/"},
    "consultations": {"/consultations/feed/"},
    "alerts": {"/alerts/feed.atom", "/alerts/cap.atom"},
}


def advertised_feeds(client, url):
    html = client.get(url).content.decode()
    head = html[: html.index("</head>")]
    return re.findall(r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]*href="([^"]+)"', head)


def test_each_page_advertises_its_own_feeds_exactly_once(client, stories, pledges, consultations):
    every = FEEDS["stories"] | FEEDS["pledges"] | FEEDS["consultations"] | FEEDS["alerts"]
    pages = {
        "/": every,
        "/search/?q=orchard": every,
        "/stories/": FEEDS["stories"],
        stories.url: FEEDS["stories"],
        "/pledges/": FEEDS["pledges"],
        pledges["live"].url: FEEDS["pledges"],
        "/consultations/": FEEDS["consultations"],
        consultations["decided"].url: FEEDS["consultations"],
    }
    for url, expected in pages.items():
        links = advertised_feeds(client, url)
        assert sorted(links) == sorted(expected), url  # each once, none missing, none from elsewhere
