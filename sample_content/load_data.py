"""Realistic volume for load tests and query budgets: stories, pledges, consultations, comments, directory entries.

`python manage.py generate_load_data` fills the database with 20 years' worth of content
(10,000 stories, 300 pledges with 5,000 updates, 100 consultations with 100,000 comments by
default; directory entries only when asked, e.g. 5,000 with `assets`). The same seed gives the same content. Numbers are options, so tests use small ones.
With `comments_on_one` (`--comments-on-one`) every comment goes to one consultation, the latest
with its outcome published (with too few consultations for one, the latest opened), to see how
a consultation page grows with its comments.

Speed: pages are inserted in bulk with tree paths computed here (treebeard's own
`_get_path`), because `add_child` costs several queries per page and 10,000 of them would
take minutes. Search indexing is done once per batch at the end. Images are a few small
generated pictures shared by many stories, as on a real site where photos are re-used.
Pages are published without revisions: serving reads the page row, not its history.

Everything it makes is marked (slugs start with `load-`, emails end in `.invalid`), holds no
real person's data, and a second run adds nothing.
"""

import io
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from PIL import Image as PILImage

from consultations.models import Comment, ConsultationPage, ConsultationQuestion
from directory.models import AssetPage, AssetType, DirectoryPage, OpeningTime, Organisation
from home.loader import load_site
from pledges.models import PledgePage, PledgeUpdate
from pledges.status import Status
from stories.models import StoryIndexPage, StoryPage, StoryPageTag
from strategy.models import Place, Theme, Workstream

from .consultations import load_demo_consultations
from .pledges import load_demo_pledges
from .stories import load_demo_stories

SLUG_PREFIX = "load-"
BATCH = 1000
WORDS = (  # noqa: SIM905 (easier to read as one text)
    "community volunteers library garden allotment repair café transport bus youth young people older "
    "neighbours loneliness health walking parish hall food bank climate trees river flood skills jobs digital "
    "broadband arts music festival market heritage school playground choir lunch club orchard footpath"
).split()
# Pledges are led by a council's few teams, not by a new team each time.
TEAMS = WORDS[:20]
CAPITALS = ["natural", "cultural", "human", "social", "political", "financial", "built"]


@dataclass(frozen=True)
class LoadSizes:
    stories: int = 10_000
    images: int = 40
    tags: int = 60
    pledges: int = 300
    updates: int = 5_000
    consultations: int = 100
    comments: int = 100_000
    comments_on_one: bool = False  # every comment on one consultation (the latest with an outcome)
    assets: int = 0  # directory entries (`--assets 5000` for the register at the scale)


def generate_load_data(sizes=LoadSizes(), seed=2041, say=lambda text: None):
    """Add the load data under the site `load_site` builds. Returns counts of what was added."""
    rng = random.Random(seed)
    home = load_site()
    pledge_index = load_demo_pledges(home)
    load_demo_stories(home)
    consultation_index = load_demo_consultations(home)[0]

    story_index = StoryIndexPage.objects.child_of(home).get()
    pledge_index = type(pledge_index).objects.get(pk=pledge_index.pk) if pledge_index else None
    added = {}
    with transaction.atomic():
        images = make_images(rng, sizes.images, say)
        added["stories"] = add_stories(rng, story_index, sizes, images, say)
        added["pledges"], added["updates"] = add_pledges(rng, pledge_index, sizes, say)
        added["consultations"], added["comments"] = add_consultations(rng, consultation_index, sizes, say)
        if sizes.assets:
            added["assets"] = add_assets(rng, DirectoryPage.objects.child_of(home).get(), sizes.assets, say)
    if connection.vendor == "postgresql":
        # Rows arrived in bulk: without fresh statistics the planner guesses badly until
        # autovacuum gets round to them (the story listing's count took 8 s at 10,000, not 20 ms).
        say("Updating the planner's statistics…")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return added


# Pages in bulk ---------------------------------------------------------------------------


