"""Site search finds events, calls them events and gives their date."""

import pytest

from events.factories import EventPageFactory

from .helpers import text_of, uk

pytestmark = pytest.mark.django_db


def test_search_finds_an_event_by_its_summary_and_shows_when_it_is(client, events_page):
    EventPageFactory(
        parent=events_page,
        title="Asset mapping morning",
        summary="Appreciative inquiry for village halls.",
        start=uk(2027, 5, 1, 10),
        end=uk(2027, 5, 1, 12),
    )
    text = text_of(client.get("/search/?q=appreciative"))
    assert "Asset mapping morning" in text
    assert "Event" in text
    assert "1 May 2027" in text
