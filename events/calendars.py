"""Events as iCalendar (RFC 5545): one event to add to a calendar, or a listing to subscribe to.

Times are written in Europe/London with its VTIMEZONE, so a calendar shows 10:00 on the day
of the clocks changing as 10:00, whatever zone the reader's device is in. Each event's UID
stays the same for as long as the page exists, so a subscribed calendar updates the event
in place when it changes instead of adding a copy.
"""

import datetime
import uuid

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from icalendar import Calendar, Event, vDuration

from core.site_address import absolute_url, hostname_and_port, page_url

PRODUCT_ID = "-//Malvern Hills District Council//Connected Communities events//EN"
TIME_ZONE_ID = "Europe/London"
# How often a subscribed calendar should look again (RFC 7986 REFRESH-INTERVAL, and Outlook's own property).
REFRESH_INTERVAL = datetime.timedelta(hours=6)
STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def event_uid(event):
    hostname, _port = hostname_and_port()
    return f"event-{event.pk}@{hostname}"


def event_component(event):
    if event.all_day:
        # All-day events are dates; DTEND is the day after the last one (RFC 5545, 3.6.1).
        start = event.local_start.date()
        end = event.local_end.date() + datetime.timedelta(days=1)
    else:
        start, end = event.local_start, event.local_end
    stamp = event.last_published_at or timezone.now()
    component = Event.new(
        uid=event_uid(event),
        summary=event.title,
        start=start,
        end=end,
        stamp=stamp,
        last_modified=stamp,
        url=page_url(event),
        location=location_text(event) or None,
        description=description_text(event),
        status=STATUS.get(event.status, "CONFIRMED"),
    )
    categories = [theme.name for theme in event.themes.all()] + ([event.series.name] if event.series_id else [])
    if categories:
        component.categories = categories
    venue = event.venue_entry
    if venue is not None and venue.latitude is not None and venue.longitude is not None:
        component.add("geo", (float(venue.latitude), float(venue.longitude)))
    return component


def location_text(event):
    parts = []
    if event.in_person:
        parts += [event.location_name, *event.address_lines, event.place_line]
    if event.online:
        parts.append(event.online_url)
    return ", ".join(part for part in parts if part)


def description_text(event):
    paragraphs = [event.summary, event.description]
    paragraphs.append(_("Organised by %(organiser)s.") % {"organiser": event.organiser})
    if event.booking == event.Booking.LINK:
        paragraphs.append(_("Book at %(url)s") % {"url": event.booking_url})
    elif event.booking == event.Booking.CAPACITY:
        paragraphs.append(
            ngettext(
                "No need to book. Room for %(capacity)s person.",
                "No need to book. Room for %(capacity)s people.",
                event.capacity,
            )
            % {"capacity": event.capacity}
        )
    else:
        paragraphs.append(_("No need to book."))
    paragraphs.append(page_url(event))
    return "\n\n".join(paragraph.strip() for paragraph in paragraphs if paragraph and paragraph.strip())


def calendar_of(events, name, address):
    """A calendar holding `events`, named `name`, published at `address` (a path on this site)."""
    events = list(events)
    url = absolute_url(address)
    calendar = Calendar.new(
        prodid=PRODUCT_ID,
        name=name,
        url=url,
        # Stable, so a calendar app recognises the same subscription.
        uid=uuid.uuid5(uuid.NAMESPACE_URL, url),
        refresh_interval=REFRESH_INTERVAL,
        subcomponents=[event_component(event) for event in events],
    )
    # RFC 7986 wants the value type said; Outlook reads its own property instead.
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    if events:
        # The zone's rules for the years the events span (and the next), not the library's
        # default of 1970-2038, which would list every change of the clocks in those 68 years.
        years = [event.local_start.year for event in events] + [event.local_end.year for event in events]
        calendar.add_missing_timezones(
            first_date=datetime.date(min(years), 1, 1), last_date=datetime.date(max(years) + 2, 1, 1)
        )
    return calendar.to_ical()
