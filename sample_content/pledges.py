"""Sample pledges from the strategy's real commitments, for `load_sample_content`.

The commitments are the strategy's own words (the investment priorities' "What we will
do", "Making it happen", "Evaluation and learning" and workstreams that read as
commitments). The progress updates, readings and the review narrative are examples,
and say so. Safe to run any number of times: what exists is left as it is.
"""

from datetime import date

from django.db import transaction

from core.staff_roles import apply_staff_roles
from pledges.models import (
    Indicator,
    IndicatorReading,
    PledgeIndexPage,
    PledgePage,
    PledgeUpdate,
    ReviewEditionPage,
    ReviewIndexPage,
)
from strategy.loader import add_child_once
from strategy.models import SurveyFigure, Theme, Workstream

COUNCIL = "Community Services, Malvern Hills District Council"
EXAMPLE = "Example update: "

PLEDGES = [
    {
        "slug": "crowdfunding-and-online-engagement",
        "title": "Invest in communities through crowdfunding and online engagement",
        "commitment": (
            "Continue to invest in communities through crowdfunding and invest in an online engagement that "
            "connects people to the places they live, work and play, helping them to shape and influence changes "
            "in their neighbourhoods."
        ),
        "theme": "Stronger",
        "workstreams": ["Fund ideas together – crowdfunding and funding local people with good ideas"],
        "priority": PledgePage.InvestmentPriority.PLACES,
        "lead": COUNCIL,
        "target_date": date(2026, 3, 31),
        "updates": [
            (date(2022, 6, 1), "on_track", "The first crowdfunding round opened with match funding from the fund."),
            (date(2026, 9, 15), "on_track", "Twelve community projects were part-funded this year."),
        ],
        "indicator": {
            "name": "Residents who agree they can influence decisions in their local area",
            "figure": "influence decisions",
            "target": 50,
            "target_year": 2026,
            "readings": [(date(2024, 3, 31), 42), (date(2025, 3, 31), 44)],
        },
    },
    {
        "slug": "district-volunteer-service",
        "title": "Develop the district volunteer service",
        "commitment": (
            "Support the continued development of a district volunteer service to promote volunteering "
            "opportunities and support our voluntary agencies."
        ),
        "theme": "Stronger",
        "workstreams": ["Volunteering as a key part of feeling connected to our community"],
        "priority": PledgePage.InvestmentPriority.PEOPLE,
        "lead": COUNCIL,
        "target_date": date(2026, 3, 31),
        "updates": [
            (date(2023, 1, 10), "on_track", "The volunteer brokerage service and Volunteering Forum met quarterly."),
            (date(2026, 10, 1), "on_track", "Volunteer opportunities are now listed in one place for the district."),
        ],
        "indicator": {
            "name": "Residents who feel active volunteering is a strength of their community",
            "figure": "active volunteering",
            "target": 60,
            "target_year": 2026,
            "readings": [(date(2025, 3, 31), 57)],
        },
    },
    {
        "slug": "good-neighbour-network-and-community-watch",
        "title": "Support the Good Neighbour Network and Community Watch schemes",
        "commitment": (
            "Continue to support community support groups such as Malvern Hills Good Neighbour Network and "
            "Community Watch Schemes."
        ),
        "theme": "Safer",
        "workstreams": [
            "Support local mechanisms and communication networks that take positive action to reduce the risk of crime",
            "Support our most vulnerable neighbours",
        ],
        "priority": PledgePage.InvestmentPriority.PEOPLE,
        "lead": COUNCIL,
        "target_date": None,
        "updates": [
            (date(2022, 11, 1), "on_track", "Grants renewed for the good neighbour schemes."),
            (date(2026, 6, 20), "at_risk", "Two Community Watch schemes are looking for new coordinators."),
        ],
        "indicator": {
            "name": "Residents who feel safe after dark",
            "figure": "feel safe after dark",
            "target": 72,
            "target_year": 2026,
            "readings": [(date(2025, 3, 31), 67)],
        },
    },
    {
        "slug": "social-sector-partnership",
        "title": "Work with the social sector on crime, poverty, health inequalities and the youth offer",
        "commitment": (
            "Actively work with and support the social sector to tackle crimes most affecting communities, "
            "poverty, health inequalities, and improve the district's youth offer."
        ),
        "theme": "Healthier",
        "workstreams": ["Help to tackle health inequalities"],
        "priority": PledgePage.InvestmentPriority.SOCIAL_SECTOR,
        "lead": "Community Action Malvern & District, with the council",
        "target_date": date(2026, 3, 31),
        "updates": [
            (date(2023, 4, 1), "delayed", "The youth offer review started later than planned."),
            (date(2025, 2, 1), "delayed", "Youth offer partners are agreed; the plan is not yet published."),
        ],
    },
    {
        "slug": "abcd-events",
        "title": "Host a series of ABCD events",
        "commitment": (
            "Host a series of asset-based community development (ABCD) events, bringing practitioners together "
            "to share learning, and work with elected members to facilitate ABCD conversations in their local "
            "communities."
        ),
        "theme": "Stronger",
        "workstreams": ["Facilitate local partnerships and actively be part of community conversations"],
        "priority": "",
        "lead": COUNCIL,
        "target_date": date(2024, 12, 31),
        "updates": [
            (date(2022, 9, 1), "on_track", "The first ABCD practitioners' event was held."),
            (date(2024, 12, 1), "achieved", "Four events held and ABCD conversations run in every ward."),
        ],
    },
    {
        "slug": "ripple-effect-mapping",
        "title": "Capture the ripple effect of community projects",
        "commitment": (
            "Use ripple effect mapping to discover the impacts of community projects, encouraging reflection, "
            "capturing what relationships can lead to, and motivating people to continue their work."
        ),
        "theme": "Stronger",
        "workstreams": [],
        "priority": "",
        "lead": COUNCIL,
        "target_date": None,
        "updates": [
            (date(2024, 6, 1), "not_started", "Training for staff in ripple effect mapping is being arranged.")
        ],
    },
    {
        "slug": "annual-action-plan-review",
        "title": "Review the action plan every year",
        "commitment": "Review the Connected Communities action plan annually.",
        "theme": "Stronger",
        "workstreams": [],
        "priority": "",
        "lead": COUNCIL,
        "target_date": None,
        "updates": [(date(2025, 12, 1), "on_track", "The 2025 review of the action plan was published.")],
    },
    {
        "slug": "five-year-strategy-review",
        "title": "Review the strategy after five years",
        "commitment": "Review the Connected Communities Strategy itself after five years.",
        "theme": "Stronger",
        "workstreams": [],
        "priority": "",
        "lead": COUNCIL,
        "target_date": date(2026, 12, 1),
        "updates": [(date(2026, 6, 1), "on_track", "Residents' survey for the five-year review is in the field.")],
    },
    {
        "slug": "reduce-loneliness",
        "title": "Support services that reduce social isolation and loneliness",
        "commitment": "Support services that reduce social isolation and loneliness.",
        "theme": "Healthier",
        "workstreams": ["Support services that reduce social isolation and loneliness"],
        "priority": "",
        "lead": "Community Action Malvern & District",
        "target_date": None,
        "updates": [(date(2026, 5, 1), "on_track", "Befriending groups now meet in eight villages.")],
        "indicator": {
            "name": "Residents who feel lonely or isolated often or some of the time",
            "figure": "feel lonely",
            "target": 20,
            "target_year": 2031,
            "readings": [],
        },
    },
    {
        "slug": "community-facilities-and-open-space",
        "title": "Invest in community facilities and open space",
        "commitment": "Ensure investment in our community facilities and open space.",
        "theme": "Healthier",
        "workstreams": ["Ensure investment in our community facilities and open space"],
        "priority": "",
        "lead": COUNCIL,
        "target_date": None,
        "updates": [(date(2023, 3, 1), "at_risk", "Capital funding for village halls is under review.")],
        "indicator": {
            "name": "Residents who feel places for communities to come together are a strength",
            "figure": "places for communities to come together",
            "target": 50,
            "target_year": 2026,
            "readings": [],
        },
    },
    {
        "slug": "flood-response-and-recovery",
        "title": "Support community response to and recovery from flooding",
        "commitment": "Support community response to and recovery from emergency situations such as flooding.",
        "theme": "Safer",
        "workstreams": ["Support community response to and recovery from emergency situations such as flooding"],
        "priority": "",
        "lead": COUNCIL,
        "target_date": None,
        "updates": [
            (date(2026, 2, 1), "on_track", "Community flood plans are in place in the most affected parishes.")
        ],
    },
    {
        "slug": "grow-our-digital-community",
        "title": "Grow our digital community",
        "commitment": "Grow our digital community, so that more residents can get online and stay connected.",
        "theme": "Safer",
        "workstreams": ["Grow our digital community"],
        "priority": "",
        "lead": COUNCIL,
        "target_date": None,
        "updates": [(date(2026, 7, 1), "not_started", "Digital inclusion partners are being identified.")],
    },
]

