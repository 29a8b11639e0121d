"""generate_load_data: the volume asked for, the same content from the same seed, nothing added twice."""

from django.core.management import call_command

from wagtail.images.models import Rendition
from wagtail.models import Page

from consultations.models import Comment, ConsultationPage, State
from core.images.renditions import RENDITIONS
from pledges.models import PledgePage, PledgeUpdate
from sample_content.load_data import LoadSizes
from stories.blocks import walk_ripples
from stories.models import StoryPage

from .conftest import SMALL


def snapshot():
    stories = StoryPage.objects.filter(slug__startswith="load-").select_related("place", "lead_image")
    return {
        "stories": [
            (
                story.slug,
                story.title,
                story.summary,
                story.told_by,
                story.date,
                story.place.name,
                story.lead_image.title,
                sorted(tag.name for tag in story.tags.all()),
                sorted(theme.slug for theme in story.themes.all()),
                [ripple["text"] for _depth, ripple in walk_ripples(story.ripples.raw_data)],
            )
            for story in stories.order_by("slug")
        ],
        "pledges": list(
            PledgePage.objects.filter(slug__startswith="load-").order_by("slug").values_list("title", "commitment")
        ),
        "comments": list(Comment.objects.order_by("email").values_list("email", "text", "moderation_state")),
    }


def test_makes_what_was_asked_for(load_site):
    added = load_site(SMALL)
    assert added == {"stories": 10, "pledges": 3, "updates": 6, "consultations": 4, "comments": 10}
    assert StoryPage.objects.live().filter(slug__startswith="load-", lead_image__isnull=False).count() == 10
    assert PledgeUpdate.objects.filter(pledge__slug__startswith="load-").count() == 6
    states = {page.state for page in ConsultationPage.objects.filter(slug__startswith="load-")}
    assert states == {State.UPCOMING, State.OPEN, State.CLOSED, State.OUTCOME}
    assert Page.find_problems() == ([], [], [], [], [])  # the tree built by hand is a valid tree
    # The pictures' renditions were made when they were added, before anyone asked.
    assert Rendition.objects.filter(image__title__startswith="Load data picture").count() == 2 * len(RENDITIONS)


def test_same_seed_same_content_and_a_second_run_adds_nothing(load_site):
    load_site(SMALL, seed=7)
    first = snapshot()
    assert load_site(SMALL, seed=7) == {"stories": 0, "pledges": 0, "updates": 0, "consultations": 0, "comments": 0}
    Page.objects.filter(slug__startswith="load-").delete()
    load_site(SMALL, seed=7)
    assert snapshot() == first
    Page.objects.filter(slug__startswith="load-").delete()
    load_site(SMALL, seed=8)
    assert snapshot()["stories"] != first["stories"]


def test_loaded_story_renders_with_its_picture_tags_and_ripples(client, load_site):
    load_site(LoadSizes(stories=3, images=1, tags=3, pledges=0, updates=0, consultations=0, comments=0))
    story = StoryPage.objects.filter(slug__startswith="load-").order_by("-date").first()
    content = client.get(story.url).content.decode()
    assert story.title in content
    assert f'alt="{story.lead_image_alt_text}"' in content
    assert story.ripple_centre in content
    assert story.title in client.get("/stories/").content.decode()


def test_command_takes_sizes_and_seed(db, capsys):
    call_command(
        "generate_load_data",
        "--stories=2",
        "--images=1",
        "--tags=2",
        "--pledges=1",
        "--updates=2",
        "--consultations=1",
        "--comments=3",
        "--seed=3",
    )
    assert "Added 2 stories, 1 pledges, 2 updates, 1 consultations, 3 comments" in capsys.readouterr().out


def test_comments_on_one_consultation(load_site):
    load_site(
        LoadSizes(stories=0, images=1, tags=1, pledges=0, updates=0, consultations=4, comments=12, comments_on_one=True)
    )
    loaded = Comment.objects.filter(consultation__slug__startswith="load-")  # not the demo's own comments
    consultations = set(loaded.values_list("consultation", flat=True))
    assert len(consultations) == 1
    busiest = ConsultationPage.objects.get(pk=consultations.pop())
    assert busiest.state == State.OUTCOME
    assert busiest.comments.count() == 12
    # The latest consultation with its outcome published: the one a resident finds first.
    later = ConsultationPage.objects.filter(slug__startswith="load-", opens_at__gt=busiest.opens_at)
    assert all(page.state != State.OUTCOME for page in later)


def test_command_puts_comments_on_one_consultation(db):
    call_command(
        "generate_load_data", "--stories=0", "--pledges=0", "--consultations=2", "--comments=5", "--comments-on-one"
    )
    loaded = Comment.objects.filter(consultation__slug__startswith="load-")
    assert len(set(loaded.values_list("consultation", flat=True))) == 1
    assert loaded.count() == 5
