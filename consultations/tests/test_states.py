"""A consultation's stage follows from its dates and content, in Python and in SQL alike."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationPage, State

LONDON = ZoneInfo("Europe/London")
OPENS = datetime(2026, 3, 1, 9, 0, tzinfo=LONDON)
CLOSES = datetime(2026, 3, 29, 17, 0, tzinfo=LONDON)  # BST starts at 01:00 that day
OUTCOME = datetime(2026, 6, 1, 10, 0, tzinfo=LONDON)


@pytest.fixture
def dated(index_page):
    return ConsultationPageFactory(parent=index_page, opens_at=OPENS, closes_at=CLOSES, outcome_published_at=OUTCOME)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 3, 1, 8, 59, tzinfo=LONDON), State.UPCOMING),
        (datetime(2026, 3, 1, 9, 0, tzinfo=LONDON), State.OPEN),
        (datetime(2026, 3, 29, 16, 59, tzinfo=LONDON), State.OPEN),
        (datetime(2026, 3, 29, 17, 0, tzinfo=LONDON), State.CLOSED),
        (datetime(2026, 5, 31, 12, 0, tzinfo=LONDON), State.CLOSED),
        (datetime(2026, 6, 1, 10, 0, tzinfo=LONDON), State.OUTCOME),
    ],
)
def test_state_follows_the_dates_in_uk_time(dated, moment, expected):
    with time_machine.travel(moment, tick=False):
        page = ConsultationPage.objects.get(pk=dated.pk)
        assert page.state == expected
        annotated = ConsultationPage.objects.with_state().get(pk=dated.pk)
        assert annotated.state_value == expected
        assert list(ConsultationPage.objects.in_state(expected)) == [page]


def test_closed_consultation_without_outcome_stays_under_consideration(index_page):
    page = ConsultationPageFactory(parent=index_page, opens_at=OPENS, closes_at=CLOSES)
    with time_machine.travel(datetime(2030, 1, 1, tzinfo=LONDON), tick=False):
        assert page.state == State.CLOSED
        assert ConsultationPage.objects.with_state().get(pk=page.pk).state_value == State.CLOSED


def test_page_shows_its_stage_and_opening_message_before_it_opens(client, dated):
    with time_machine.travel(datetime(2026, 2, 1, tzinfo=LONDON), tick=False):
        response = client.get(dated.url)
    content = response.content.decode()
    assert "Upcoming" in content
    assert "This consultation opens on 1 March 2026, 09:00" in content
    assert 'name="text"' not in content


def test_closing_time_is_shown_in_british_summer_time(client, dated):
    with time_machine.travel(datetime(2026, 3, 10, tzinfo=LONDON), tick=False):
        response = client.get(dated.url)
    assert "29 March 2026, 17:00" in response.content.decode()
    assert 'name="text"' in response.content.decode()


def test_closed_page_has_no_form_and_says_so(client, dated):
    with time_machine.travel(datetime(2026, 4, 1, tzinfo=LONDON), tick=False):
        response = client.get(dated.url)
    content = response.content.decode()
    assert 'name="text"' not in content
    assert "This consultation closed on 29 March 2026, 17:00. It no longer accepts comments." in content
