"""Sample consultations for a fresh site, created once by `load_sample_content`.

One in each state a resident meets: upcoming (opens about a month after loading), open,
closed while the council considers what it heard, and closed with its outcome published.

Idempotent: pages are found by slug and comments by a fixed form token, so a second run
changes nothing (and never undoes what editors changed since). Sample residents' comments
are marked as examples and use addresses under example.invalid, which can never receive mail.
"""

import json
import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from consultations.models import Comment, ConsultationIndexPage, ConsultationPage, ConsultationQuestion
from strategy.loader import add_child_once
from strategy.models import Theme

DEMO_NAMESPACE = uuid.UUID("5b0d3e0e-8a51-4c1e-9d0e-6f0f4c3c2a11")

# The strategy's appreciative-inquiry questions (principle 3, "Asset-based").
APPRECIATIVE_QUESTIONS = [
    "What do you care about in the place that you live?",
    "What do you love about your neighbourhood?",
    "What would you like to help make even better?",
    "How can the great things about where you live help to overcome the challenges we have?",
]


def demo_token(name):
    return uuid.uuid5(DEMO_NAMESPACE, name)


@transaction.atomic
def load_demo_consultations(home):
    index = add_child_once(
        home,
        ConsultationIndexPage(
            title="Have your say",
            slug="consultations",
            introduction=(
                "Tell us what you think while decisions are still being made, and see what the council "
                "did with what residents said."
            ),
        ),
    )
    review = ensure_five_year_review(index)
    grants = ensure_grants_outcome(index)
    ensure_flood_plans_upcoming(index)
    ensure_digital_under_consideration(index)
    return index, review, grants


def demo_themes(index, *slugs):
    return list(Theme.objects.filter(locale=index.locale, slug__in=slugs))


def ensure_flood_plans_upcoming(index):
    """Upcoming: dated from when the sample is loaded, so it stays in the future on a fresh site."""
    existing = index.get_children().filter(slug="flood-plans-example").first()
    if existing:
        return existing.specific
    opens = (timezone.now() + timedelta(days=30)).replace(hour=9, minute=0, second=0, microsecond=0)
    page = ConsultationPage(
        title="Community flood plans: what would help your area? (example)",
        slug="flood-plans-example",
        summary=(
            "An example of a consultation that has not opened yet. From next month, tell us what would help "
            "your town or parish prepare for flooding and recover afterwards."
        ),
        why=(
            "<p>The strategy asks us to support community response to and recovery from emergencies such as "
            "flooding. Local flood plans work best when the people who use them write them.</p>"
        ),
        what_will_be_decided=(
            "<p>Which towns and parishes get help first to write or update a community flood plan, and what "
            "that help includes. The Communities portfolio holder decides.</p>"
        ),
        who_can_take_part="<p>Anyone who lives or works in the district, and parish and town councils.</p>",
        opens_at=opens,
        closes_at=opens + timedelta(days=42),
        moderation_mode=ConsultationPage.ModerationMode.PRE,
    )
    page.questions.add(
        ConsultationQuestion(question="What would help your area most when a flood is coming?", kind="text")
    )
    page.themes = demo_themes(index, "safer-and-inclusive")
    return add_child_once(index, page)


DIGITAL_COMMENTS = [
    ("Example resident F", "Free wifi and a helper at the library on Saturdays would get my mum online."),
    ("Example resident G", "Please keep a phone number for people who will never use the internet."),
]


def ensure_digital_under_consideration(index):
    """Closed, with comments in, while the council decides: no outcome published yet."""
    existing = index.get_children().filter(slug="digital-community-example").first()
    if existing:
        return existing.specific
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    page = ConsultationPage(
        title="Growing our digital community (example)",
        slug="digital-community-example",
        summary=(
            "An example of a closed consultation whose outcome is not ready yet: the council is considering "
            "what residents said."
        ),
        why="<p>The strategy commits us to grow our digital community without leaving anyone behind.</p>",
        what_will_be_decided=(
            "<p>Where digital help sessions run and which services keep a telephone or paper route. "
            "The Communities portfolio holder decides.</p>"
        ),
        who_can_take_part="<p>Anyone in the district.</p>",
        opens_at=now - timedelta(days=70),
        closes_at=now - timedelta(days=14),
        moderation_mode=ConsultationPage.ModerationMode.POST,
    )
    page.themes = demo_themes(index, "safer-and-inclusive")
    add_child_once(index, page)
    for position, (name, text) in enumerate(DIGITAL_COMMENTS):
        Comment.objects.get_or_create(
            form_token=demo_token(f"digital-{position}"),
            defaults={
                "consultation": page,
                "display_name": name,
                "email": f"example-digital-{position}@example.invalid",
                "text": text,
                "privacy_agreed": True,
                "confirmed_at": page.opens_at + timedelta(days=position + 3),
                "created_at": page.opens_at + timedelta(days=position + 3),
                "moderation_state": Comment.ModerationState.APPROVED,
            },
        )
    return page


