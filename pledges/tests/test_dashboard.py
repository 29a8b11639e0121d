import re
from datetime import date, timedelta

from django.utils import timezone

import pytest

from pledges.factories import WorkstreamFactory, make_pledge
from pledges.status import Status


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def counts_row(html, theme_slug):
    """{status: count} from the dashboard's counts table: one theme's column."""
    table = html.split('id="status-counts"', 1)[1].split("</table>", 1)[0]
    cells = re.findall(rf'data-theme="{theme_slug}" data-status="(\w+)">(\d+)</td>', table)
    return {status: int(count) for status, count in cells}


def theme_section(html, theme_slug):
    """One theme's section of the dashboard's accordion."""
    section = html.split(f'id="theme-{theme_slug}"', 1)[1]
    return re.split(r'<div class="govuk-accordion__section[ "]', section, maxsplit=1)[0]


def pledge_titles(html):
    return re.findall(
        r'<h3 class="govuk-heading-s pledge-list__title"><a class="govuk-link" href="[^"]+">(\w+)</a>', html
    )


@pytest.fixture
def recent():
    return timezone.localdate() - timedelta(days=30)


def test_dashboard_counts_by_status_per_theme_match_the_pledges(client, pledge_index, healthier, safer, recent):
    for status in [Status.ON_TRACK, Status.ON_TRACK, Status.AT_RISK]:
        make_pledge(pledge_index, healthier, [(recent, status)])
    make_pledge(pledge_index, healthier)  # no update: not started
    make_pledge(pledge_index, safer, [(recent - timedelta(days=9), Status.ON_TRACK), (recent, Status.ACHIEVED)])

    html = client.get(pledge_index.url).content.decode()

    healthier_counts = counts_row(html, "healthier-communities")
    assert healthier_counts["on_track"] == 2
    assert healthier_counts["at_risk"] == 1
    assert healthier_counts["not_started"] == 1
    assert healthier_counts["achieved"] == 0
    assert healthier_counts["total"] == 4
    safer_counts = counts_row(html, "safer")
    assert safer_counts["achieved"] == 1
    assert safer_counts["on_track"] == 0
    assert counts_row(html, "all") == {
        "not_started": 1,
        "on_track": 2,
        "at_risk": 1,
        "delayed": 0,
        "achieved": 1,
        "withdrawn": 0,
        "total": 5,
    }
    # The chart says the same in words: 2 of 5 on track is 40%; each theme's section says its share.
    assert '<strong class="chart__value">2</strong> on track (40%)' in html
    assert "5 pledges, 60% achieved or on track" in text_of(html)
    assert "4 pledges, 50% achieved or on track" in text_of(theme_section(html, "healthier-communities"))


def test_dashboard_groups_pledges_under_their_theme(client, pledge_index, healthier, safer):
    make_pledge(pledge_index, healthier, title="Befriending in every village")
    make_pledge(pledge_index, safer, title="Community Watch support")
    html = client.get(pledge_index.url).content.decode()
    healthier_section = theme_section(html, "healthier-communities")
    assert "Befriending in every village" in healthier_section
    assert "Community Watch support" not in healthier_section


def test_dashboard_filters_by_theme_status_and_lead(client, pledge_index, healthier, safer, recent):
    make_pledge(pledge_index, healthier, [(recent, Status.ON_TRACK)], title="Alpha", lead="Community Services")
    make_pledge(pledge_index, healthier, [(recent, Status.DELAYED)], title="Bravo", lead="Community Action")
    make_pledge(pledge_index, safer, [(recent, Status.ON_TRACK)], title="Charlie", lead="Community Services")
    make_pledge(pledge_index, safer, title="Delta", lead="Community Action")

    def titles(**params):
        html = client.get(pledge_index.url, params).content.decode()
        return set(pledge_titles(html))

    assert titles() == {"Alpha", "Bravo", "Charlie", "Delta"}
    assert titles(theme="safer") == {"Charlie", "Delta"}
    assert titles(status="on_track") == {"Alpha", "Charlie"}
    assert titles(status="not_started") == {"Delta"}
    assert titles(lead="Community Action") == {"Bravo", "Delta"}
    assert titles(theme="healthier-communities", status="on_track", lead="Community Services") == {"Alpha"}
    assert titles(status="nonsense") == {"Alpha", "Bravo", "Charlie", "Delta"}


def test_filter_form_keeps_the_chosen_values_and_offers_every_lead(client, pledge_index, healthier):
    make_pledge(pledge_index, healthier, lead="Community Services")
    make_pledge(pledge_index, healthier, lead="Community Action")
    html = client.get(pledge_index.url, {"status": "at_risk", "lead": "Community Action"}).content.decode()
    assert '<option value="at_risk" selected>' in html
    assert '<option value="Community Action" selected>' in html
    assert '<option value="Community Services">' in html
    assert "No pledges match these filters." in html


