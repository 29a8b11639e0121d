import re
from datetime import UTC, date, datetime

import time_machine

from pledges.factories import add_update, make_indicator, make_pledge, publish_edition
from pledges.models import ReviewEditionPage
from pledges.review import change_kind, compare_snapshots
from pledges.status import Status


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def changes(html):
    """{kind: [pledge titles]} from the comparison table of an edition."""
    found = {}
    rows = re.findall(
        r'<tr class="govuk-table__row" data-change="(\w+)"><td class="govuk-table__cell">[^<]*</td>'
        r'<td class="govuk-table__cell">(?:<a [^>]+>)?([^<]+)<',
        html,
    )
    for kind, title in rows:
        found.setdefault(kind, []).append(title)
    return found


def test_published_edition_keeps_its_record_when_pledges_change_later(client, review_index, healthier):
    pledge = make_pledge(
        review_index.get_parent().specific,
        healthier,
        [(date(2024, 1, 1), Status.ON_TRACK, "Going well.")],
        title="Crowdfunding",
        indicators=[make_indicator(name="Can influence", baseline_value=40, readings=[(date(2024, 3, 1), 42)])],
        publish=True,
    )
    edition = publish_edition(review_index, 2024)
    assert edition.frozen_at is not None
    before = client.get(edition.url).content.decode()

    pledge = add_update(pledge, date(2025, 2, 1), Status.DELAYED, "Funding fell through.")
    draft = pledge.get_latest_revision_as_object()
    draft.title = "Crowdfunding renamed"
    draft.save_revision().publish()

    after = client.get(edition.url).content.decode()
    assert after == before
    assert "On track" in text_of(after)
    assert "Funding fell through." not in after
    assert "Crowdfunding renamed" not in after
    assert "Can influence: baseline 40% ; latest 42% (2024-03-01)" in text_of(after)


def test_republishing_an_edition_keeps_the_first_record(client, review_index, healthier):
    pledge = make_pledge(
        review_index.get_parent().specific, healthier, [(date(2024, 1, 1), Status.ON_TRACK)], publish=True
    )
    edition = publish_edition(review_index, 2024)
    frozen_at, snapshot = edition.frozen_at, edition.snapshot
    add_update(pledge, date(2025, 1, 1), Status.ACHIEVED)

    draft = edition.get_latest_revision_as_object()
    draft.narrative = "<p>Corrected narrative.</p>"
    draft.save_revision().publish()

    edition = ReviewEditionPage.objects.get(pk=edition.pk)
    assert edition.frozen_at == frozen_at
    assert edition.snapshot == snapshot
    html = client.get(edition.url).content.decode()
    assert "Corrected narrative." in html
    assert "Achieved" not in text_of(html.split('id="record-heading"', 1)[1])


def test_edition_lives_at_review_slash_year(client, review_index, healthier):
    edition = publish_edition(review_index, 2025)
    assert edition.url == "/pledges/review/2025/"
    assert client.get("/pledges/review/2025/").status_code == 200
    assert "Annual review 2025" in client.get("/pledges/review/").content.decode()


def test_comparison_with_the_previous_edition_sorts_each_pledge(client, review_index, healthier):
    index = review_index.get_parent().specific
    improving = make_pledge(index, healthier, [(date(2024, 1, 1), Status.AT_RISK)], title="Improving", publish=True)
    slipping = make_pledge(index, healthier, [(date(2024, 1, 1), Status.ON_TRACK)], title="Slipping", publish=True)
    finishing = make_pledge(index, healthier, [(date(2024, 1, 1), Status.ON_TRACK)], title="Finishing", publish=True)
    dropping = make_pledge(index, healthier, [(date(2024, 1, 1), Status.DELAYED)], title="Dropping", publish=True)
    make_pledge(index, healthier, [(date(2024, 1, 1), Status.ON_TRACK)], title="Steady", publish=True)
    publish_edition(review_index, 2024)

    add_update(improving, date(2025, 1, 1), Status.ON_TRACK)
    add_update(slipping, date(2025, 1, 1), Status.DELAYED)
    add_update(finishing, date(2025, 1, 1), Status.ACHIEVED)
    add_update(dropping, date(2025, 1, 1), Status.WITHDRAWN, withdrawal_reason="Merged into another pledge.")
    make_pledge(index, healthier, [(date(2025, 1, 1), Status.NOT_STARTED)], title="Brand", publish=True)
    edition = publish_edition(review_index, 2025)

    html = client.get(edition.url).content.decode()
    assert changes(html) == {
        "improved": ["Improving"],
        "slipped": ["Slipping"],
        "new": ["Brand"],
        "achieved": ["Finishing"],
        "withdrawn": ["Dropping"],
    }
    assert "What changed since the 2024 review" in html
    assert "Merged into another pledge." in html
    # Before and after as status tags, in a labelled region that scrolls on a phone.
    row = html.split('data-change="slipped"', 1)[1].split("</tr>", 1)[0]
    assert '<strong class="govuk-tag govuk-tag--teal">On track</strong>' in row
    assert '<strong class="govuk-tag govuk-tag--red">Delayed</strong>' in row
    assert re.search(
        r'<div class="table-scroll" role="region" aria-labelledby="review-changes-caption" tabindex="0">\s*'
        r'<table class="govuk-table [^"]*pledge-review__changes" id="review-changes">',
        html,
    )
    assert 'id="review-changes-caption"' in html