def ensure_five_year_review(index):
    existing = index.get_children().filter(slug="five-year-review").first()
    if existing:
        return existing.specific
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    page = ConsultationPage(
        title="Five-year review of the Connected Communities Strategy",
        slug="five-year-review",
        summary=(
            "The strategy runs from December 2021 to March 2041 and promised a review after five years. "
            "Tell us what is working, what you love about where you live and what should change."
        ),
        why=(
            "<p>The strategy says it will be reviewed after five years. We want that review to start from "
            "what is strong in our communities, not what is wrong, so we are asking the questions the "
            "strategy itself asks.</p>"
        ),
        what_will_be_decided=(
            "<p>Which workstreams continue, change or stop, and what the action plan for the next five years "
            "contains. The Communities portfolio holder decides, after the Overview and Scrutiny Committee "
            "has considered what residents said.</p>"
        ),
        who_can_take_part=(
            "<p>Anyone who lives, works, studies or volunteers in the district, and the groups and "
            "organisations that serve it.</p>"
        ),
        easy_read_summary=(
            "<p>We made a plan to help communities.</p><p>The plan is 5 years old.</p>"
            "<p>Tell us what is good where you live, and what could be better.</p>"
        ),
        opens_at=now - timedelta(days=7),
        closes_at=now + timedelta(days=60),
        moderation_mode=ConsultationPage.ModerationMode.PRE,
    )
    themes = list(Theme.objects.filter(locale=index.locale).order_by("sort_order"))
    for position, question in enumerate(APPRECIATIVE_QUESTIONS):
        page.questions.add(ConsultationQuestion(question=question, kind="text", sort_order=position))
    if themes:
        page.questions.add(
            ConsultationQuestion(
                question="Which theme should matter most in the next five years?",
                kind="single",
                choices="\n".join(theme.name for theme in themes),
                sort_order=10,
            )
        )
    page.questions.add(
        ConsultationQuestion(
            question="How would you like to take part from now on?",
            help_text="Choose all that apply.",
            kind="multiple",
            choices="Online\nDrop-in sessions in my town or parish\nThrough a community group\nBy post or telephone",
            sort_order=11,
        )
    )
    page.themes = themes
    add_child_once(index, page)
    return page


GRANTS_ITEMS = [
    {
        "you_said": "Small groups found the application form too long for a few hundred pounds.",
        "we_did": "Grants under £500 now use a one-page form and a decision within four weeks.",
    },
    {
        "you_said": "Villages want help to keep halls and shops open, not only new projects.",
        "we_did": "Running costs of community-owned buildings can now be funded for up to two years.",
    },
    {
        "you_said": "Young people should help decide where the money goes.",
        "we_did": "Two places on the grants panel are now held by members of the youth council.",
    },
]

GRANTS_COMMENTS = [
    (
        "Example resident A",
        "The form took our group two evenings to fill in for a £300 grant.",
        "adopted",
        "Grants under £500 now use a one-page form.",
    ),
    (
        "Example resident B",
        "Help us keep the village hall open; the roof is our biggest worry.",
        "partly",
        "Running costs are now eligible; major repairs still go to the capital fund.",
    ),
    (
        "Example resident C",
        "Let young people sit on the panel that decides.",
        "adopted",
        "Two youth council members now sit on the panel.",
    ),
    (
        "Example resident D",
        "Spend the money on road resurfacing instead.",
        "out_of_scope",
        "Roads are the county council's responsibility; we passed your comment on.",
    ),
    (
        "Example resident E",
        "Give the whole fund to one big project each year.",
        "not_adopted",
        "Most responses asked for many small grants across the district, so the fund stays open to all.",
    ),
]


def ensure_grants_outcome(index):
    existing = index.get_children().filter(slug="community-grants-example").first()
    if existing:
        return existing.specific
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    page = ConsultationPage(
        title="Community grants: how should the fund work? (example)",
        slug="community-grants-example",
        summary="An example of a closed consultation with its outcome: what residents said and what changed.",
        why="<p>This example shows how the council reports back after a consultation closes.</p>",
        what_will_be_decided="<p>How the community grants fund is run. The Communities portfolio holder decided.</p>",
        who_can_take_part="<p>Anyone in the district.</p>",
        opens_at=now - timedelta(days=150),
        closes_at=now - timedelta(days=100),
        outcome_published_at=now - timedelta(days=20),
        moderation_mode=ConsultationPage.ModerationMode.POST,
        what_we_heard=(
            "<p>Most people asked for simpler forms for small grants and help with running costs. "
            "Several asked that young people have a say in decisions.</p>"
        ),
        decisions="<p>The fund's rules were changed in three ways, listed below.</p>",
        you_said_we_did=json.dumps([{"type": "item", "value": {**item, "pledge": None}} for item in GRANTS_ITEMS]),
    )
    page.questions.add(
        ConsultationQuestion(
            question="What size of grant would help your group most?",
            kind="single",
            choices="Under £500\n£500 to £2,000\nOver £2,000",
            sort_order=0,
        )
    )
    add_child_once(index, page)
    question = page.questions.get()
    sizes = ["Under £500", "Under £500", "£500 to £2,000", "Under £500", "Over £2,000"]
    for position, (name, text, outcome, reason) in enumerate(GRANTS_COMMENTS):
        comment, created = Comment.objects.get_or_create(
            form_token=demo_token(f"grants-{position}"),
            defaults={
                "consultation": page,
                "display_name": name,
                "email": f"example-{position}@example.invalid",
                "text": text,
                "privacy_agreed": True,
                "confirmed_at": page.opens_at + timedelta(days=position + 1),
                "created_at": page.opens_at + timedelta(days=position + 1),
                "moderation_state": Comment.ModerationState.APPROVED,
                "outcome": outcome,
                "outcome_reason": reason,
            },
        )
        if created:
            comment.answers.create(question=question, value=sizes[position])
    return page
