"""The search tests' themes, places and a story maker (the home page and stories index come from the root conftest)."""

from datetime import date, timedelta

from django.utils import timezone

from wagtail.models import Locale

import pytest

from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from pledges.factories import make_pledge
from pledges.models import PledgeIndexPage
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


@pytest.fixture
def pledges(home, theme):
    """A live pledge with one update, and a pledge that was never published."""
    index = PledgeIndexPage(title="Our pledges", slug="pledges")
    home.add_child(instance=index)
    index.save_revision().publish()
    live = make_pledge(index, theme, [(date(2025, 1, 10), "on_track", "Started well.")], title="Warm spaces")
    draft = make_pledge(index, theme, title="Unannounced pledge")
    draft.unpublish()
    return {"live": live, "draft": draft}


@pytest.fixture
def consultations(home, theme, pledges):
    """One consultation at each stage (outcome published, closed, upcoming) and a draft."""
    index = ConsultationIndexPageFactory(parent=home)
    now = timezone.now()
    decided = ConsultationPageFactory(
        parent=index,
        title="Parks consultation",
        slug="parks",
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=30),
        outcome_published_at=now - timedelta(days=1),
        what_we_heard="<p>You want more benches.</p>",
        decisions="<p>Cabinet agreed twenty benches.</p>",
        you_said_we_did=[
            {
                "type": "item",
                "value": {"you_said": "More benches", "we_did": "Ordered 20", "pledge": pledges["live"].pk},
            },
            {"type": "item", "value": {"you_said": "Secret", "we_did": "Hidden", "pledge": pledges["draft"].pk}},
        ],
    )
    decided.themes.set([theme])
    decided.save()
    undecided = ConsultationPageFactory(
        parent=index,
        title="Library consultation",
        slug="library",
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=30),
        outcome_published_at=now + timedelta(days=10),
        what_we_heard="<p>Embargoed finding.</p>",
    )
    upcoming = ConsultationPageFactory(
        parent=index, title="Bus consultation", slug="buses", opens_at=now + timedelta(days=5)
    )
    upcoming.closes_at = now + timedelta(days=40)
    upcoming.save()
    draft = ConsultationPageFactory(parent=index, title="Draft consultation", slug="draft-consultation")
    draft.unpublish()
    return {"decided": decided, "undecided": undecided, "upcoming": upcoming, "draft": draft}
