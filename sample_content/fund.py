"""The People Make Places Fund with example rounds, applications and projects. Safe to run again.

The fund, its £500,000 and its three investment priorities are the strategy's own. The rounds,
groups, projects and figures are examples, and say so: one finished round (funded projects
with updates and spend, one shortlisted project not funded), one round open now (a few
draft and submitted applications) and one whose shortlist residents are voting on now. Every row has a fixed slug or reference, so a second run
finds it instead of adding it again.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.staff_roles import apply_staff_roles
from fund.models import (
    Application,
    AssessmentCriterion,
    Ballot,
    BallotChoice,
    BudgetLine,
    FundPage,
    FundRoundPage,
    Priority,
    ProjectPage,
    ProjectUpdate,
)
from pledges.models import PledgePage
from stories.models import StoryPage
from strategy.loader import add_child_once
from strategy.models import Place, Workstream

PRIORITIES = [
    {
        "slug": "places",
        "name": "Places: empowerment and investment for local communities",
        "short_name": "Places",
        "description": (
            "Continue to invest in communities through crowdfunding and invest in an online engagement that "
            "connects people to the places they live, work and play, helping them to shape and influence changes "
            "in their neighbourhoods."
        ),
    },
    {
        "slug": "people",
        "name": "People: enabling a lifetime of contribution",
        "short_name": "People",
        "description": (
            "Support the continued development of a district volunteer service to promote volunteering "
            "opportunities and support our voluntary agencies. Continue to support community support groups such "
            "as Malvern Hills Good Neighbour Network and Community Watch Schemes."
        ),
    },
    {
        "slug": "social-sector",
        "name": "The social sector: supporting charities and social enterprises",
        "short_name": "The social sector",
        "description": (
            "Actively work with and support the social sector to tackle crimes most affecting communities, "
            "poverty, health inequalities, and improve the district's youth offer."
        ),
    },
]

FUND_INTRODUCTION = (
    "<p>The council has committed £500,000 to the People Make Places Fund, to support the Connected "
    "Communities Strategy's three investment priorities: places, people and the social sector. Community "
    "groups apply in funding rounds; residents vote on the shortlist; every funded project reports what it "
    "did and what it spent.</p>"
)

ELIGIBILITY = (
    "<p>Example eligibility: constituted community groups, registered charities, community interest companies "
    "and town and parish councils working in the district may apply for up to £15,000.</p>"
)

CRITERIA = [
    ("Community benefit", "How many people benefit, and how much."),
    ("Local involvement", "How local people shaped the idea and will take part."),
    ("Deliverability", "Whether the group can do what it says, on time and on budget."),
    ("Value for money", "Whether the costs are reasonable for what the project achieves."),
]


def london(year, month, day, hour=12):
    return timezone.make_aware(datetime(year, month, day, hour))


FINISHED_ROUND = {
    "slug": "round-1",
    "title": "Example round 1: spring 2025",
    "summary": "An example of a finished round: its projects were funded and report their progress.",
    "budget": Decimal("150000"),
    "opens_at": london(2025, 1, 6, 9),
    "closes_at": london(2025, 3, 3, 17),
    "voting_opens_at": london(2025, 3, 17, 9),
    "voting_closes_at": london(2025, 3, 31, 17),
    "decisions_on": london(2025, 4, 15, 10),
}

# (application, project page or None). Emails are example.org addresses.
FINISHED_APPLICATIONS = [
    {
        "reference": "PMP-DEMO0001",
        "group_name": "Example Upton Orchard Friends",
        "project_title": "Example project: Upton community orchard",
        "summary": "An example project: planting a community orchard on the old allotments, with pruning days.",
        "priority": "places",
        "place": "upton-upon-severn",
        "budget": [("Fruit trees and stakes", Decimal("7500")), ("Tools and a shed", Decimal("4500"))],
        "state": Application.State.FUNDED,
        "project": {
            "slug": "upton-community-orchard",
            "grant_amount": Decimal("12000"),
            "pledges": ["crowdfunding-and-online-engagement"],
            "workstreams": ["Fund ideas together – crowdfunding and funding local people with good ideas"],
            "crowdfunding_url": "https://www.example.org/crowdfunding/upton-orchard",
            "crowdfunding_raised": Decimal("4200"),
            "match_funding": Decimal("3000"),
            "target": Decimal("10000"),
            "updates": [
                (date(2025, 6, 1), "Example update: forty trees planted by sixty volunteers.", Decimal("6800")),
                (
                    date(2025, 11, 20),
                    "Example update: the shed is up and the first pruning day was full.",
                    Decimal("3900"),
                ),
            ],
        },
    },
    {
        "reference": "PMP-DEMO0002",
        "group_name": "Example Tenbury Youth Project",
        "project_title": "Example project: Tenbury youth evenings",
        "summary": "An example project: two evenings a week for young people, run with the library.",
        "priority": "social-sector",
        "place": "tenbury-wells",
        "budget": [("Youth worker sessions", Decimal("6000")), ("Equipment", Decimal("2500"))],
        "state": Application.State.FUNDED,
        "project": {
            "slug": "tenbury-youth-evenings",
            "grant_amount": Decimal("8500"),
            "pledges": [],
            "workstreams": [],
            "updates": [
                (
                    date(2025, 9, 1),
                    "Example update: the evenings started with twenty-two young people.",
                    Decimal("3100"),
                ),
            ],
        },
    },
    {
        "reference": "PMP-DEMO0003",
        "group_name": "Example Repair Café volunteers",
        "project_title": "Example project: Malvern tool library",
        "summary": "An example project: a tool library in the church hall, grown out of the repair café.",
        "priority": "people",
        "place": "malvern",
        "budget": [("Tools", Decimal("4000")), ("Shelving and a lending system", Decimal("2000"))],
        "state": Application.State.FUNDED,
        "project": {
            "slug": "malvern-tool-library",
            "grant_amount": Decimal("6000"),
            "pledges": ["district-volunteer-service"],
            "workstreams": [],
            # The sample story this project grew from (sample_content/stories.py).
            "stories": ["example-repair-cafe"],
            "updates": [
                (date(2025, 7, 10), "Example update: 120 tools lent in the first month.", Decimal("4500")),
            ],
        },
    },
    {
        "reference": "PMP-DEMO0004",
        "group_name": "Example Welland Music Collective",
        "project_title": "Example project: Welland youth music sessions",
        "summary": "An example project: free music sessions for young people in the village hall.",
        "priority": "social-sector",
        "place": "welland",
        "budget": [("Tutors", Decimal("7000")), ("Instruments", Decimal("2000"))],
        "state": Application.State.NOT_FUNDED,
        "project": {
            "slug": "welland-youth-music",
            "grant_amount": None,
            "pledges": [],
            "workstreams": [],
            "updates": [],
        },
    },
    {
        "reference": "PMP-DEMO0005",
        "group_name": "Example Social Club",
        "project_title": "Example project: club bar refit",
        "summary": "An example of an application that was not eligible.",
        "priority": "places",
        "place": "malvern",
        "budget": [("Bar refit", Decimal("15000"))],
        "state": Application.State.INELIGIBLE,
        "eligibility_notes": "Example: the fund does not pay for work on licensed premises.",
        "project": None,
    },
]

OPEN_APPLICATIONS = [
    {
        "reference": "PMP-DEMO0101",
        "group_name": "Example Kempsey Walking Group",
        "project_title": "Example project: walking group benches",
        "summary": "An example application: benches along the village walking route.",
        "priority": "places",
        "place": "kempsey",
        "budget": [("Benches", Decimal("3200")), ("Installation", Decimal("800"))],
        "state": Application.State.SUBMITTED,
    },
    {
        "reference": "PMP-DEMO0102",
        "group_name": "Example Good Neighbours of Powick",
        "project_title": "Example project: lifts to appointments",
        "summary": "An example draft application: volunteer drivers for medical appointments.",
        "priority": "people",
        "place": "powick",
        "budget": [("Drivers' mileage", Decimal("2500"))],
        "state": Application.State.DRAFT,
        "current_step": "budget",
    },
    {
        "reference": "PMP-DEMO0103",
        "group_name": "Example Martley Food Share",
        "project_title": "",
        "summary": "",
        "priority": None,
        "place": None,
        "budget": [],
        "state": Application.State.DRAFT,
        "current_step": "group",
    },
]


# A round whose residents' vote is open now: its shortlist is on the ballot on the round's page.
# Together the projects cost more than the budget, so a ballot cannot choose them all.
VOTING_APPLICATIONS = [
    {
        "reference": "PMP-DEMO0201",
        "group_name": "Example Powick Village Hall Committee",
        "project_title": "Example project: a hearing loop for the village hall",
        "summary": "An example shortlisted project: a hearing loop and better lighting in the village hall.",
        "priority": "people",
        "place": "powick",
        "budget": [("Hearing loop", Decimal("3000")), ("Lighting", Decimal("1500"))],
        "state": Application.State.SHORTLISTED,
        "project": {
            "slug": "powick-hearing-loop",
            "grant_amount": None,
            "pledges": [],
            "workstreams": [],
            "updates": [],
        },
    },
    {
        "reference": "PMP-DEMO0202",
        "group_name": "Example Upton Riverside Volunteers",
        "project_title": "Example project: riverside path clean-up days",
        "summary": "An example shortlisted project: monthly clean-up days and new bins along the riverside path.",
        "priority": "places",
        "place": "upton-upon-severn",
        "budget": [("Bins and signs", Decimal("6000")), ("Volunteer equipment", Decimal("3000"))],
        "state": Application.State.SHORTLISTED,
        "project": {
            "slug": "upton-riverside-clean-up",
            "grant_amount": None,
            "pledges": [],
            "workstreams": [],
            "updates": [],
        },
    },
    {
        "reference": "PMP-DEMO0203",
        "group_name": "Example Malvern Youth Forum",
        "project_title": "Example project: a youth-led skate park design",
        "summary": "An example shortlisted project: young people design a skate park with a landscape architect.",
        "priority": "social-sector",
        "place": "malvern",
        "budget": [("Landscape architect", Decimal("9000")), ("Workshops", Decimal("3000"))],
        "state": Application.State.SHORTLISTED,
        "project": {
            "slug": "malvern-skate-park-design",
            "grant_amount": None,
            "pledges": [],
            "workstreams": [],
            "updates": [],
        },
    },
]


def load_priorities(locale):
    priorities = {}
    for order, item in enumerate(PRIORITIES):
        priority, _created = Priority.objects.get_or_create(
            slug=item["slug"],
            locale=locale,
            defaults={
                "name": item["name"],
                "short_name": item["short_name"],
                "description": item["description"],
                "sort_order": order,
            },
        )
        priorities[item["slug"]] = priority
    return priorities


def ensure_round(fund, spec, priorities, places=()):
    existing = FundRoundPage.objects.child_of(fund).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    round_page = FundRoundPage(eligibility=ELIGIBILITY, locale=fund.locale, **spec)
    round_page.priorities = list(priorities.values())
    round_page.places = list(places)
    round_page.criteria = [
        AssessmentCriterion(name=name, guidance=guidance, max_score=5, sort_order=order)
        for order, (name, guidance) in enumerate(CRITERIA)
    ]
    return add_child_once(fund, round_page)


def ensure_application(round_page, spec, priorities, decided_at=None):
    application = Application.objects.filter(reference=spec["reference"]).first()
    if application:
        return application
    place = Place.objects.filter(slug=spec["place"], locale=round_page.locale).first() if spec["place"] else None
    budget = spec["budget"]
    submitted = spec["state"] != Application.State.DRAFT
    decided = spec["state"] in Application.DECIDED_STATES
    application = Application.objects.create(
        round=round_page,
        reference=spec["reference"],
        group_email=f"{spec['reference'].lower()}@example.org",
        group_name=spec["group_name"],
        organisation_type=Application.OrganisationType.COMMUNITY_GROUP,
        project_title=spec["project_title"],
        summary=spec["summary"],
        priority=priorities[spec["priority"]] if spec["priority"] else None,
        place=place,
        amount_requested=sum((amount for _item, amount in budget), Decimal("0")) if budget else None,
        declares_information_true=submitted,
        declares_funds_managed=submitted,
        agrees_privacy_notice=submitted,
        state=spec["state"],
        current_step=spec.get("current_step", ""),
        eligibility_notes=spec.get("eligibility_notes", ""),
        decision_reasons="Example: the panel's reasons." if decided else "",
        decided_at=decided_at if decided else None,
        submitted_at=round_page.opens_at + timedelta(days=10) if submitted else None,
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, item=item, amount=amount, sort_order=order)
        for order, (item, amount) in enumerate(budget)
    )
    return application


def ensure_project(round_page, application, spec):
    existing = ProjectPage.objects.child_of(round_page).filter(slug=spec["slug"]).first()
    if existing:
        return existing.specific
    locale = round_page.locale
    project = ProjectPage(
        title=application.project_title,
        slug=spec["slug"],
        locale=locale,
        application=application,
        summary=application.summary,
        group_name=application.group_name,
        cost=application.amount_requested,
        grant_amount=spec["grant_amount"],
        priority=application.priority,
        crowdfunding_url=spec.get("crowdfunding_url", ""),
        crowdfunding_raised=spec.get("crowdfunding_raised", Decimal("0")),
        match_funding=spec.get("match_funding", Decimal("0")),
        target=spec.get("target"),
    )
    project.places = [application.place] if application.place else []
    project.pledges = list(PledgePage.objects.filter(slug__in=spec["pledges"], locale=locale))
    project.workstreams = list(Workstream.objects.filter(title__in=spec["workstreams"], locale=locale))
    project.updates = [
        ProjectUpdate(date=when, text=text, amount_spent=spent, sort_order=order)
        for order, (when, text, spent) in enumerate(spec["updates"])
    ]
    project = add_child_once(round_page, project)
    for story in StoryPage.objects.filter(slug__in=spec.get("stories", []), locale=locale):
        story.projects.add(project)
        story.save_revision().publish()  # in the story's revision too, so the next edit keeps the link
    return project


SAMPLE_BALLOTS = 40


def ensure_ballots(round_page):
    """Confirmed example ballots for the finished round's funded projects, so its results match its grants.

    Each ballot chooses some of the funded projects (a different number of votes each); the
    project not funded gets none, which is why the results say it was not funded. The budget
    covers every funded project, so the tally funds exactly those.
    """
    funded = list(ProjectPage.objects.child_of(round_page).filter(grant_amount__isnull=False).order_by("title"))
    confirmed_at = round_page.voting_closes_at - timedelta(days=1)
    for number in range(1, SAMPLE_BALLOTS + 1):
        ballot, created = Ballot.objects.get_or_create(
            round=round_page,
            email=f"example-voter-{number}@example.org",
            defaults={"postcode": "WR14 3AF", "confirmed_at": confirmed_at},
        )
        if created:
            chosen = [project for order, project in enumerate(funded) if number % (order + 2)] or funded[:1]
            BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, project=project) for project in chosen)


def ensure_fund(home, priorities):
    fund = home.get_children().type(FundPage).first()
    if fund:
        return fund.specific
    return add_child_once(
        home,
        FundPage(
            title="People Make Places Fund",
            slug="fund",
            locale=home.locale,
            total_commitment=Decimal("500000"),
            introduction=FUND_INTRODUCTION,
        ),
    )


@transaction.atomic
def load_demo_fund(home, now=None):
    """The fund page, its priorities, a finished round, an open one and a voting one. Returns the fund page."""
    now = now or timezone.now()
    priorities = load_priorities(home.locale)
    fund = ensure_fund(home, priorities)

    finished = ensure_round(fund, FINISHED_ROUND, priorities)
    for spec in FINISHED_APPLICATIONS:
        application = ensure_application(finished, spec, priorities, decided_at=finished.decisions_on)
        if spec["project"]:
            ensure_project(finished, application, spec["project"])
    ensure_ballots(finished)

    open_round_spec = {
        "slug": "round-2",
        "title": "Example round 2: open now",
        "summary": "An example of a round open for applications.",
        "budget": Decimal("200000"),
        "opens_at": now - timedelta(days=14),
        "closes_at": now + timedelta(days=30),
        "voting_opens_at": now + timedelta(days=44),
        "voting_closes_at": now + timedelta(days=58),
        "decisions_on": now + timedelta(days=75),
    }
    open_round = ensure_round(fund, open_round_spec, priorities)
    for spec in OPEN_APPLICATIONS:
        ensure_application(open_round, spec, priorities)

    voting_round_spec = {
        "slug": "autumn-vote",
        "title": "Example autumn round: residents voting now",
        "summary": "An example of a round whose shortlist residents are voting on now.",
        "budget": Decimal("20000"),
        "opens_at": now - timedelta(days=90),
        "closes_at": now - timedelta(days=40),
        "voting_opens_at": now - timedelta(days=3),
        "voting_closes_at": now + timedelta(days=11),
        "decisions_on": now + timedelta(days=25),
    }
    voting_round = ensure_round(fund, voting_round_spec, priorities)
    for spec in VOTING_APPLICATIONS:
        application = ensure_application(voting_round, spec, priorities)
        ensure_project(voting_round, application, spec["project"])

    apply_staff_roles()  # the fund page exists now: the fund officers' page permissions
    return fund
