"""A story published in a place or theme reaches the people following it, once."""

from django.core import mail

import pytest

from following.tests.followers import sent_to, subscribed
from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def malvern_and_health(home):
    from wagtail.models import Locale

    from strategy.models import Place, Theme

    locale = Locale.get_default()
    place = Place.objects.create(name="Malvern", slug="malvern", locale=locale, kind=Place.Kind.TOWN)
    theme = Theme.objects.create(name="Healthier communities", short_name="Healthier", slug="healthier", locale=locale)
    return place, theme


def publish_story(index, **fields):
    themes = fields.pop("themes", [])
    story = StoryPageFactory.build(**fields)
    index.add_child(instance=story)
    story.themes.set(themes)
    story.save_revision().publish()
    return story


def test_a_story_in_a_followed_place_is_emailed_once_however_often_it_is_published(story_index, malvern_and_health):
    place, theme = malvern_and_health
    subscribed("place@example.org", ("place", "malvern"))
    subscribed("both@example.org", ("place", "malvern"), ("theme", "healthier"))
    subscribed("elsewhere@example.org", ("place", "upton"))
    mail.outbox.clear()

    story = publish_story(story_index, title="The Malvern lunch club", place=place, themes=[theme])
    story.save_revision().publish()  # a correction later

    (email,) = sent_to("place@example.org")
    assert "The Malvern lunch club" in email.subject
    assert "The Malvern lunch club" in email.body
    assert len(sent_to("both@example.org")) == 1
    assert sent_to("elsewhere@example.org") == []


def test_a_private_story_is_not_announced(story_index, malvern_and_health):
    from wagtail.models import PageViewRestriction

    place, _theme = malvern_and_health
    subscribed("place@example.org", ("place", "malvern"))
    story = StoryPageFactory.build(title="Not yet public", place=place)
    story_index.add_child(instance=story)
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    mail.outbox.clear()
    story.save_revision().publish()
    assert sent_to("place@example.org") == []
