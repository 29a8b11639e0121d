"""Sample entries for the register: at least one live entry of every asset type, in real places.

The places are the district's own towns and parishes; the groups, their contact details and
opening times are made up (every title says "example", every address is at example.org and
every phone number is in Ofcom's range for drama). Some entries reach a person who agreed to
be contacted, most reach an organisation, and some have no contact at all. One entry was last
confirmed over a year ago, so the "Entries to review" report has something to show.
Safe to run again: an entry whose slug exists is left as it is.
"""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from directory.loader import load_directory
from directory.models import AssetPage, AssetType, DirectoryPage, OpeningTime, Organisation
from strategy.loader import add_child_once
from strategy.models import Place, Theme, Workstream

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAYS = (MON, TUE, WED, THU, FRI)
STEP_FREE, TOILET, LOOP, PARKING = "step_free_access", "accessible_toilet", "hearing_loop", "accessible_parking"

ORGANISATIONS = {
    "kempsey-good-neighbours": {
        "name": "Kempsey Good Neighbours (example)",
        "description": "Volunteers helping older and isolated neighbours in Kempsey.",
        "email": "help@kempsey-neighbours.example.org",
        "phone": "01632 960101",
    },
    "welland-watch": {
        "name": "Welland Neighbourhood Watch (example)",
        "description": "Residents' watch scheme covering the village and its lanes.",
        "email": "watch@welland.example.org",
    },
    "upton-scouts": {
        "name": "1st Upton Scout Group (example)",
        "description": "Beavers, Cubs and Scouts in Upton-upon-Severn.",
        "website": "https://upton-scouts.example.org/",
        "charity_number": "500001",
    },
    "martley-hall": {
        "name": "Martley Village Hall Trust (example)",
        "description": "The charity that runs and maintains the village hall.",
        "email": "bookings@martley-hall.example.org",
        "phone": "01632 960102",
        "charity_number": "500002",
    },
    "abberley-shop": {
        "name": "Abberley Community Shop Ltd (example)",
        "description": "A community benefit society owned by its village members.",
        "email": "shop@abberley.example.org",
    },
    "tenbury-town": {
        "name": "Tenbury Town Council (example)",
        "description": "The town council for Tenbury Wells.",
        "email": "clerk@tenbury-town.example.org",
        "phone": "01632 960103",
        "website": "https://tenbury-town.example.org/",
    },
    "upton-town": {
        "name": "Upton-upon-Severn Town Council (example)",
        "description": "The town council for Upton-upon-Severn.",
        "email": "clerk@upton-town.example.org",
        "phone": "01632 960104",
    },
    "powick-football": {
        "name": "Powick Walking Football Club (example)",
        "description": "Football at walking pace for over-50s.",
        "email": "play@powick-walking.example.org",
    },
    "teme-valley-support": {
        "name": "Teme Valley Community Support (example)",
        "description": "A charity running lifts to appointments and a befriending service.",
        "email": "office@teme-support.example.org",
        "phone": "01632 960105",
        "charity_number": "500003",
    },
    "volunteer-centre": {
        "name": "Malvern Hills Volunteer Centre (example)",
        "description": "The district's volunteer brokerage service and Volunteering Forum.",
        "email": "volunteer@mh-volunteers.example.org",
        "phone": "01632 960106",
        "website": "https://mh-volunteers.example.org/",
        "charity_number": "500004",
    },
    "malvern-foodbank": {
        "name": "Malvern Hills Foodbank (example)",
        "description": "Emergency food for people in crisis, with a referral.",
        "email": "referrals@mh-foodbank.example.org",
        "phone": "01632 960107",
        "charity_number": "500005",
    },
    "tenbury-pantry": {
        "name": "Tenbury Community Pantry (example)",
        "description": "A members' food club: a small weekly fee, groceries worth much more.",
        "email": "pantry@tenbury-pantry.example.org",
    },
}


def hours(days, opens, closes, note=""):
    return [(day, opens, closes, note) for day in days]


