"""A small site for the search tests: home page, stories index and a few stories."""

from wagtail.models import Locale, Page, Site

import pytest

from home.models import HomePage
from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage
from strategy.models import Place, Theme


@pytest.fixture
def home(db):
    root = Page.objects.get(depth=1)
    home = HomePage(title="Connected Communities", slug="cc-home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home


@pytest.fixture
def story_index(home):
    index = StoryIndexPage(title="Stories of change", slug="stories")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def theme(db):
    return Theme.objects.create(
        slug="volunteering-theme", name="Getting involved", short_name="Involved", locale=Locale.get_default()
    )


@pytest.fixture
def place(db):
    return Place.objects.create(slug="upton", name="Upton upon Severn", locale=Locale.get_default())


@pytest.fixture
def make_story(story_index):
    def make(title, summary="A story.", live=True, **kwargs):
        story = StoryPageFactory.build(title=title, summary=summary, **kwargs)
        story.live = live
        story_index.add_child(instance=story)
        revision = story.save_revision()
        if live:
            revision.publish()
        return story

    return make
