"""Each pledge lists the live stories that give evidence for it."""

from django.core.management import call_command

from pledges.models import PledgePage
from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage


def test_pledge_lists_live_stories_that_give_evidence_for_it_and_not_drafts(client, db):
    call_command("load_sample_content")
    pledge = PledgePage.objects.live().first()
    index = StoryIndexPage.objects.get()
    story = StoryPageFactory(parent=index, title="The Welland lunch club grew", slug="welland-lunch-club")
    story.pledges.set([pledge])
    story.save_revision().publish()
    draft = StoryPageFactory(
        parent=index, title="A draft about the same pledge", slug="draft-about-the-pledge", live=False
    )
    draft.pledges.set([pledge])
    draft.save()

    html = client.get(pledge.url).content.decode()
    assert "The Welland lunch club grew" in html
    assert f'href="{story.url}"' in html
    assert "A draft about the same pledge" not in html

    story.unpublish()
    assert "The Welland lunch club grew" not in client.get(pledge.url).content.decode()