def bulk_add_children(parent, model, pages):
    """Insert `pages` (unsaved instances of `model`) as the last children of `parent`.

    Django cannot bulk_create a multi-table model, so the Page rows go first (their ids
    come back), then the model's own rows. Returns the pages with their ids set.
    """
    parent = Page.objects.get(pk=parent.pk)  # its numchild as stored now
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    base_fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    rows = []
    for step, page in enumerate(pages, start=parent.numchild + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.first_published_at
        page.translation_key = page.translation_key or uuid.uuid4()
        rows.append(Page(**{name: getattr(page, name) for name in base_fields}))
    for start in range(0, len(rows), BATCH):
        Page.objects.bulk_create(rows[start : start + BATCH])
    own_fields = list(model._meta.local_concrete_fields)
    for row, page in zip(rows, pages, strict=True):
        page.pk = page.id = page.page_ptr_id = row.pk
    for start in range(0, len(pages), BATCH):
        model._base_manager._insert(pages[start : start + BATCH], fields=own_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def index_for_search(model, pks, related=()):
    backend = get_search_backend()
    for start in range(0, len(pks), BATCH):
        batch = model.objects.filter(pk__in=pks[start : start + BATCH]).select_related(*related)
        backend.add_bulk(model, list(batch))


def spread_dates(rng, count, first=date(2021, 12, 1), last=date(2041, 3, 31)):
    """Dates over the strategy's twenty years, earliest first, so the newest are recent."""
    today = min(timezone.localdate(), last)
    days = (today - first).days
    return sorted(first + timedelta(days=rng.randrange(days)) for _ in range(count))


def aware(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def words(rng, count):
    return " ".join(rng.choice(WORDS) for _ in range(count))


# Images ----------------------------------------------------------------------------------


def make_images(rng, count, say):
    """A few small generated pictures, re-used across stories (made once per database)."""

    Image = get_image_model()
    existing = list(Image.objects.filter(title__startswith="Load data picture").order_by("pk"))
    # Drawn whether or not the pictures exist already, so what follows is the same either way.
    colours = [tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(count)]
    for n in range(len(existing), count):
        picture = PILImage.new("RGB", (800, 600), colours[n])
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=70)
        existing.append(
            Image.objects.create(
                title=f"Load data picture {n + 1}",
                file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"load-picture-{n + 1}.jpg"),
            )
        )
    say(f"{len(existing)} pictures")
    return existing[:count]


# Stories ---------------------------------------------------------------------------------


def ripple_map(rng, linkable_ids, depth=1):
    """A small ripple tree in StreamField's stored form, 1–3 ripples per level, up to 3 deep."""
    ripples = []
    for _ in range(rng.randint(1, 3)):
        value = {"text": words(rng, 6).capitalize(), "capital": rng.choice(CAPITALS), "linked_story": None}
        if linkable_ids and rng.random() < 0.1:
            value["linked_story"] = rng.choice(linkable_ids)
        if depth < 4:
            value["led_to"] = [
                {"type": "item", "value": child, "id": str(uuid.UUID(int=rng.getrandbits(128)))}
                for child in (ripple_map(rng, linkable_ids, depth + 1) if depth < 3 and rng.random() < 0.5 else [])
            ]
        ripples.append(value)
    if depth == 1:
        return [{"type": "ripple", "value": value, "id": str(uuid.UUID(int=rng.getrandbits(128)))} for value in ripples]
    return ripples


def add_stories(rng, index, sizes, images, say):

    have = StoryPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if have >= sizes.stories:
        return 0
    themes = list(Theme.objects.filter(locale_id=index.locale_id).order_by("pk"))
    places = list(Place.objects.filter(locale_id=index.locale_id).order_by("pk"))
    workstreams = list(Workstream.objects.filter(locale_id=index.locale_id).order_by("pk"))
    tag_names = sorted({words(rng, 2) for _ in range(sizes.tags * 2)})[: sizes.tags]
    tags = [
        Tag.objects.get_or_create(name=name, defaults={"slug": f"{SLUG_PREFIX}{slugify(name)}"})[0]
        for name in tag_names
    ]
    pages = []
    for n, day in enumerate(spread_dates(rng, sizes.stories - have), start=have):
        image = rng.choice(images) if images else None
        place = rng.choice(places) if places else None
        title = f"{words(rng, 3).capitalize()} in {place.name if place else 'the district'}"
        pages.append(
            StoryPage(
                title=title,
                slug=f"{SLUG_PREFIX}story-{n}",
                summary=f"{words(rng, 18).capitalize()}.",
                body=[{"type": "paragraph", "value": f"<p>{words(rng, 60).capitalize()}.</p>"}] * 2,
                date=day,
                told_by=f"{words(rng, 2).title()} group",
                place=place,
                lead_image=image,
                lead_image_alt_text=f"A {words(rng, 2)} scene" if image else "",
                featured=rng.random() < 0.01,
                ripple_centre=words(rng, 4).capitalize(),
                ripples=[],
                first_published_at=aware(day),
            )
        )
    say(f"Adding {len(pages)} stories…")
    bulk_add_children(index, StoryPage, pages)
    ids = [page.pk for page in pages]
    # Ripple maps link to earlier stories, so they are set once every story has an id.
    for position, page in enumerate(pages):
        page.ripples = ripple_map(rng, ids[max(0, position - 200) : position])
    StoryPage.objects.bulk_update(pages, ["ripples"], batch_size=BATCH)
    through = StoryPage.themes.through
    through.objects.bulk_create(
        [through(storypage_id=pk, theme_id=theme.pk) for pk in ids for theme in rng.sample(themes, rng.randint(1, 2))],
        batch_size=BATCH,
    )
    if workstreams:
        through = StoryPage.workstreams.through
        through.objects.bulk_create(
            [through(storypage_id=pk, workstream_id=rng.choice(workstreams).pk) for pk in ids], batch_size=BATCH
        )
    StoryPageTag.objects.bulk_create(
        [StoryPageTag(content_object_id=pk, tag=tag) for pk in ids for tag in rng.sample(tags, rng.randint(0, 3))],
        batch_size=BATCH,
    )
    say("Indexing stories for search…")
    index_for_search(StoryPage, ids, related=["place"])
    return len(pages)


# Pledges ---------------------------------------------------------------------------------


def add_pledges(rng, index, sizes, say):

    have = PledgePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if index is None or have >= sizes.pledges:
        return 0, 0
    themes = list(Theme.objects.filter(locale_id=index.locale_id).order_by("pk"))
    count = sizes.pledges - have
    pages = [
        PledgePage(
            title=f"{words(rng, 4).capitalize()} pledge {n + 1}",
            slug=f"{SLUG_PREFIX}pledge-{n}",
            commitment=f"We will {words(rng, 14)}.",
            theme=rng.choice(themes),
            lead=f"{rng.choice(TEAMS).title()} team",
            target_date=date(2021, 12, 1) + timedelta(days=rng.randrange(365 * 19)),
            first_published_at=aware(date(2021, 12, 1) + timedelta(days=rng.randrange(365))),
        )
        for n in range(have, sizes.pledges)
    ]
    say(f"Adding {count} pledges…")
    bulk_add_children(index, PledgePage, pages)
    statuses = [status for status in Status.values if status != Status.WITHDRAWN]
    updates = []
    per_pledge = sizes.updates * count // sizes.pledges if sizes.pledges else 0
    for n in range(per_pledge):
        pledge = pages[n % count]
        updates.append(
            PledgeUpdate(
                pledge_id=pledge.pk,
                sort_order=n // count,
                date=spread_dates(rng, 1)[0],
                status=rng.choice(statuses),
                text=f"{words(rng, 25).capitalize()}.",
                evidence=[],
            )
        )
    PledgeUpdate.objects.bulk_create(updates, batch_size=BATCH)
    index_for_search(PledgePage, [page.pk for page in pages], related=["theme"])
    return count, len(updates)


# Consultations ---------------------------------------------------------------------------


def add_consultations(rng, index, sizes, say):
    """Consultations over the years, the latest ones upcoming, open, closed and with outcomes."""

    have = ConsultationPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if have >= sizes.consultations:
        return 0, 0
    count = sizes.consultations - have
    # Dated back from today (whole days), so every state is present whenever the data is made.
    today = timezone.localdate()
    pages = []
    for n in range(count):
        opens = today - timedelta(days=40 * (count - n) - 60 - rng.randrange(10))
        closes = opens + timedelta(days=42)
        outcome = closes + timedelta(days=30)
        pages.append(
            ConsultationPage(
                title=f"{words(rng, 3).capitalize()}: consultation {have + n + 1}",
                slug=f"{SLUG_PREFIX}consultation-{have + n}",
                summary=f"{words(rng, 20).capitalize()}.",
                why=f"<p>{words(rng, 40).capitalize()}.</p>",
                what_will_be_decided=f"<p>{words(rng, 30).capitalize()}.</p>",
                who_can_take_part="<p>Anyone who lives, works, studies or volunteers in the district.</p>",
                opens_at=aware(opens, 9),
                closes_at=aware(closes, 17),
                outcome_published_at=aware(outcome) if outcome < today else None,
                what_we_heard=f"<p>{words(rng, 30).capitalize()}.</p>" if outcome < today else "",
                decisions=f"<p>{words(rng, 30).capitalize()}.</p>" if outcome < today else "",
                moderation_mode=ConsultationPage.ModerationMode.PRE,
                you_said_we_did=[],
                first_published_at=aware(opens - timedelta(days=14)),
            )
        )
    say(f"Adding {count} consultations…")
    bulk_add_children(index, ConsultationPage, pages)
    ConsultationQuestion.objects.bulk_create(
        [
            ConsultationQuestion(
                page_id=page.pk,
                sort_order=0,
                question="How often do you take part in community activities?",
                kind=ConsultationQuestion.Kind.SINGLE,
                choices="Every week\nEvery month\nA few times a year\nNever",
            )
            for page in pages
        ]
    )
    approved, rejected = Comment.ModerationState.APPROVED, Comment.ModerationState.REJECTED
    outcomes = [choice for choice, _label in Comment.Outcome.choices]
    comments = []
    per_page = sizes.comments * count // sizes.consultations if sizes.consultations else 0
    now = timezone.now()
    with_outcome = [page for page in pages if page.outcome_published_at and page.outcome_published_at <= now]
    opened = [page for page in pages if page.opens_at <= now]
    busiest = (with_outcome or opened or [None])[-1] if sizes.comments_on_one else None
    for n in range(per_page):
        page = busiest or pages[n % count]
        if page.opens_at > timezone.now():
            page = pages[rng.randrange(count // 2 or 1)]  # upcoming ones have no comments yet
        created = page.opens_at + timedelta(minutes=rng.randrange(60 * 24 * 40))
        comments.append(
            Comment(
                consultation_id=page.pk,
                display_name=f"Resident {n + 1}",
                email=f"resident{n + 1}@example.invalid",
                text=f"{words(rng, rng.randint(10, 60)).capitalize()}.",
                privacy_agreed=True,
                form_token=uuid.UUID(int=rng.getrandbits(128), version=4),
                confirmation_token=f"load-{uuid.UUID(int=rng.getrandbits(128)).hex}",
                created_at=created,
                confirmed_at=created + timedelta(minutes=5),
                moderation_state=rejected if rng.random() < 0.03 else approved,
                moderated_at=created + timedelta(hours=4),
                outcome=rng.choice(outcomes) if page.outcome_published_at else "",
            )
        )
        if len(comments) == BATCH * 5:
            Comment.objects.bulk_create(comments)
            comments.clear()
    Comment.objects.bulk_create(comments)
    index_for_search(ConsultationPage, [page.pk for page in pages])
    return count, per_page


# Directory entries -----------------------------------------------------------------------

SYLLABLES = "ba be bo da de di ka ke lo lu ma me mo na ne ni ra re ro sa se so ta te to va ve wi".split()  # noqa: SIM905
ASSET_NOUNS = (  # noqa: SIM905 (easier to read as one text)
    "hall club group scheme pantry foodbank garden centre society circle trust network cafe choir team"
).split()


def add_assets(rng, directory, count, say):
    """Up to `count` live entries in the directory: every type, every place, a point near the
    place's centre, opening times, accessibility facts and themes; a tenth not confirmed for
    over a year. Returns how many were added."""
    have = AssetPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if have >= count:
        return 0
    types = list(AssetType.objects.filter(locale_id=directory.locale_id).order_by("pk"))
    places = list(Place.objects.filter(locale_id=directory.locale_id, latitude__isnull=False).order_by("pk"))
    themes = list(Theme.objects.filter(locale_id=directory.locale_id).order_by("pk"))
    organisations = [
        Organisation.objects.get_or_create(
            name=f"Load data organisation {n}", defaults={"email": f"org{n}@load.invalid"}
        )[0]
        for n in range(50)
    ]
    today = timezone.localdate()
    # Each entry names a few of the topics among made-up words, so a search word finds a share
    # of the entries, as in a real directory, rather than nearly all of them.
    filler = ["".join(rng.choices(SYLLABLES, k=3)) for _ in range(3000)]
    pages = []
    for n in range(have, count):
        asset_type = rng.choice(types)
        place = rng.choice(places) if places else None
        topics = rng.sample(WORDS, 3)
        title = f"{topics[0].title()} {rng.choice(ASSET_NOUNS)} {n}"
        summary = " ".join([*rng.choices(filler, k=10), topics[1]])
        description = " ".join([*rng.choices(filler, k=30), topics[2]])
        pages.append(
            AssetPage(
                title=title,
                slug=f"{SLUG_PREFIX}asset-{n}",
                asset_type=asset_type,
                summary=f"{summary.capitalize()}.",
                description=f"{description.capitalize()}.",
                organisation=rng.choice(organisations) if rng.random() < 0.7 else None,
                place=place,
                address=f"{rng.randint(1, 120)} {rng.choice(filler).title()} Road",
                postcode=f"WR{rng.randint(1, 15)} {rng.randint(1, 9)}{rng.choice('ABDEFG')}{rng.choice('HJLNPQ')}",
                latitude=f"{float(place.latitude) + rng.uniform(-0.01, 0.01):.5f}" if place else None,
                longitude=f"{float(place.longitude) + rng.uniform(-0.015, 0.015):.5f}" if place else None,
                contact_email=f"entry{n}@load.invalid" if rng.random() < 0.5 else "",
                step_free_access=rng.random() < 0.6,
                accessible_toilet=rng.random() < 0.4,
                hearing_loop=rng.random() < 0.2,
                accessible_parking=rng.random() < 0.5,
                last_confirmed_at=today - timedelta(days=rng.randrange(500 if rng.random() < 0.1 else 300)),
                search_description="",
            )
        )
    say(f"Adding {len(pages)} directory entries…")
    bulk_add_children(directory, AssetPage, pages)
    ids = [page.pk for page in pages]
    OpeningTime.objects.bulk_create(
        [
            OpeningTime(page_id=pk, weekday=day, opens=time(opens), closes=time(opens + length), sort_order=day)
            for pk in ids
            for opens, length in [(rng.randint(7, 14), rng.randint(2, 8))]
            for day in sorted(rng.sample(range(7), rng.randint(0, 6)))
        ],
        batch_size=BATCH,
    )
    through = AssetPage.themes.through
    through.objects.bulk_create(
        [through(assetpage_id=pk, theme_id=theme.pk) for pk in ids for theme in rng.sample(themes, rng.randint(1, 2))],
        batch_size=BATCH,
    )
    say("Indexing directory entries for search…")
    index_for_search(AssetPage, ids, related=["asset_type", "organisation", "place"])
    return len(pages)
