"""The events' iCalendar files: plain URL views, because Wagtail's page routing serves no path with a dot."""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.caching.routing import active_locale_id, cached, public_pages

from .calendars import calendar_of
from .models import EVENT_TIME_ZONE, EventPage, EventsPage

# A subscription holds at most this many events: a calendar app asks for it every few hours.
CALENDAR_LENGTH = 500


def events_page():
    """The events listing in the visitor's language, or in English before it is translated."""
    listings = public_pages(EventsPage.objects.live())
    index = (
        listings.filter(locale_id=active_locale_id()).first()
        or listings.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    if index is None:
        raise Http404
    return index


def calendar_response(content, filename, disposition="inline"):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_calendar(request, slug):
    """One event, to add to a calendar ("Add to calendar" on its page)."""
    index = events_page()
    event = (
        public_pages(EventPage.objects.live())
        .child_of(index)
        .filter(slug=slug)
        .select_related("place", "venue", "series")
        .first()
    )
    if event is None:
        raise Http404
    # The same file until the next publication.
    content = cached(
        f"event-calendar:{event.pk}:{get_language()}",
        lambda: calendar_of([event], event.title, request.path),
    )
    return calendar_response(content, f"{event.slug}.ics", disposition="attachment")


def listing_calendar(request, past=False):
    """The listing's events with its filters: upcoming ones to subscribe to, or past ones."""
    index = events_page()
    filters = index.filters_for(request.GET, past)
    querystring = filters.querystring()
    today = timezone.localdate(timezone=EVENT_TIME_ZONE)

    def build():
        # Upcoming: everything that has not ended before today began, so today's events stay
        # in a subscribed calendar all day. Kept until the next publication or the next day.
        start_of_today = datetime.datetime.combine(today, datetime.time(0, 0), tzinfo=EVENT_TIME_ZONE)
        events = filters.apply(index.listed_events(past, now=start_of_today).for_listing())
        name = _("Past events: Connected Communities") if past else _("Events: Connected Communities")
        address = request.path + (f"?{querystring}" if querystring else "")
        return calendar_of(events[:CALENDAR_LENGTH], name, address)

    content = cached(f"events-calendar:{index.pk}:{get_language()}:{past}:{today}:{querystring}", build)
    return calendar_response(content, "past-events.ics" if past else "events.ics")
