"""The events page, under the home page: safe to run again (what exists is left as it is)."""

from strategy.loader import add_child_once

from .models import EventsPage

INTRODUCTION = (
    "Events across the district: the strategy's series of ABCD events, where people who build "
    "on what's strong in their communities share what they learn, and community events at "
    "village halls, hubs and parks. Come along, or add them to your calendar."
)


def ensure_events_page(home):
    """The events listing at /events/, published; returns it."""
    existing = EventsPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    return add_child_once(home, EventsPage(title="Events", slug="events", introduction=INTRODUCTION))