def test_first_edition_has_no_comparison(client, review_index, healthier):
    make_pledge(review_index.get_parent().specific, healthier, [(date(2024, 1, 1), Status.ON_TRACK)], publish=True)
    html = client.get(publish_edition(review_index, 2024).url).content.decode()
    assert "What changed since" not in html


def test_change_kinds():
    assert change_kind(None, Status.ACHIEVED) == "new"
    assert change_kind(Status.NOT_STARTED, Status.ON_TRACK) == "improved"
    assert change_kind(Status.AT_RISK, Status.DELAYED) == "slipped"
    assert change_kind(Status.WITHDRAWN, Status.WITHDRAWN) == "unchanged"
    assert change_kind(Status.ACHIEVED, Status.ACHIEVED) == "unchanged"


def test_pledges_dropped_since_the_previous_edition_are_listed():
    previous = {"pledges": [{"id": 1, "title": "Gone", "url": "/x/", "status": "on_track"}]}
    result = {group["kind"]: group["items"] for group in compare_snapshots(previous, {"pledges": []})}
    assert [item["title"] for item in result["removed"]] == ["Gone"]


def test_an_edition_published_after_its_year_records_that_year_not_the_day_it_was_published(
    client, review_index, healthier
):
    index = review_index.get_parent().specific
    make_pledge(
        index,
        healthier,
        [
            (date(2025, 3, 1), Status.ON_TRACK, "Warm spaces opened in Malvern and Upton."),
            (date(2026, 6, 1), Status.DELAYED, "The Tenbury warm space lost its venue."),
        ],
        title="Warm spaces",
        indicators=[make_indicator(name="Visits", unit="", readings=[(date(2025, 9, 1), 120), (date(2026, 9, 1), 80)])],
        publish=True,
    )
    with time_machine.travel(datetime(2026, 11, 30, 12, tzinfo=UTC), tick=False):
        edition = publish_edition(review_index, 2025)
        html = client.get(edition.url).content.decode()

    text = text_of(html)
    assert "as it stood on 30 November 2025" in text
    assert "30 November 2026" not in text
    assert "On track" in text and "Delayed" not in text
    assert "Warm spaces opened in Malvern and Upton." in text
    assert "lost its venue" not in text
    assert "latest 120 (2025-09-01)" in text


def test_a_draft_edition_for_the_current_year_shows_today(client, review_index, healthier, admin_client):
    index = review_index.get_parent().specific
    make_pledge(index, healthier, [(date(2026, 6, 1), Status.ON_TRACK, "Started.")], title="Warm spaces", publish=True)
    edition = ReviewEditionPage(title="Annual review 2026", slug="2026", year=2026, narrative="<p>Draft.</p>")
    review_index.add_child(instance=edition)
    edition.save_revision()
    with time_machine.travel(datetime(2026, 7, 15, 12, tzinfo=UTC), tick=False):
        response = admin_client.get(f"/admin/pages/{edition.pk}/view_draft/")
    text = text_of(response.content.decode())
    assert "as it stood on 15 July 2026" in text
    assert "Started." in text