SAMPLE_ENTRIES = [
    {
        "slug": "example-kempsey-good-neighbours",
        "title": "Kempsey Good Neighbours (example)",
        "type": "good-neighbour-scheme",
        "place": "kempsey",
        "organisation": "kempsey-good-neighbours",
        "summary": "Lifts to appointments, help with shopping and a friendly weekly phone call for neighbours who need them.",
        "description": "Call the helpline on weekday mornings and a volunteer will call you back.",
        "address": "The Village Hall\nMain Road\nKempsey",
        "postcode": "WR5 3NA",
        "point": (52.1425, -2.2185),
        # A coordinator who agreed, in writing, to her phone number being published.
        "contact": {"phone": "01632 960111", "person": True, "agreed": True},
        "hours": hours(WEEKDAYS, time(9), time(12), "helpline"),
        "access": (STEP_FREE,),
        "themes": ["healthier", "stronger-and-sustainable"],
        "workstreams": ["support-services-that-reduce-social-isolation-and-loneliness"],
    },
    {
        "slug": "example-welland-neighbourhood-watch",
        "title": "Welland Neighbourhood Watch (example)",
        "type": "neighbourhood-watch",
        "place": "welland",
        "organisation": "welland-watch",
        "summary": "Neighbours looking out for each other, sharing police alerts and advice on keeping homes safe.",
        "point": (52.0592, -2.2876),
        "themes": ["safer-and-inclusive"],
    },
    {
        "slug": "example-upton-scouts",
        "title": "1st Upton Scout Group (example)",
        "type": "youth-group",
        "place": "upton-upon-severn",
        "organisation": "upton-scouts",
        "summary": "Beavers (6–8), Cubs (8–10) and Scouts (10–14): adventure, friendship and skills for life.",
        "address": "Scout Hut\nOld Street\nUpton-upon-Severn",
        "postcode": "WR8 0HA",
        "point": (52.0640, -2.2160),
        "contact": {"website": "https://upton-scouts.example.org/"},
        "hours": hours((TUE, THU), time(18, 30), time(20), "term time only"),
        "access": (STEP_FREE, TOILET),
        "themes": ["stronger-and-sustainable"],
    },
    {
        "slug": "example-martley-village-hall",
        "title": "Martley Village Hall (example)",
        "type": "village-hall",
        "place": "martley",
        "organisation": "martley-hall",
        "summary": "A hall for 120 with a stage, kitchen and meeting room, for hire by groups and families.",
        "description": "Regular groups include a Tuesday lunch club, yoga and the parish council's meetings.",
        "address": "Martley Village Hall\nMain Road\nMartley",
        "postcode": "WR6 6QA",
        "point": (52.2383, -2.3567),
        "hours": hours((MON, TUE, WED, THU, FRI, SAT), time(9), time(22)),
        "access": (STEP_FREE, TOILET, LOOP, PARKING),
        "access_notes": "Level access from the car park; two marked accessible bays by the door.",
        "themes": ["stronger-and-sustainable", "healthier"],
        "workstreams": ["ensure-investment-in-our-community-facilities-and-open-space"],
    },
    {
        "slug": "example-longdon-village-hall",
        "title": "Longdon Village Hall (example)",
        "type": "village-hall",
        "place": "longdon",
        "summary": "A small hall with a kitchen, used by the WI, a toddler group and for parties.",
        "point": (52.0295, -2.2338),
        # Nobody has confirmed these details for two years: listed in "Entries to review".
        "confirmed_days_ago": 730,
        "access": (PARKING,),
        "themes": ["stronger-and-sustainable"],
    },
    {
        "slug": "example-abberley-community-shop",
        "title": "Abberley community shop and post office (example)",
        "type": "asset-of-community-value",
        "place": "abberley",
        "organisation": "abberley-shop",
        "summary": "The village's only shop, bought by its residents after it was listed as an Asset of Community Value.",
        "address": "The Old Forge\nAbberley",
        "postcode": "WR6 6BN",
        "point": (52.3004, -2.3748),
        "hours": hours((MON, TUE, WED, THU, FRI), time(8), time(17, 30)) + hours((SAT,), time(8), time(13)),
        "access": (STEP_FREE,),
        "themes": ["stronger-and-sustainable"],
    },
    {
        "slug": "example-tenbury-recreation-ground",
        "title": "Tenbury Wells recreation ground (example)",
        "type": "park",
        "place": "tenbury-wells",
        "organisation": "tenbury-town",
        "summary": "Playing fields, a play area and a riverside path, open to everyone.",
        "address": "Palmers Meadow\nTenbury Wells",
        "postcode": "WR15 8AA",
        "point": (52.3098, -2.5932),
        "hours": hours(range(7), time(7), time(21)),
        "access": (STEP_FREE, PARKING),
        "access_notes": "Tarmac paths around the play area; the riverside path is grass and can be muddy.",
        "themes": ["healthier"],
    },
    {
        "slug": "example-powick-walking-football",
        "title": "Powick walking football (example)",
        "type": "sports-club",
        "place": "powick",
        "organisation": "powick-football",
        "summary": "Football at walking pace for over-50s: no running, no tackling, lots of laughter.",
        "address": "Powick playing field\nPowick",
        "point": (52.1603, -2.2455),
        "hours": hours((WED,), time(10), time(11, 30)),
        "access": (PARKING,),
        "themes": ["healthier"],
    },
    {
        "slug": "example-teme-valley-community-support",
        "title": "Teme Valley Community Support (example)",
        "type": "charity",
        "place": "clifton-upon-teme",
        "organisation": "teme-valley-support",
        "summary": "Volunteer drivers for lifts to appointments, and befriending for people who live alone.",
        "point": (52.2594, -2.4248),
        "hours": hours(WEEKDAYS, time(9, 30), time(13)),
        "themes": ["healthier", "safer-and-inclusive"],
    },
    {
        "slug": "example-clifton-primary-school",
        "title": "Clifton upon Teme primary school (example)",
        "type": "primary-school",
        "place": "clifton-upon-teme",
        "summary": "A village primary school for children aged 4 to 11, whose hall hosts community events.",
        "point": (52.2588, -2.4262),
        "hours": hours(WEEKDAYS, time(8, 45), time(15, 15), "term time only"),
        "access": (STEP_FREE, TOILET),
        # No public contact at all: the page says so.
        "themes": ["stronger-and-sustainable"],
    },
    {
        "slug": "example-hanley-castle-secondary-school",
        "title": "Hanley Castle secondary school (example)",
        "type": "secondary-school",
        "place": "hanley-castle",
        "summary": "A secondary school for 11 to 18 year olds whose sports hall and fields are open to clubs in the evenings.",
        "point": (52.0782, -2.2368),
        "hours": hours(WEEKDAYS, time(8, 30), time(15, 30), "term time only"),
        "access": (STEP_FREE, TOILET, LOOP, PARKING),
        "themes": ["stronger-and-sustainable"],
    },
    {
        "slug": "example-upton-town-council",
        "title": "Upton-upon-Severn Town Council (example)",
        "type": "town-or-parish-council",
        "place": "upton-upon-severn",
        "organisation": "upton-town",
        "summary": "The town council's office: allotments, the market, bus shelters and the town's grants.",
        "address": "Memorial Hall\nUpton-upon-Severn",
        "postcode": "WR8 0HT",
        "point": (52.0629, -2.2175),
        "hours": hours((MON, WED, FRI), time(10), time(13)),
        "access": (STEP_FREE, LOOP),
        "themes": ["stronger-and-sustainable"],
        "workstreams": ["facilitate-local-partnerships-and-actively-be-part-of-community-conversations"],
    },
    {
        "slug": "example-malvern-link-adopt-a-street",
        "title": "Malvern Link adopt-a-street volunteers (example)",
        "type": "adopt-a-street",
        "place": "malvern",
        "summary": "Volunteers who each look after a street: litter picks, reporting fly-tipping and planting verges.",
        "point": (52.1245, -2.3150),
        "contact": {"email": "streets@mh-volunteers.example.org"},
        "themes": ["stronger-and-sustainable"],
        "workstreams": ["volunteering-as-a-key-part-of-feeling-connected-to-our-community"],
    },
    {
        "slug": "example-west-malvern-green-dog-walkers",
        "title": "West Malvern green dog walkers (example)",
        "type": "green-dog-walkers",
        "place": "west-malvern",
        "summary": "Dog walkers who carry spare bags and a friendly word, for cleaner paths on the hills.",
        "point": (52.1133, -2.3476),
        # No organisation and no contact yet: the page says so.
        "themes": ["safer-and-inclusive"],
    },
    {
        "slug": "example-malvern-hills-volunteer-centre",
        "title": "Malvern Hills Volunteer Centre (example)",
        "type": "volunteer-brokerage",
        "place": "malvern",
        "organisation": "volunteer-centre",
        "summary": "Find a volunteering role that suits you, or find volunteers for your group; home of the Volunteering Forum.",
        "address": "Community Centre\nGreat Malvern",
        "postcode": "WR14 3AA",
        "point": (52.1116, -2.3251),
        "hours": hours(WEEKDAYS, time(9, 30), time(16, 30)),
        "access": (STEP_FREE, TOILET, LOOP),
        "themes": ["stronger-and-sustainable"],
        "workstreams": ["volunteering-as-a-key-part-of-feeling-connected-to-our-community"],
    },
    {
        "slug": "example-malvern-foodbank",
        "title": "Malvern Hills Foodbank, Malvern centre (example)",
        "type": "foodbank",
        "place": "malvern",
        "organisation": "malvern-foodbank",
        "summary": "Three days' emergency food for people in crisis. Ask a GP, Citizens Advice or the council for a referral.",
        "address": "Church Hall\nMalvern Link",
        "postcode": "WR14 1AA",
        "point": (52.1230, -2.3180),
        "hours": hours((TUE, THU, FRI), time(10), time(12)),
        "access": (STEP_FREE, TOILET),
        "themes": ["healthier", "safer-and-inclusive"],
        "workstreams": ["connect-people-to-the-right-services-and-support-when-they-need-it"],
    },
    {
        "slug": "example-tenbury-foodbank",
        "title": "Malvern Hills Foodbank, Tenbury centre (example)",
        "type": "foodbank",
        "place": "tenbury-wells",
        "organisation": "malvern-foodbank",
        "summary": "The foodbank's Tenbury centre: emergency food with a referral, on Wednesday mornings.",
        "point": (52.3112, -2.5945),
        "hours": hours((WED,), time(10), time(12)),
        "access": (STEP_FREE,),
        "themes": ["healthier"],
    },
    {
        "slug": "example-tenbury-community-pantry",
        "title": "Tenbury community pantry (example)",
        "type": "community-pantry",
        "place": "tenbury-wells",
        "organisation": "tenbury-pantry",
        "summary": "Join for £5 a week and choose at least £15 of groceries, fresh fruit and vegetables included.",
        "address": "Pump Rooms\nTenbury Wells",
        "postcode": "WR15 8EQ",
        "point": (52.3103, -2.5921),
        "hours": hours((WED,), time(13), time(15)) + hours((SAT,), time(10), time(12)),
        "access": (STEP_FREE, TOILET, PARKING),
        "themes": ["healthier", "stronger-and-sustainable"],
    },
]


