"""schema.org Event JSON-LD on each event page, parsed back as a search engine reads it."""

import datetime

import pytest

from core.site_address import site_url
from events.factories import EventPageFactory

from .helpers import event_ld, uk

pytestmark = pytest.mark.django_db


def test_the_event_page_carries_schema_org_event_data(client, events_page, places, abcd_series):
    page = EventPageFactory(
        parent=events_page,
        title="Asset mapping morning",
        summary="Mapping what is strong.",
        start=uk(2027, 7, 3, 10),
        end=uk(2027, 7, 3, 12, 30),
        place=places["malvern"],
        venue_name="Malvern Cube",
        venue_address="Albert Road North",
        venue_postcode="WR14 2YF",
        organiser="Community Action Malvern",
        organiser_url="https://action.example.org/",
        series=abcd_series,
        booking="capacity",
        capacity=40,
    )
    data = event_ld(client.get(page.url))
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Asset mapping morning"
    assert data["description"] == "Mapping what is strong."
    assert data["url"] == f"{site_url()}{page.url}"
    # With the offset of the day: BST in July.
    assert data["startDate"] == "2027-07-03T10:00:00+01:00"
    assert data["endDate"] == "2027-07-03T12:30:00+01:00"
    assert datetime.datetime.fromisoformat(data["startDate"]) == uk(2027, 7, 3, 10)
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Malvern Cube",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Albert Road North",
            "addressLocality": "Malvern",
            "postalCode": "WR14 2YF",
            "addressRegion": "Worcestershire",
            "addressCountry": "GB",
        },
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Community Action Malvern",
        "url": "https://action.example.org/",
    }
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == "0.00" and data["offers"]["priceCurrency"] == "GBP"
    assert data["superEvent"] == {"@type": "EventSeries", "name": "ABCD learning events"}
    assert data["maximumAttendeeCapacity"] == 40


def test_winter_dates_carry_gmt_and_all_day_events_carry_dates(client, events_page):
    winter = EventPageFactory(parent=events_page, start=uk(2027, 1, 9, 14), end=uk(2027, 1, 9, 16))
    assert event_ld(client.get(winter.url))["startDate"] == "2027-01-09T14:00:00+00:00"
    all_day = EventPageFactory(parent=events_page, all_day=True, start=uk(2027, 6, 5, 0), end=uk(2027, 6, 6, 23, 59))
    data = event_ld(client.get(all_day.url))
    assert (data["startDate"], data["endDate"]) == ("2027-06-05", "2027-06-06")


def test_online_cancelled_and_paid_events(client, events_page):
    page = EventPageFactory(
        parent=events_page,
        status="cancelled",
        attendance_mode="mixed",
        online_url="https://meet.example.org/abcd",
        booking="link",
        booking_url="https://book.example.org/abcd",
        cost="5.50",
    )
    data = event_ld(client.get(page.url))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][1]["url"] == "https://meet.example.org/abcd"
    assert data["isAccessibleForFree"] is False
    assert data["offers"] == {
        "@type": "Offer",
        "price": "5.50",
        "priceCurrency": "GBP",
        "url": "https://book.example.org/abcd",
        "availability": "https://schema.org/InStock",
    }


def test_text_that_would_end_the_script_element_is_escaped(client, events_page):
    page = EventPageFactory(parent=events_page, title="</script><script>alert(1)</script>", organiser="Tom & Jerry <3")
    response = client.get(page.url)
    content = response.content.decode()
    head = content.split("</head>")[0]
    assert "<script>alert(1)" not in head
    assert "\\u003C/script\\u003E" in head
    data = event_ld(response)
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["organizer"]["name"] == "Tom & Jerry <3"


def test_the_listing_carries_no_event_data(client, events_page):
    EventPageFactory(parent=events_page)
    assert 'type="application/ld+json"' not in client.get("/events/").content.decode()