def test_pledges_without_an_update_for_a_year_are_marked_stale(client, pledge_index, healthier):
    today = timezone.localdate()
    make_pledge(pledge_index, healthier, [(today - timedelta(days=400), Status.ON_TRACK)], title="Quiet")
    make_pledge(pledge_index, healthier, [(today - timedelta(days=10), Status.ON_TRACK)], title="Fresh")
    make_pledge(pledge_index, healthier, [(today - timedelta(days=900), Status.ACHIEVED)], title="Done")
    html = client.get(pledge_index.url).content.decode()
    cards = re.findall(
        r'<li class="pledge-list__item([^"]*)">\s*<h3 class="govuk-heading-s pledge-list__title"><a [^>]+>(\w+)<', html
    )
    assert len(cards) == 3
    stale = {title for classes, title in cards if "stale" in classes}
    assert stale == {"Quiet"}
    assert "1 not updated for 12 months" in text_of(html)
    assert (today - timedelta(days=400)).strftime("%Y-%m-%d") in html  # the last updated date is shown


def test_each_workstream_shows_the_share_of_its_pledges_by_status(client, pledge_index, healthier, recent):
    workstream = WorkstreamFactory(theme=healthier, title="Reduce loneliness")
    make_pledge(pledge_index, healthier, [(recent, Status.ON_TRACK)], workstreams=[workstream])
    make_pledge(pledge_index, healthier, [(recent, Status.DELAYED)], workstreams=[workstream])
    make_pledge(pledge_index, healthier, [(recent, Status.DELAYED)], workstreams=[workstream])
    make_pledge(pledge_index, healthier, [(recent, Status.ACHIEVED)])
    html = client.get(pledge_index.url).content.decode()
    table = html.split('id="workstream-progress"', 1)[1].split("</table>", 1)[0]
    row = text_of(table.split("Reduce loneliness", 1)[1].split("</tr>", 1)[0])
    assert row.startswith("3 ")
    assert "1 (33%)" in row and "2 (67%)" in row
    assert row.endswith("33%")


@pytest.mark.parametrize("count", [10, 200])
def test_dashboard_query_count_is_flat(
    client, pledge_index, healthier, safer, count, django_assert_max_num_queries, warm_caches
):
    workstream = WorkstreamFactory(theme=healthier)
    for number in range(count):
        make_pledge(
            pledge_index,
            healthier if number % 2 else safer,
            [(date(2024, 1, 1), Status.ON_TRACK), (date(2025, 1, 1), Status.AT_RISK)],
            workstreams=[workstream],
            lead=f"Lead {number % 7}",
        )
    warm_caches(pledge_index.url)
    with django_assert_max_num_queries(3):
        response = client.get(pledge_index.url)
    assert response.status_code == 200
    assert f"{count} pledges" in response.content.decode()


def test_private_pledges_are_left_off_the_dashboard(client, pledge_index, healthier):
    from wagtail.models import PageViewRestriction

    make_pledge(pledge_index, healthier, title="Public")
    private = make_pledge(pledge_index, healthier, title="Secret")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(pledge_index.url).content.decode()
    assert "Public" in html
    assert "Secret" not in html


def test_workstreams_no_pledge_serves_are_listed_and_say_so(client, pledge_index, healthier, safer, recent):
    served = WorkstreamFactory(theme=healthier, title="Reduce loneliness", sort_order=0)
    WorkstreamFactory(theme=healthier, title="Tackle health inequalities", sort_order=1)
    WorkstreamFactory(theme=safer, title="Grow our digital community", sort_order=0)
    make_pledge(pledge_index, healthier, [(recent, Status.ON_TRACK)], workstreams=[served])

    html = client.get(pledge_index.url).content.decode()
    table = text_of(html.split('id="workstream-progress"', 1)[1].split("</table>", 1)[0])
    assert "Reduce loneliness 1 0 (0%)" in table
    assert "Tackle health inequalities 0 No pledge serves this workstream yet." in table
    assert "Grow our digital community 0 No pledge serves this workstream yet." in table

    filtered = client.get(pledge_index.url, {"theme": "safer"}).content.decode()
    table = text_of(filtered.split('id="workstream-progress"', 1)[1].split("</table>", 1)[0])
    assert "Grow our digital community 0 No pledge for this workstream matches these filters." in table
    assert "Reduce loneliness" not in table