@transaction.atomic
def load_demo_directory(home):
    """Returns the directory page, with the sample entries under it."""
    directory = DirectoryPage.objects.child_of(home).first() or load_directory(home)
    locale = Locale.get_default()
    types = {t.slug: t for t in AssetType.objects.filter(locale=locale)}
    places = {p.slug: p for p in Place.objects.filter(locale=locale)}
    themes = {t.slug: t for t in Theme.objects.filter(locale=locale)}
    workstreams = {w.slug: w for w in Workstream.objects.filter(locale=locale)}
    organisations = {
        key: Organisation.objects.get_or_create(name=data["name"], defaults=data)[0]
        for key, data in ORGANISATIONS.items()
    }
    existing = set(AssetPage.objects.child_of(directory).values_list("slug", flat=True))
    for item in SAMPLE_ENTRIES:
        if item["slug"] in existing:
            continue
        add_child_once(directory, sample_entry(item, types, places, themes, workstreams, organisations))
    return directory


def sample_entry(item, types, places, themes, workstreams, organisations):
    contact = item.get("contact", {})
    latitude, longitude = item["point"]
    entry = AssetPage(
        title=item["title"],
        slug=item["slug"],
        asset_type=types[item["type"]],
        summary=item["summary"],
        description=item.get("description", ""),
        organisation=organisations.get(item.get("organisation")),
        place=places.get(item["place"]),
        address=item.get("address", ""),
        postcode=item.get("postcode", ""),
        latitude=f"{latitude:.5f}",
        longitude=f"{longitude:.5f}",
        contact_email=contact.get("email", ""),
        contact_phone=contact.get("phone", ""),
        website=contact.get("website", ""),
        contact_is_a_person=contact.get("person", False),
        person_agreed_to_publish=contact.get("agreed", False),
        accessibility_notes=item.get("access_notes", ""),
        last_confirmed_at=timezone.localdate() - timedelta(days=item.get("confirmed_days_ago", 30)),
        **dict.fromkeys(item.get("access", ()), True),
    )
    entry.opening_times = [
        OpeningTime(weekday=day, opens=opens, closes=closes, note=note, sort_order=position)
        for position, (day, opens, closes, note) in enumerate(item.get("hours", ()))
    ]
    entry.themes = [themes[slug] for slug in item.get("themes", ()) if slug in themes]
    entry.workstreams = [workstreams[slug] for slug in item.get("workstreams", ()) if slug in workstreams]
    return entry
