"""Parts of story pages kept in the cache until the next publication change at once when it comes.

The filter form, a story's links and its related stories are rendered once per cache
generation (core/templatetags/fragment_cache_tags.py); each test first renders the page so
the part is in the cache, then publishes a change and expects the very next view to show it.
"""

from django.core.cache import cache

from wagtail.models import Locale

import pytest

from stories.factories import StoryPageFactory
from strategy.models import Theme

from .test_pages import listed_titles

pytestmark = pytest.mark.django_db


def rendered_and_kept(client, url, fragment):
    """Render `url` and check the named fragment is now in the cache, as on a running site."""
    assert client.get(url).status_code == 200
    assert any(f":{fragment}:" in key for key in cache._cache), f"{fragment} was not kept"


def place_options(client):
    html = client.get("/stories/").content.decode()
    return html[html.index('name="place"') : html.index("</select>", html.index('name="place"'))]


def test_a_place_appears_in_the_filter_form_as_soon_as_a_story_there_is_published(client, story_index, places):
    story = StoryPageFactory(parent=story_index, place=places["upton"])
    rendered_and_kept(client, "/stories/", "story-filters")
    assert "Tenbury Wells" not in place_options(client)

    story.place = places["tenbury"]
    story.save_revision().publish()

    assert "Tenbury Wells" in place_options(client)
    assert "Upton-upon-Severn" not in place_options(client)


def test_a_new_theme_appears_in_the_filter_form_at_once(client, story_index, themes):
    StoryPageFactory(parent=story_index, themes=[themes["safer"]])
    rendered_and_kept(client, "/stories/", "story-filters")

    Theme.objects.create(name="Greener communities", short_name="Greener", slug="greener", locale=Locale.get_default())

    assert '<option value="greener">Greener communities</option>' in client.get("/stories/").content.decode()


def test_each_visitor_sees_the_filters_they_chose_not_the_last_visitors(client, story_index, themes):
    StoryPageFactory(parent=story_index, themes=[themes["safer"], themes["healthier"]])
    rendered_and_kept(client, "/stories/?theme=safer", "story-filters")
    html = client.get("/stories/?theme=healthier").content.decode()
    assert '<option value="healthier" selected>' in html
    assert '<option value="safer" selected>' not in html
    assert "Clear filters" not in client.get("/stories/").content.decode()


def test_a_published_story_appears_among_related_stories_and_on_the_home_page_at_once(client, story_index, themes):
    story = StoryPageFactory(parent=story_index, themes=[themes["safer"]])
    rendered_and_kept(client, story.url, "story-related")
    rendered_and_kept(client, "/", "home-latest-stories")

    StoryPageFactory(parent=story_index, title="Fresh neighbour", themes=[themes["safer"]])

    assert listed_titles(client.get(story.url)) == ["Fresh neighbour"]
    assert "Fresh neighbour" in client.get("/").content.decode()


def test_a_tag_added_to_a_story_shows_on_its_page_once_published(client, story_index, themes):
    story = StoryPageFactory(parent=story_index, themes=[themes["safer"]])
    rendered_and_kept(client, story.url, "story-links")

    story.tags.add("allotments")
    story.save_revision().publish()

    assert 'href="/stories/?tag=allotments"' in client.get(story.url).content.decode()


def shown_count(client, url="/stories/"):
    html = client.get(url).content.decode()
    marker = '<p class="govuk-body" role="status">'
    start = html.index(marker) + len(marker)
    return html[start : html.index("</p>", start)].strip()


def test_the_story_count_follows_every_publication_at_once(client, story_index, themes):
    """The listing's total is kept per filter selection until the next publication."""
    StoryPageFactory(parent=story_index, themes=[themes["safer"]])
    StoryPageFactory(parent=story_index, themes=[themes["healthier"]])
    assert shown_count(client) == "2 stories"
    assert shown_count(client, "/stories/?theme=safer") == "1 story"

    newest = StoryPageFactory(parent=story_index, themes=[themes["safer"]])
    assert shown_count(client) == "3 stories"
    assert shown_count(client, "/stories/?theme=safer") == "2 stories"

    newest.unpublish()
    assert shown_count(client) == "2 stories"
    assert shown_count(client, "/stories/?theme=safer") == "1 story"


def test_fragments_filled_by_a_signed_in_editor_carry_nothing_of_theirs(admin_client, client, story_index, themes):
    """An editor's view fills the shared fragments; a resident then gets them without the editor's parts."""
    story = StoryPageFactory(parent=story_index, themes=[themes["safer"]])
    StoryPageFactory(parent=story_index, themes=[themes["safer"]])
    for url in ("/stories/", story.url):
        assert b"wagtail-userbar" in admin_client.get(url).content
    rendered_and_kept(admin_client, story.url, "story-related")
    rendered_and_kept(admin_client, "/stories/", "story-results")

    for url in ("/stories/", story.url):
        html = client.get(url).content.decode()
        assert "wagtail-userbar" not in html
        assert "csrfmiddlewaretoken" not in html
        assert "/admin/" not in html
