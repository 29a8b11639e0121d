import re
from datetime import date, timedelta

from django.utils import timezone

import pytest

from pledges.factories import WorkstreamFactory, make_pledge
from pledges.status import Status


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def counts_row(html, theme_slug):
    """{status: count} from the dashboard's counts table row for one theme."""
    row = re.search(rf'<tr data-theme="{theme_slug}">(.*?)</tr>', html, re.S).group(1)
    return {status: int(count) for status, count in re.findall(r'data-status="(\w+)">(\d+)</td>', row)}


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
    # The chart says the same in words: 2 of 4 on track is 50%.
    assert '<strong class="chart__value">2</strong> on track (50%)' in html
    assert "4 pledges, 50% achieved or on track." in text_of(html)


def test_dashboard_groups_pledges_under_their_theme(client, pledge_index, healthier, safer):
    make_pledge(pledge_index, healthier, title="Befriending in every village")
    make_pledge(pledge_index, safer, title="Community Watch support")
    html = client.get(pledge_index.url).content.decode()
    healthier_section = html.split('id="theme-healthier-communities"', 1)[1].split("</section>", 1)[0]
    assert "Befriending in every village" in healthier_section
    assert "Community Watch support" not in healthier_section


def test_dashboard_filters_by_theme_status_and_lead(client, pledge_index, healthier, safer, recent):
    make_pledge(pledge_index, healthier, [(recent, Status.ON_TRACK)], title="Alpha", lead="Community Services")
    make_pledge(pledge_index, healthier, [(recent, Status.DELAYED)], title="Bravo", lead="Community Action")
    make_pledge(pledge_index, safer, [(recent, Status.ON_TRACK)], title="Charlie", lead="Community Services")
    make_pledge(pledge_index, safer, title="Delta", lead="Community Action")

    def titles(**params):
        html = client.get(pledge_index.url, params).content.decode()
        return set(re.findall(r'<h3 class="card__title"><a href="[^"]+">(\w+)</a>', html))

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
    cards = re.findall(r'<li class="card pledge-card([^"]*)">\s*<h3 class="card__title"><a [^>]+>(\w+)<', html)
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
