"""Sample volunteering opportunities from the strategy's community assets snapshot.

Over 800 adopt-a-street volunteers, 300 green dog walkers, the district volunteer brokerage
service, 25 good neighbour schemes and 3 foodbanks: each gets an opportunity residents can
find by place and theme. Every one has an example group address (example.org), so the
"register interest" relay works on a development site; nobody should get real email.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.staff_roles import apply_staff_roles
from strategy.models import Place, Theme
from volunteering.loader import ensure_volunteering_page
from volunteering.models import OpportunityPage, OpportunitySubmission

SAMPLE_OPPORTUNITIES = [
    {
        "slug": "adopt-a-street-malvern",
        "title": "Adopt a street in Malvern",
        "summary": "Look after your own street: litter picks when it suits you, with kit from the council.",
        "description": (
            "Join more than 800 adopt-a-street volunteers across the district. You choose a street or a "
            "stretch of footpath near you and keep an eye on it: a litter pick now and then, reporting "
            "fly-tipping and broken street lights.\n\n"
            "We lend you a litter picker, gloves, a hi-vis vest and bags, and collect what you gather."
        ),
        "group_name": "Malvern Hills Adopt-a-Street",
        "place": "malvern",
        "themes": ["stronger-and-sustainable"],
        "commitment": OpportunityPage.Commitment.FLEXIBLE,
        "hours": "As little as an hour a month",
        "volunteers_wanted": None,
        "facts": {"step_free_access": True},
        "accessibility_notes": "Choose a flat street if you prefer; grabbers help if you cannot bend easily.",
        "closes_in_days": 300,
    },
    {
        "slug": "green-dog-walkers-upton",
        "title": "Green dog walker in Upton-upon-Severn",
        "summary": "Walk your dog, carry spare bags and be a friendly face for a cleaner, greener town.",
        "description": (
            "Green dog walkers take a pledge to always clean up after their dog, carry spare bags and "
            "wear the green armband, so other dog owners can ask them for one. 300 people do it already.\n\n"
            "No extra time needed: it is your usual walk."
        ),
        "group_name": "Green Dog Walkers Malvern Hills",
        "place": "upton-upon-severn",
        "themes": ["stronger-and-sustainable", "healthier"],
        "commitment": OpportunityPage.Commitment.FLEXIBLE,
        "hours": "Your usual dog walks",
        "volunteers_wanted": 50,
        "facts": {},
        "accessibility_notes": "Walks on the riverside path are level and step-free.",
        "closes_in_days": 200,
    },
    {
        "slug": "volunteer-brokerage-malvern",
        "title": "Find the right volunteering role with the district brokerage",
        "summary": "Not sure what suits you? A volunteer broker talks it through and introduces you to a group.",
        "description": (
            "The district volunteer brokerage service matches people with local groups. Tell us what you "
            "enjoy, when you are free and how you get around, and a broker suggests roles and introduces you.\n\n"
            "A first chat takes about 30 minutes, by phone, video or in person at the Council House."
        ),
        "group_name": "Malvern Hills Volunteer Brokerage",
        "place": "malvern",
        "themes": ["safer-and-inclusive"],
        "commitment": OpportunityPage.Commitment.ONE_OFF,
        "hours": "A 30-minute conversation",
        "volunteers_wanted": None,
        "facts": {"step_free_access": True, "accessible_toilet": True, "can_be_done_from_home": True},
        "accessibility_notes": "A hearing loop is available at the Council House. Ask for a BSL interpreter.",
        "closes_in_days": 360,
    },
    {
        "slug": "good-neighbour-scheme-tenbury",
        "title": "Good neighbour in Tenbury Wells",
        "summary": "Give lifts to appointments, collect prescriptions or pop in for a chat with an older neighbour.",
        "description": (
            "One of the district's 25 good neighbour schemes. Volunteers help neighbours stay independent: "
            "a lift to the surgery, a prescription collected, a friendly visit.\n\n"
            "We ask for a DBS check, which we pay for, and pay mileage for lifts."
        ),
        "group_name": "Tenbury Good Neighbours",
        "place": "tenbury-wells",
        "themes": ["healthier", "safer-and-inclusive"],
        "commitment": OpportunityPage.Commitment.WEEKLY,
        "hours": "About 2 hours a week, when suits you",
        "volunteers_wanted": 6,
        "facts": {"can_be_done_seated": True},
        "accessibility_notes": "Phone befriending can be done from home.",
        "closes_in_days": 120,
    },
    {
        "slug": "foodbank-helpers-malvern",
        "title": "Foodbank helper in Malvern",
        "summary": "Sort donations and welcome people at the foodbank on Tuesday or Friday mornings.",
        "description": (
            "The foodbank needs helpers to check and sort donations, pack parcels and welcome people with "
            "a cup of tea. Training on the first morning.\n\n"
            "Sessions run 9:30 to 12:30 on Tuesdays and Fridays."
        ),
        "group_name": "Malvern Hills Foodbank",
        "place": "malvern",
        "themes": ["healthier", "safer-and-inclusive"],
        "commitment": OpportunityPage.Commitment.WEEKLY,
        "hours": "3 hours, one morning a week",
        "volunteers_wanted": 8,
        "facts": {"step_free_access": True, "accessible_toilet": True, "can_be_done_seated": True},
        "accessibility_notes": "Sorting can be done sitting at a table.",
        "closes_in_days": 90,
    },
]


@transaction.atomic
def load_demo_volunteering(home, now=None):
    """The listing and the sample opportunities, published, each with an example group address."""
    now = now or timezone.now()
    index = ensure_volunteering_page(home)
    apply_staff_roles()
    for sample in SAMPLE_OPPORTUNITIES:
        if index.get_children().filter(slug=sample["slug"]).exists():
            continue
        page = OpportunityPage(
            title=sample["title"],
            slug=sample["slug"],
            summary=sample["summary"],
            description=sample["description"],
            group_name=sample["group_name"],
            place=Place.objects.filter(slug=sample["place"], locale=home.locale).first(),
            commitment=sample["commitment"],
            hours=sample["hours"],
            volunteers_wanted=sample["volunteers_wanted"],
            accessibility_notes=sample["accessibility_notes"],
            expire_at=now + timedelta(days=sample["closes_in_days"]),
            **sample["facts"],
        )
        page.themes.set(Theme.objects.filter(slug__in=sample["themes"], locale=home.locale))
        index.add_child(instance=page)
        page.save_revision().publish()
        OpportunitySubmission.objects.create(page=page, group_email=f"{sample['slug']}@example.org")
    return index
