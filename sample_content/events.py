"""Sample events: the strategy's series of ABCD events, councillors' ABCD conversations and
community events, upcoming and past, in the district's towns and parishes. Safe to run again.

The strategy: "To support the growth of asset-based community development, we will host a
series of ABCD events, bringing practitioners together to share learning. We will also work
with elected members to facilitate ABCD conversations in their local communities."

Dates are counted from the day the samples are loaded, so a new site always has events to
come and events gone by. An event takes its venue from the directory when the directory has
an entry with one of the slugs given (the directory's sample content, when loaded first);
otherwise it names the venue itself.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from directory.models import AssetPage
from events.loader import ensure_events_page
from events.models import EVENT_TIME_ZONE, EventPage, EventSeries
from strategy.models import Place, Theme, Workstream

PARTNERSHIPS_WORKSTREAM = "Facilitate local partnerships and actively be part of community conversations"

SAMPLE_SERIES = [
    {
        "slug": "abcd-events",
        "name": "ABCD learning events",
        "description": (
            "A series of asset-based community development events, bringing practitioners together "
            "to share learning, as the Connected Communities strategy promises."
        ),
        "sort_order": 0,
    },
    {
        "slug": "abcd-conversations",
        "name": "ABCD conversations with your councillors",
        "description": (
            "Elected members and residents talk about what is strong in their community and what "
            "they would like to build on together."
        ),
        "sort_order": 1,
    },
]

SAMPLE_EVENTS = [
    {
        "slug": "abcd-whats-strong-in-malvern",
        "title": "Example event: ABCD learning event, what's strong in Malvern",
        "summary": "Practitioners and residents share how they map a community's assets, starting with Malvern's.",
        "description": (
            "An example event. A morning of short talks and table conversations about asset-based "
            "community development: how groups in Malvern found the skills, places and networks "
            "already around them, and what they built on them.\n\n"
            "Tea, coffee and cake from the hosts' volunteers."
        ),
        "days": 12,
        "times": ((10, 0), (13, 0)),
        "series": "abcd-events",
        "place": "malvern",
        "venues": ["example-malvern-hills-volunteer-centre"],
        "venue_name": "Malvern Cube",
        "venue_address": "Albert Road North\nMalvern",
        "themes": ["stronger-and-sustainable"],
        "organiser": "Malvern Hills District Council",
        "booking": "capacity",
        "capacity": 60,
        "facts": ["step_free_access", "accessible_toilet", "hearing_loop"],
        "accessibility_notes": "Quiet room available. Assistance dogs welcome.",
    },
    {
        "slug": "abcd-appreciative-inquiry-tenbury",
        "title": "Example event: ABCD learning event, appreciative inquiry in practice",
        "summary": "How to ask 'what do you love about where you live?' and act on the answers.",
        "description": (
            "An example event. A workshop on appreciative inquiry, one of the strategy's ABCD "
            "techniques, led by community connectors who use it every week."
        ),
        "days": 26,
        "times": ((14, 0), (16, 30)),
        "series": "abcd-events",
        "place": "tenbury-wells",
        "venues": [],
        "venue_name": "The Pump Rooms",
        "venue_address": "Teme Street\nTenbury Wells",
        "themes": ["stronger-and-sustainable", "healthier"],
        "organiser": "Community First Herefordshire & Worcestershire",
        "booking": "link",
        "booking_url": "https://booking.example.org/abcd-tenbury",
        "facts": ["step_free_access", "accessible_toilet", "accessible_parking"],
    },
    {
        "slug": "abcd-online-ripple-effect-mapping",
        "title": "Example event: ABCD online session, ripple effect mapping",
        "summary": "A lunchtime introduction to ripple effect mapping, online.",
        "description": "An example event. Bring a project you know well; we will map what it led to together.",
        "days": 19,
        "times": ((12, 30), (13, 30)),
        "series": "abcd-events",
        "place": None,
        "attendance_mode": "online",
        "online_url": "https://meet.example.org/abcd-ripples",
        "themes": ["stronger-and-sustainable"],
        "organiser": "Malvern Hills District Council",
        "accessibility_notes": "Live captions on. The slides are sent beforehand to anyone who asks.",
    },
    {
        "slug": "abcd-conversation-upton",
        "title": "Example event: ABCD conversation with your councillors, Upton-upon-Severn",
        "summary": "Tell your ward councillors what is strong in Upton and what you would build on.",
        "description": "An example event. An informal evening conversation: no speeches, no slides.",
        "days": 40,
        "times": ((18, 30), (20, 0)),
        "series": "abcd-conversations",
        "place": "upton-upon-severn",
        "venues": [],
        "venue_name": "Upton Memorial Hall",
        "venue_address": "Old Street\nUpton-upon-Severn",
        "themes": ["safer-and-inclusive", "stronger-and-sustainable"],
        "organiser": "Malvern Hills District Council",
        "booking": "capacity",
        "capacity": 40,
        "facts": ["step_free_access", "accessible_toilet"],
    },
    {
        "slug": "welland-community-open-day",
        "title": "Example event: Welland community open day",
        "summary": "Meet the village's groups and clubs, and find one to join.",
        "description": "An example event. Stalls from the village's groups, a repair café and a walk round the parish.",
        "days": 55,
        "all_day": True,
        "place": "welland",
        "venues": [],
        "venue_name": "Welland Village Hall",
        "venue_address": "Drake Street\nWelland",
        "themes": ["healthier", "stronger-and-sustainable"],
        "organiser": "Welland Parish Council",
        "facts": ["step_free_access", "accessible_toilet", "accessible_parking"],
    },
    {
        "slug": "abcd-series-launch",
        "title": "Example event: launching the ABCD learning events",
        "summary": "The first of the series: what asset-based community development means for the district.",
        "description": "An example event. The council and its partners introduced the series and heard what residents wanted from it.",
        "days": -45,
        "times": ((10, 0), (12, 30)),
        "series": "abcd-events",
        "place": "malvern",
        "venues": ["example-malvern-hills-volunteer-centre"],
        "venue_name": "Malvern Cube",
        "venue_address": "Albert Road North\nMalvern",
        "themes": ["stronger-and-sustainable"],
        "organiser": "Malvern Hills District Council",
        "facts": ["step_free_access", "accessible_toilet", "hearing_loop"],
    },
    {
        "slug": "abcd-conversation-martley",
        "title": "Example event: ABCD conversation with your councillors, Martley",
        "summary": "Residents of Martley and their councillors on what the village already has.",
        "description": "An example event.",
        "days": -20,
        "times": ((19, 0), (20, 30)),
        "series": "abcd-conversations",
        "place": "martley",
        "venues": ["example-martley-village-hall"],
        "venue_name": "Martley Village Hall",
        "venue_address": "Martley",
        "themes": ["stronger-and-sustainable"],
        "organiser": "Malvern Hills District Council",
        "facts": ["step_free_access"],
    },
]

FACTS = ("step_free_access", "accessible_toilet", "hearing_loop", "accessible_parking", "sign_language")


def ensure_series(locale):
    workstream = Workstream.objects.filter(title=PARTNERSHIPS_WORKSTREAM, locale=locale).first()
    series = {}
    for sample in SAMPLE_SERIES:
        series[sample["slug"]], _created = EventSeries.objects.get_or_create(
            slug=sample["slug"],
            locale=locale,
            defaults={
                "name": sample["name"],
                "description": sample["description"],
                "sort_order": sample["sort_order"],
                "workstream": workstream,
            },
        )
    return series


def moment(day, hour, minute):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=EVENT_TIME_ZONE)


def venue_in_directory(slugs, locale):
    return AssetPage.objects.live().filter(slug__in=slugs, locale=locale).first() if slugs else None


@transaction.atomic
def load_demo_events(home):
    """The events page with the sample series and events; returns the events page."""
    index = ensure_events_page(home)
    series = ensure_series(home.locale)
    today = timezone.localdate(timezone=EVENT_TIME_ZONE)
    for sample in SAMPLE_EVENTS:
        if index.get_children().filter(slug=sample["slug"]).exists():
            continue
        day = today + datetime.timedelta(days=sample["days"])
        (start_hour, start_minute), (end_hour, end_minute) = sample.get("times", ((0, 0), (23, 59)))
        event = EventPage(
            title=sample["title"],
            slug=sample["slug"],
            summary=sample["summary"],
            description=sample["description"],
            start=moment(day, start_hour, start_minute),
            end=moment(day, end_hour, end_minute),
            all_day=sample.get("all_day", False),
            attendance_mode=sample.get("attendance_mode", EventPage.AttendanceMode.IN_PERSON),
            online_url=sample.get("online_url", ""),
            place=Place.objects.filter(slug=sample["place"], locale=home.locale).first() if sample["place"] else None,
            venue=venue_in_directory(sample.get("venues"), home.locale),
            venue_name=sample.get("venue_name", ""),
            venue_address=sample.get("venue_address", ""),
            organiser=sample["organiser"],
            booking=sample.get("booking", EventPage.Booking.NO_NEED),
            capacity=sample.get("capacity"),
            booking_url=sample.get("booking_url", ""),
            accessibility_notes=sample.get("accessibility_notes", ""),
            series=series.get(sample.get("series")),
            **{fact: fact in sample.get("facts", ()) for fact in FACTS},
        )
        event.themes.set(Theme.objects.filter(slug__in=sample["themes"], locale=home.locale))
        index.add_child(instance=event)
        event.save_revision().publish()
    return index
