"""A resident finds an upcoming event with the listing's filters and adds it to their calendar, in real Chromium."""

import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from .actions import click_and_wait

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EVENT_TITLE = "Example event: ABCD learning event, appreciative inquiry in practice"


@pytest.fixture
def events_site(live_server):
    """The real site with the sample events: the ABCD series, upcoming and past, across the district."""
    from home.loader import load_site
    from sample_content.events import load_demo_events

    load_demo_events(load_site())
    return live_server


def listed_titles(browser):
    return [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".event-card__title a")]


def test_a_resident_finds_an_upcoming_event_and_adds_it_to_their_calendar(browser, events_site):
    from icalendar import Calendar

    from events.models import EventPage

    browser.get(events_site.url + "/events/")
    assert EVENT_TITLE in listed_titles(browser)
    assert len(listed_titles(browser)) > 1

    # Filter by place, without JavaScript's help: the form is a plain GET form.
    Select(browser.find_element(By.ID, "id_place")).select_by_visible_text("Tenbury Wells")
    Select(browser.find_element(By.ID, "id_series")).select_by_visible_text("ABCD learning events")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Show events']"))
    assert "place=tenbury-wells" in browser.current_url
    assert listed_titles(browser) == [EVENT_TITLE]

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, EVENT_TITLE))
    assert browser.find_element(By.TAG_NAME, "h1").text == EVENT_TITLE
    when = browser.find_element(By.XPATH, "//dt[normalize-space()='When']/following-sibling::dd").text
    assert "14:00 to 16:30" in when and ("GMT" in when or "BST" in when)

    # "Add to calendar" hands over an iCalendar file with this event in it.
    link = browser.find_element(By.LINK_TEXT, "Add to calendar")
    with urllib.request.urlopen(link.get_attribute("href"), timeout=10) as response:
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        calendar = Calendar.from_ical(response.read())
    [event] = calendar.events
    page = EventPage.objects.get(title=EVENT_TITLE)
    assert str(event["SUMMARY"]) == EVENT_TITLE
    assert event.start == page.start
    assert event.start.tzinfo.key == "Europe/London"
    assert str(event["UID"]).startswith(f"event-{page.pk}@")
    assert "Tenbury Wells" in str(event["LOCATION"])
