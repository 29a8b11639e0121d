"""The outcomes download: every published consultation outcome as CSV or JSON, from the listing."""

import csv
import io
import json
from datetime import timedelta

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from consultations.factories import CommentFactory, ConsultationPageFactory
from consultations.outcome_data import OUTCOME_COLUMNS

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now() + timedelta(days=n)


@pytest.fixture
def outcomes(index_page):
    decided = ConsultationPageFactory(
        parent=index_page,
        title="Town centre plan",
        opens_at=days(-90),
        closes_at=days(-60),
        outcome_published_at=days(-2),
        what_we_heard="<p>You want <b>more</b> trees.</p>",
        decisions="<p>Forty trees.</p>",
        you_said_we_did=[{"type": "item", "value": {"you_said": "Trees", "we_did": "Planted 40", "pledge": None}}],
    )
    CommentFactory(consultation=decided, display_name="Pat Resident", email="pat@example.org", outcome="adopted")
    CommentFactory(consultation=decided, moderation_state="pending", confirmed_at=None)
    ConsultationPageFactory(
        parent=index_page,
        title="Library hours",
        opens_at=days(-50),
        closes_at=days(-10),
        outcome_published_at=days(5),
        what_we_heard="<p>Embargoed finding.</p>",
    )
    ConsultationPageFactory(parent=index_page, title="Parks review")  # open
    private = ConsultationPageFactory(
        parent=index_page, title="Private plan", opens_at=days(-90), closes_at=days(-60), outcome_published_at=days(-1)
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = ConsultationPageFactory(
        parent=index_page, title="Draft plan", opens_at=days(-90), closes_at=days(-60), outcome_published_at=days(-1)
    )
    draft.unpublish()
    return decided


def test_csv_lists_published_outcomes_only_with_the_documented_columns(client, outcomes):
    response = client.get("/consultations/outcomes.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="consultation-outcomes.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == [name for name, _description in OUTCOME_COLUMNS]
    assert [row["title"] for row in rows] == ["Town centre plan"]
    row = rows[0]
    assert row["what_we_heard"] == "You want more trees."
    assert row["decisions"] == "Forty trees."
    assert row["you_said_we_did"] == "You said: Trees / We did: Planted 40"
    assert (row["responses"], row["published_comments"], row["comments_that_led_to_change"]) == ("1", "1", "1")
    assert row["url"].endswith(outcomes.url)


def test_json_explains_its_columns_and_keeps_the_outcome_text(client, outcomes):
    response = client.get("/consultations/outcomes.json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'inline; filename="consultation-outcomes.json"'
    data = json.loads(response.content)
    assert set(data["columns"]) == {name for name, _description in OUTCOME_COLUMNS}
    [outcome] = data["outcomes"]
    assert outcome["what_we_heard"] == "<p>You want <b>more</b> trees.</p>"
    assert outcome["you_said_we_did"] == [{"you_said": "Trees", "we_did": "Planted 40", "pledge": None}]


@pytest.mark.parametrize("path", ["/consultations/outcomes.csv", "/consultations/outcomes.json"])
def test_downloads_hold_no_unpublished_outcome_or_personal_data(client, outcomes, path):
    content = client.get(path).content.decode()
    for hidden in ("Embargoed", "Library hours", "Parks review", "Private plan", "Draft plan", "Pat Resident", "@"):
        assert hidden not in content, hidden


def test_listing_links_to_the_downloads_and_explains_the_columns(client, outcomes, index_page):
    html = client.get(index_page.url).content.decode()
    assert 'href="/consultations/outcomes.csv"' in html and 'href="/consultations/outcomes.json"' in html
    assert '<code class="export-columns__name">what_we_heard</code>' in html
