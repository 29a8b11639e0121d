"""The search tests' themes, places and a story maker (the home page and stories index come from the root conftest)."""

from wagtail.models import Locale

import pytest

from stories.factories import StoryPageFactory
from strategy.models import Place, Theme


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
