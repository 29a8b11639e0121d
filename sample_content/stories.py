"""Sample stories for a new site, each clearly marked as an example. Safe to run again.

One story carries a ripple-effect map four levels deep; one community submission waits in
the "Community story review" workflow, so moderators can try it.
"""

import datetime
import uuid

from django.db import transaction

from core.staff_roles import apply_staff_roles
from pledges.models import PledgePage
from stories.models import StoryIndexPage, StoryPage, StorySubmission
from stories.submissions import create_story_submission
from strategy.models import Place, Theme

EXAMPLE_TAG = "example"
# Fixed, so the second run finds the sample submission instead of sending it again.
DEMO_SUBMISSION_TOKEN = uuid.UUID("5b0d7c1e-6a43-4b7e-9b41-2f7d0c1a9e01")

SAMPLE_STORIES = [
    {
        "slug": "example-repair-cafe",
        # The sample pledge this story gives evidence for (sample_content/pledges.py).
        "pledges": ["ripple-effect-mapping"],
        "title": "Example story: a repair café that grew a street network",
        "summary": (
            "An example of a story of change: volunteers fixing toasters ended up running "
            "the street's messaging group and a tool library."
        ),
        "told_by": "Example Repair Café volunteers",
        "place": "malvern",
        "themes": ["stronger-and-sustainable"],
        "featured": True,
        "tags": ["example", "volunteering"],
        "date": datetime.date(2025, 9, 14),
        "ripple_centre": "A monthly repair café in the church hall",
        "ripples": [
            (
                "Fewer things thrown away",
                "natural",
                [
                    (
                        "A tool library opened in the hall",
                        "built",
                        [
                            (
                                "Neighbours lend tools instead of buying them",
                                "financial",
                                [
                                    ("Savings pooled into a street planter scheme", "natural", []),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            (
                "Neighbours met for the first time",
                "social",
                [
                    (
                        "A street messaging group started",
                        "social",
                        [
                            (
                                "Older residents got help with shopping in winter",
                                "human",
                                [
                                    ("Two residents joined the parish council", "political", []),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            (
                "Young people learned repair skills",
                "human",
                [
                    ("A repair workshop at the secondary school", "cultural", []),
                ],
            ),
        ],
    },
    {
        "slug": "example-walking-group",
        # The sample pledge this story gives evidence for (sample_content/pledges.py).
        "pledges": ["reduce-loneliness"],
        "title": "Example story: a walking group for new parents",
        "summary": "An example of a story of change: a weekly buggy walk that became a support network.",
        "told_by": "Example Buggy Walkers",
        "place": "upton-upon-severn",
        "themes": ["healthier"],
        "featured": False,
        "tags": ["example", "health"],
        "date": datetime.date(2025, 6, 2),
        "ripple_centre": "",
        "ripples": [],
    },
    {
        "slug": "example-digital-drop-in",
        # The sample pledge this story gives evidence for (sample_content/pledges.py).
        "pledges": ["grow-our-digital-community"],
        "title": "Example story: digital drop-ins at the library",
        "summary": "An example of a story of change: the council and library volunteers helped residents get online.",
        "told_by": "Malvern Hills District Council",
        "place": "tenbury-wells",
        "themes": ["safer-and-inclusive"],
        "featured": False,
        "tags": ["example", "digital"],
        "date": datetime.date(2024, 11, 20),
        "ripple_centre": "",
        "ripples": [],
    },
]

DEMO_SUBMISSION = {
    "form_token": DEMO_SUBMISSION_TOKEN,
    "group_name": "Example Community Garden Group",
    "contact_name": "Example Contact",
    "contact_email": "garden-group@example.org",
    "title": "Example submission: our community garden's first harvest",
    "story": (
        "This is an example community submission, waiting for moderation.\n\n"
        "We turned a disused corner into a vegetable garden."
    ),
    "photos": [],
    "photo_description": "",
    "place": None,
    "themes": [],
    "consent_to_publish": True,
    "people_pictured_agreed": False,
}


def ripple_value(text, capital, children):
    return {"text": text, "capital": capital, "linked_story": None, "led_to": [ripple_value(*c) for c in children]}


def ripple_stream(ripples):
    return [{"type": "ripple", "value": ripple_value(*ripple)} for ripple in ripples]


def ensure_index(home):
    index = StoryIndexPage.objects.first()
    if index:
        return index
    index = StoryIndexPage(
        title="Stories of change",
        slug="stories",
        introduction="Stories of what people and groups across the district did, and what it led to.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@transaction.atomic
def load_demo_stories(home):
    index = ensure_index(home)
    apply_staff_roles()
    for sample in SAMPLE_STORIES:
        if index.get_children().filter(slug=sample["slug"]).exists():
            continue
        place = Place.objects.filter(slug=sample["place"]).first() if sample["place"] else None
        story = StoryPage(
            title=sample["title"],
            slug=sample["slug"],
            summary=sample["summary"],
            told_by=sample["told_by"],
            place=place,
            date=sample["date"],
            featured=sample["featured"],
            ripple_centre=sample["ripple_centre"],
            ripples=ripple_stream(sample["ripples"]),
            body=[{"type": "paragraph", "value": f"<p>{sample['summary']}</p>"}],
        )
        story.themes.set(Theme.objects.filter(slug__in=sample["themes"], locale=home.locale))
        story.tags.set(sample["tags"])
        index.add_child(instance=story)
        story.save_revision().publish()
    link_sample_evidence(index)
    if not StorySubmission.objects.filter(form_token=DEMO_SUBMISSION_TOKEN).exists():
        create_story_submission(index, DEMO_SUBMISSION, notify=False)
    return index


def link_sample_evidence(index):
    """Each sample story as evidence for its sample pledge, once the pledges are loaded.

    Once only: a story that already lists a pledge (linked by an earlier run, or by an
    editor) or has an editor's unpublished draft is left as it is.
    """
    for sample in SAMPLE_STORIES:
        story = StoryPage.objects.child_of(index).filter(slug=sample["slug"]).first()
        pledges = list(PledgePage.objects.live().filter(slug__in=sample.get("pledges", []), locale=index.locale))
        if story is None or not pledges or story.has_unpublished_changes or story.pledges.exists():
            continue
        story.pledges.set(pledges)
        story.save_revision().publish()