def test_dashboard_sections_are_an_accordion_with_a_heading_and_count_per_theme(
    client, pledge_index, healthier, safer, recent
):
    WorkstreamFactory(theme=healthier, title="Reduce loneliness")
    make_pledge(pledge_index, healthier, [(recent, Status.ON_TRACK)], title="Alpha")
    make_pledge(pledge_index, healthier, [(recent, Status.DELAYED)], title="Bravo")
    make_pledge(pledge_index, safer, [(recent, Status.ACHIEVED)], title="Charlie")
    html = client.get(pledge_index.url).content.decode()

    accordion = re.search(r'<div class="govuk-accordion pledge-sections" data-module="govuk-accordion"[^>]*>', html)
    assert accordion, "the sections are a GOV.UK accordion"
    # Its buttons speak the visitor's language (GOV.UK Frontend's i18n attributes).
    assert 'data-i18n.show-all-sections="Show all sections"' in accordion.group(0)
    headings = re.findall(
        r'<h2 class="govuk-accordion__section-heading">\s*<span class="govuk-accordion__section-button" '
        r'id="pledge-sections-heading-(\d)">([^<]+)</span>',
        html,
    )
    assert headings == [
        ("1", "Healthier communities"),
        ("2", "Safer and inclusive communities"),
        ("3", "Progress by workstream"),
    ]
    summaries = [
        text_of(summary)
        for summary in re.findall(r'class="govuk-accordion__section-summary govuk-body"[^>]*>(.*?)</div>', html, re.S)
    ]
    assert summaries[:2] == ["2 pledges, 50% achieved or on track", "1 pledge, 100% achieved or on track"]
    for number in ("1", "2", "3"):
        assert f'id="pledge-sections-content-{number}" class="govuk-accordion__section-content"' in html
    # Closed until opened, and not remembered: the dashboard always opens short.
    assert "govuk-accordion__section--expanded" not in html
    assert 'data-remember-expanded="false"' in html
    # Each theme's counts by status, as tags with their words.
    healthier_counts = text_of(theme_section(html, "healthier-communities").split('class="govuk-list pledge-list"')[0])
    assert "On track 1" in healthier_counts and "Delayed 1" in healthier_counts
    assert "Achieved" not in healthier_counts
    # Each section leads to the theme's own, shorter view of the dashboard.
    assert f'href="{pledge_index.url}?theme=safer"' in theme_section(html, "safer")


def test_a_filtered_dashboard_opens_its_sections(client, pledge_index, healthier, safer, recent):
    WorkstreamFactory(theme=safer, title="Grow our digital community")
    make_pledge(pledge_index, healthier, [(recent, Status.ON_TRACK)], title="Alpha")
    make_pledge(pledge_index, safer, [(recent, Status.ON_TRACK)], title="Bravo")
    html = client.get(pledge_index.url, {"theme": "safer"}).content.decode()
    # The theme's section and the workstreams'.
    assert html.count('<div class="govuk-accordion__section govuk-accordion__section--expanded"') == 2
    assert pledge_titles(html) == ["Bravo"]


def test_statuses_are_gov_uk_tags_that_say_the_status_in_words(client, pledge_index, healthier, recent):
    expected = {
        Status.ACHIEVED: "govuk-tag--green",
        Status.ON_TRACK: "govuk-tag--teal",
        Status.AT_RISK: "govuk-tag--orange",
        Status.DELAYED: "govuk-tag--red",
        Status.WITHDRAWN: "govuk-tag--purple",
    }
    for status in expected:
        make_pledge(pledge_index, healthier, [(recent, status)], title=f"Pledge {status}")
    make_pledge(pledge_index, healthier, title="Pledge not_started")
    expected[Status.NOT_STARTED] = "govuk-tag--grey"
    # Six pledges: more than the dashboard lists per theme, so the theme's own view lists them.
    html = client.get(pledge_index.url, {"theme": "healthier-communities"}).content.decode()
    for status, modifier in expected.items():
        label = str(status.label)
        # In the list, each pledge's tag says "Status: <words>" to a screen reader...
        item = html.split(f">Pledge {status.value}</a>", 1)[1].split("</li>", 1)[0]
        assert (
            f'<strong class="govuk-tag {modifier}"><span class="govuk-visually-hidden">Status: </span>{label}</strong>'
            in item
        )
        # ...and in the summary table, whose column already says "Status", the words alone.
        assert (
            f'<th scope="row" class="govuk-table__header"><strong class="govuk-tag {modifier}">{label}</strong>' in html
        )


def test_the_summary_stays_the_same_size_whatever_the_number_of_pledges(client, pledge_index, healthier, safer, recent):
    def summary(html):
        return html.split('id="summary-heading"', 1)[1].split('class="pledge-filters"', 1)[0]

    make_pledge(pledge_index, healthier, [(recent, Status.ON_TRACK)])
    make_pledge(pledge_index, safer, [(recent, Status.DELAYED)])
    few = summary(client.get(pledge_index.url).content.decode())
    for number in range(12):
        make_pledge(pledge_index, healthier if number % 2 else safer, [(recent, Status.ON_TRACK)])
    many = summary(client.get(pledge_index.url).content.decode())

    def rows(summary):
        return summary.split('id="status-counts"', 1)[1].split("</table>", 1)[0].count("<tr")

    assert rows(few) == rows(many) == 8  # the heading, six statuses and the total
    assert few.count('class="chart__row"') == many.count('class="chart__row"') == 2
