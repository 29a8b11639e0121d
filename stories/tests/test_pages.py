import datetime
import re
from xml.etree import ElementTree

import pytest

from stories.factories import StoryPageFactory
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def listed_titles(response):
    return re.findall(
        r'class="[^"]*story-card__title"><a class="govuk-link" href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_listing_shows_live_stories_and_hides_drafts(client, story_index):
    StoryPageFactory(parent=story_index, title="A live story")
    draft = StoryPageFactory(parent=story_index, title="A draft story")
    draft.unpublish()
    response = client.get("/stories/")
    assert response.status_code == 200
    assert listed_titles(response) == ["A live story"]
    assert client.get(draft.url or "/stories/" + draft.slug + "/").status_code == 404


def test_featured_stories_come_first(client, story_index):
    StoryPageFactory(parent=story_index, title="Newest", date=datetime.date(2026, 1, 1))
    StoryPageFactory(parent=story_index, title="Old but featured", date=datetime.date(2020, 1, 1), featured=True)
    assert listed_titles(client.get("/stories/"))[:2] == ["Old but featured", "Newest"]


def test_filters_combine_theme_place_tag_and_year(client, story_index, themes, places):
    StoryPageFactory(
        parent=story_index,
        title="Match",
        themes=[themes["safer"]],
        place=places["upton"],
        tags=["youth"],
        date=datetime.date(2025, 5, 1),
    )
    StoryPageFactory(
        parent=story_index,
        title="Other theme",
        themes=[themes["healthier"]],
        place=places["upton"],
        tags=["youth"],
        date=datetime.date(2025, 5, 1),
    )
    StoryPageFactory(
        parent=story_index,
        title="Other place",
        themes=[themes["safer"]],
        place=places["tenbury"],
        tags=["youth"],
        date=datetime.date(2025, 5, 1),
    )
    StoryPageFactory(
        parent=story_index,
        title="Other tag",
        themes=[themes["safer"]],
        place=places["upton"],
        tags=["sport"],
        date=datetime.date(2025, 5, 1),
    )
    StoryPageFactory(
        parent=story_index,
        title="Other year",
        themes=[themes["safer"]],
        place=places["upton"],
        tags=["youth"],
        date=datetime.date(2024, 5, 1),
    )
    response = client.get("/stories/?theme=safer&place=upton&tag=youth&year=2025")
    assert listed_titles(response) == ["Match"]
    assert len(listed_titles(client.get("/stories/?theme=safer"))) == 4
    assert set(listed_titles(client.get("/stories/?year=2024"))) == {"Other year"}


def test_filter_form_shows_the_chosen_values_so_the_address_can_be_shared(client, story_index, themes):
    StoryPageFactory(parent=story_index, themes=[themes["safer"]])
    html = client.get("/stories/?theme=safer").content.decode()
    assert '<option value="safer" selected>' in html


def test_unknown_filter_values_are_ignored_not_errors(client, story_index):
    StoryPageFactory(parent=story_index, title="Still listed")
    response = client.get("/stories/?theme=nope&year=abc&page=999")
    assert response.status_code == 200
    assert listed_titles(response) == ["Still listed"]


def test_listing_paginates_and_keeps_filters_in_page_links(client, story_index, themes):
    StoryPageFactory.create_batch(14, parent=story_index, themes=[themes["safer"]])
    first = client.get("/stories/?theme=safer")
    assert len(listed_titles(first)) == 12
    assert "?theme=safer&amp;page=2" in first.content.decode()
    assert len(listed_titles(client.get("/stories/?theme=safer&page=2"))) == 2


def test_story_page_shows_its_details_and_related_stories(client, story_index, themes, places):
    story = StoryPageFactory(
        parent=story_index,
        title="Repair café",
        told_by="Upton Repair Group",
        place=places["upton"],
        themes=[themes["safer"]],
        tags=["repair"],
    )
    StoryPageFactory(parent=story_index, title="Same theme", themes=[themes["safer"]])
    StoryPageFactory(parent=story_index, title="Unrelated", themes=[themes["healthier"]])
    response = client.get(story.url)
    text = text_of(response)
    assert "Told by Upton Repair Group" in text
    assert "Place Upton-upon-Severn" in text
    assert "What happened." in text
    assert listed_titles(response) == ["Same theme"]
    assert response.content.decode().count("<h1") == 1


def test_story_links_to_pledges_it_gives_evidence_for(client, story_index, themes):
    from pledges.models import PledgeIndexPage, PledgePage

    pledges = PledgeIndexPage(title="Pledges", slug="pledges")
    story_index.get_parent().add_child(instance=pledges)
    pledge = PledgePage(
        title="Open ten community hubs",
        slug="hubs",
        commitment="Ten hubs",
        theme=themes["safer"],
        lead="Community team",
    )
    pledges.add_child(instance=pledge)
    story = StoryPageFactory(parent=story_index)
    story.pledges.set([pledge])
    story.save_revision().publish()
    assert "Open ten community hubs" in text_of(client.get(story.url))


def test_feed_parses_and_lists_live_stories(client, story_index):
    StoryPageFactory(parent=story_index, title="In the feed")
    for url, item_tag in (("/stories/feed/", "item"), ("/stories/feed/atom/", "{http://www.w3.org/2005/Atom}entry")):
        response = client.get(url)
        assert response.status_code == 200
        root = ElementTree.fromstring(response.content)
        titles = [element.text for element in root.iter() if element.tag.endswith("title")]
        assert "In the feed" in titles
        assert len(list(root.iter(item_tag))) == 1


# Site, home page, section, view restrictions, translations and settings come from the
# shared cache (core/caching/routing.py), and breadcrumbs from routing: no query before the stories'
# own. The listing: theme, place-and-year and tag choices, count, page of stories, their
# themes, their renditions. A story: the story with its place, image and themes; linked
# ripple stories; workstreams; pledges; tags; related stories and their themes.
LISTING_QUERY_BUDGET = 7
STORY_QUERY_BUDGET = 9


def warm_site_caches(client, url):
    """Views as any running site has had: the site settings row is created (a new cache
    generation), then the shared routing cache filled. Nothing about stories is cached."""
    for _ in range(2):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [5, 100])
