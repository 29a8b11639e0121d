from wagtail.models import WorkflowState

import pytest

from sample_content.stories import load_demo_stories
from stories.blocks import walk_ripples
from stories.models import StoryIndexPage, StoryPage, StorySubmission

pytestmark = pytest.mark.django_db


def test_demo_stories_are_marked_as_examples_and_loading_twice_changes_nothing(home):
    load_demo_stories(home)
    counts = (
        StoryIndexPage.objects.count(),
        StoryPage.objects.count(),
        StorySubmission.objects.count(),
        WorkflowState.objects.count(),
    )
    load_demo_stories(home)
    assert (
        StoryIndexPage.objects.count(),
        StoryPage.objects.count(),
        StorySubmission.objects.count(),
        WorkflowState.objects.count(),
    ) == counts
    assert counts[:3] == (1, 4, 1)
    for story in StoryPage.objects.all():
        assert story.title.startswith("Example")


def test_loading_sample_content_sends_no_email(home):
    from django.core import mail

    load_demo_stories(home)
    assert mail.outbox == []


def test_demo_has_a_deep_ripple_map_and_a_submission_waiting_for_review(home, client):
    load_demo_stories(home)
    depths = [depth for story in StoryPage.objects.live() for depth, _ripple in walk_ripples(story.ripples.raw_data)]
    assert max(depths) >= 4
    submission = StorySubmission.objects.get()
    assert not submission.page.live
    assert WorkflowState.objects.get(object_id=str(submission.page.pk)).status == WorkflowState.STATUS_IN_PROGRESS
    listing = client.get("/stories/").content.decode()
    assert "Example story: a repair café" in listing
    assert "Example submission" not in listing


def test_sample_stories_are_evidence_for_sample_pledges_once(client, strategy_site):
    from django.core.management import call_command

    from pledges.models import PledgePage

    call_command("load_sample_content")
    pledge = PledgePage.objects.get(slug="reduce-loneliness")
    html = client.get(pledge.url).content.decode()
    walking_group = StoryPage.objects.get(slug="example-walking-group")
    assert walking_group.title in html
    assert f'href="{walking_group.url}"' in html
    assert StoryPage.objects.filter(pledges__isnull=False).distinct().count() >= 2

    revisions = walking_group.revisions.count()
    call_command("load_sample_content")
    assert StoryPage.objects.get(slug="example-walking-group").revisions.count() == revisions
