import datetime
import json
import re

from icalendar import Calendar

from events.models import EVENT_TIME_ZONE


def uk(*args):
    """A UK-time moment: uk(2027, 3, 28, 10) is 10:00 on the day the clocks go forward."""
    return datetime.datetime(*args, tzinfo=EVENT_TIME_ZONE)


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def listed_titles(response):
    return re.findall(
        r'class="[^"]*event-card__title"><a class="govuk-link" href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def json_ld_of(response):
    """Every JSON-LD block on the page, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return [json.loads(block) for block in blocks]


def event_ld(response):
    found = [data for data in json_ld_of(response) if data.get("@type") == "Event"]
    assert len(found) == 1, found
    return found[0]


def calendar_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)