def test_listing_query_count_is_flat(client, story_index, themes, places, count, django_assert_max_num_queries):
    StoryPageFactory.create_batch(
        count, parent=story_index, themes=[themes["safer"]], place=places["upton"], tags=["youth"]
    )
    warm_site_caches(client, "/stories/")
    with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
        assert client.get("/stories/?theme=safer").status_code == 200


@pytest.mark.parametrize("count", [5, 100])
def test_story_page_query_count_is_flat(client, story_index, themes, places, count, django_assert_max_num_queries):
    stories = StoryPageFactory.create_batch(
        count, parent=story_index, themes=[themes["safer"]], place=places["upton"], tags=["a", "b"]
    )
    warm_site_caches(client, stories[-1].url)
    with django_assert_max_num_queries(STORY_QUERY_BUDGET):
        assert client.get(stories[0].url).status_code == 200


def test_home_page_shows_latest_stories(client, story_index):
    StoryPageFactory(parent=story_index, title="On the home page")
    assert "On the home page" in text_of(client.get("/"))


def test_reserved_addresses_cannot_be_story_slugs(story_index):
    from django.core.exceptions import ValidationError

    story = StoryPage(title="Mine", slug="mine", summary="s", told_by="x")
    with pytest.raises(ValidationError):
        story.full_clean()


def test_stories_in_a_private_section_are_not_listed(client, story_index):
    from wagtail.models import PageViewRestriction

    StoryPageFactory(parent=story_index, title="Open story")
    private = StoryPageFactory(parent=story_index, title="Private story")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert listed_titles(client.get("/stories/")) == ["Open story"]
    assert "Private story" not in client.get("/").content.decode()
