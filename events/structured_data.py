"""schema.org Event data for each event page, as search engines and event aggregators read it."""

import json

from django.utils.safestring import mark_safe

from core.site_address import page_url

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
}
ATTENDANCE_MODE = {
    "in_person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
# What could close the <script> element or start markup, escaped as Django's json_script does.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def event_data(event, request=None):
    url = page_url(event, request)
    if event.all_day:
        start, end = event.local_start.date().isoformat(), event.local_end.date().isoformat()
    else:
        # With the UTC offset of the day (+00:00 in winter, +01:00 in summer).
        start, end = event.local_start.isoformat(), event.local_end.isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "inLanguage": event.locale.language_code,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + EVENT_STATUS.get(event.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE.get(event.attendance_mode, "OfflineEventAttendanceMode"),
        "location": locations(event),
        "organizer": {"@type": "Organization", "name": event.organiser},
        "isAccessibleForFree": event.is_free,
        "offers": {
            "@type": "Offer",
            "price": f"{event.cost:.2f}",
            "priceCurrency": "GBP",
            "url": event.booking_url or url,
            "availability": SCHEMA + "InStock",
        },
    }
    if event.organiser_url:
        data["organizer"]["url"] = event.organiser_url
    if event.series_id:
        data["superEvent"] = {"@type": "EventSeries", "name": event.series.name}
    if event.booking == event.Booking.CAPACITY and event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    return data


def locations(event):
    found = []
    if event.in_person:
        address = {"@type": "PostalAddress", "addressRegion": "Worcestershire", "addressCountry": "GB"}
        lines = event.address_lines
        postcode = event.venue_entry.postcode if event.venue_entry is not None else event.venue_postcode
        street = [line for line in lines if line != postcode]
        if street:
            address["streetAddress"] = ", ".join(street)
        if postcode:
            address["postalCode"] = postcode
        if event.place_id:
            address["addressLocality"] = event.place.name
        found.append({"@type": "Place", "name": event.location_name or "", "address": address})
    if event.online:
        found.append({"@type": "VirtualLocation", "url": event.online_url})
    return found[0] if len(found) == 1 else found


def as_script_content(data):
    """JSON safe inside <script type="application/ld+json">: nothing in it can end the element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))