REVIEW_NARRATIVE = (
    "<p>Example narrative: this is a sample of the council's annual review of the Connected Communities "
    "action plan. It records where each pledge stood at the end of the year it reviews.</p>"
)


def find_theme(prefix):
    return Theme.objects.filter(name__istartswith=prefix).order_by("pk").first()


def find_figure(words):
    return SurveyFigure.objects.filter(statement__icontains=words).order_by("pk").first()


def build_pledge(item):
    pledge = PledgePage(
        title=item["title"],
        slug=item["slug"],
        commitment=item["commitment"],
        theme=find_theme(item["theme"]),
        investment_priority=item["priority"],
        lead=item["lead"],
        target_date=item["target_date"],
    )
    pledge.workstreams = list(Workstream.objects.filter(title__in=item["workstreams"]))
    pledge.updates = [
        PledgeUpdate(date=when, status=status, text=EXAMPLE + text, sort_order=position)
        for position, (when, status, text) in enumerate(item["updates"])
    ]
    spec = item.get("indicator")
    figure = find_figure(spec["figure"]) if spec else None
    if spec:
        indicator = Indicator(
            name=spec["name"],
            unit="%",
            baseline_figure=figure,
            baseline_year=2021,
            target_value=spec["target"],
            target_year=spec["target_year"],
        )
        indicator.readings = [IndicatorReading(date=when, value=value) for when, value in spec["readings"]]
        pledge.indicators = [indicator]
    return pledge


@transaction.atomic
def load_demo_pledges(home):
    index = home.get_children().type(PledgeIndexPage).first()
    if index is None:
        index = add_child_once(
            home,
            PledgeIndexPage(
                title="Our pledges",
                slug="pledges",
                introduction=(
                    "What the council promised in the Connected Communities Strategy, how far each pledge has got, "
                    "and the evidence. Pledges not updated for a year are marked."
                ),
            ),
        )
    index = index.specific
    for item in PLEDGES:
        if not index.get_children().filter(slug=item["slug"]).exists():
            add_child_once(index, build_pledge(item))
    reviews = index.get_children().type(ReviewIndexPage).first()
    if reviews is None:
        reviews = add_child_once(
            index,
            ReviewIndexPage(
                title="Annual reviews", slug="review", introduction="The action plan is reviewed every year."
            ),
        )
    reviews = reviews.specific
    if not ReviewEditionPage.objects.filter(year=2025).exists():
        add_child_once(
            reviews, ReviewEditionPage(title="Annual review 2025", slug="2025", year=2025, narrative=REVIEW_NARRATIVE)
        )
    apply_staff_roles()  # the index exists now: its page permissions and workflow
    return index
