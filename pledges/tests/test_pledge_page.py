import re
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from wagtail.documents import get_document_model

import pytest

from fund.factories import FundPageFactory, FundRoundPageFactory, PriorityFactory, ProjectPageFactory
from pledges.factories import SurveyFigureFactory, WorkstreamFactory, make_indicator, make_pledge, make_update
from pledges.models import Indicator
from pledges.status import Status

# Flat at both sizes: routing and furniture come from the shared cache (core/caching/routing.py).
# 8 since the page lists the fund's projects that serve the pledge (one query).
PLEDGE_PAGE_QUERY_BUDGET = 8


def funded_projects_round(home):
    fund = FundPageFactory(parent=home)
    fund.save_revision().publish()
    round_page = FundRoundPageFactory(parent=fund)
    round_page.priorities.set([PriorityFactory()])
    round_page.save_revision().publish()
    return round_page


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_indicator_baseline_comes_from_the_survey_figure(client, pledge_index, healthier):
    figure = SurveyFigureFactory(value=40, statement="agree that they can influence decisions in their local area")
    pledge = make_pledge(
        pledge_index,
        healthier,
        indicators=[
            make_indicator(
                name="Residents who can influence decisions",
                baseline_figure=figure,
                baseline_year=2021,
                target_value=50,
                target_year=2026,
                readings=[(date(2025, 3, 31), 44), (date(2024, 3, 31), 42)],
            )
        ],
    )
    html = client.get(pledge.url).content.decode()
    text = text_of(html)
    assert "Baseline from the residents' survey: 40% agree that they can influence decisions" in text
    # Two readings or more: a trend line from the baseline, its ends in words, the target beside it.
    assert '<polyline class="chart__line"' in html
    assert "From 40% (2021 baseline) to 44% (31 March 2025)" in text
    assert "Target: 50% by 2026." in text
    # Every figure in a table, in time order.
    table = text_of(html.split('<table class="govuk-table">', 1)[1].split("</table>", 1)[0])
    assert re.search(r"2021 baseline 40% .*31 March 2024 42% .*31 March 2025 44%", table)
    assert "style=" not in html


def test_an_indicator_with_one_reading_is_drawn_as_bars(client, pledge_index, healthier):
    pledge = make_pledge(
        pledge_index,
        healthier,
        indicators=[
            make_indicator(
                name="Residents who feel safe after dark",
                baseline_value=40,
                baseline_year=2021,
                target_value=50,
                target_year=2026,
                readings=[(date(2025, 3, 31), 44)],
            )
        ],
    )
    html = client.get(pledge.url).content.decode()
    text = text_of(html)
    assert "chart__line" not in html
    # Every number in the text, in time order; each bar only repeats it, against 100%.
    assert re.search(r"40% 2021 baseline .*44% 31 March 2025 .*50% Target for 2026", text)
    assert 'class="chart__bar chart__bar--baseline" width="40.0"' in html
    assert 'class="chart__bar chart__bar--reading" width="44.0"' in html
    assert 'class="chart__bar chart__bar--target" width="50.0"' in html


def test_survey_figure_change_moves_the_baseline_with_it(pledge_index, healthier):
    figure = SurveyFigureFactory(value=40)
    pledge = make_pledge(pledge_index, healthier, indicators=[make_indicator(baseline_figure=figure)])
    figure.value = 41
    figure.save()
    assert Indicator.objects.get(pledge=pledge).baseline == 41


def test_indicator_cannot_have_both_a_survey_baseline_and_a_typed_one(pledge_index, healthier):
    figure = SurveyFigureFactory(value=40)
    indicator = make_indicator(baseline_figure=figure, baseline_value=39, pledge=make_pledge(pledge_index, healthier))
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "baseline_value" in error.value.message_dict


def test_counted_indicator_bars_scale_to_the_largest_value(client, pledge_index, healthier):
    pledge = make_pledge(
        pledge_index,
        healthier,
        indicators=[make_indicator(name="Events held", unit=" events", baseline_value=2, target_value=8)],
    )
    html = client.get(pledge.url).content.decode()
    assert "2 events" in text_of(html) and "8 events" in text_of(html)
    assert 'width="25.0"' in html and 'width="100.0"' in html


def test_pledge_page_shows_what_it_serves_and_who_leads_it(client, pledge_index, healthier):
    workstream = WorkstreamFactory(theme=healthier, title="Support our most vulnerable neighbours")
    pledge = make_pledge(
        pledge_index,
        healthier,
        [(date(2025, 1, 1), Status.ON_TRACK)],
        commitment="Continue to support the Good Neighbour Network.",
        lead="Community Services",
        workstreams=[workstream],
        investment_priority="people",
        target_date=date(2026, 3, 31),
    )
    html = client.get(pledge.url).content.decode()
    text = text_of(html)
    assert "Continue to support the Good Neighbour Network." in text
    assert "Current status On track" in text
    assert '<dt class="govuk-summary-list__key">Led by</dt>' in html
    assert "Support our most vulnerable neighbours" in text
    assert "People: enabling a lifetime of contribution" in text
    assert "Led by Community Services" in text
    assert "Target date March 2026" in text


def test_update_evidence_links_to_documents_and_web_pages(client, pledge_index, healthier):
    document = get_document_model().objects.create(title="Annual report 2025", file="documents/report.pdf")
    update = make_update(date(2025, 1, 1), Status.ON_TRACK)
    update.evidence = [
        ("document", document),
        ("link", {"url": "https://example.org/minutes", "title": "Cabinet minutes"}),
    ]
    pledge = make_pledge(pledge_index, healthier)
    pledge.updates = [update]
    pledge.save()
    html = client.get(pledge.url).content.decode()
    update_html = html.split('id="updates-heading"', 1)[1].split("</section>", 1)[0]
    assert f'<a class="govuk-link" href="{document.url}">Annual report 2025</a>' in update_html
    assert '<a class="govuk-link" href="https://example.org/minutes">Cabinet minutes</a>' in update_html
    # The pledge's documents, listed once with their file type.
    documents = text_of(html.split('<section aria-labelledby="documents-heading">', 1)[1].split("</section>", 1)[0])
    assert documents == "Documents Annual report 2025 (PDF)"


@pytest.mark.parametrize("count", [2, 40])
def test_pledge_page_query_count_is_flat(
    client, home, pledge_index, healthier, count, django_assert_max_num_queries, warm_caches
):
    document = get_document_model().objects.create(title="Report", file="documents/report.pdf")
    updates = []
    for number in range(count):
        update = make_update(date(2020, 1, 1).replace(year=2000 + number % 25), Status.ON_TRACK, f"Update {number}")
        update.evidence = [("document", document), ("link", {"url": "https://example.org/", "title": "More"})]
        updates.append(update)
    indicators = [make_indicator(name=f"Measure {n}", readings=[(date(2024, 1, 1), n)] * 3) for n in range(count // 2)]
    pledge = make_pledge(pledge_index, healthier, indicators=indicators)
    pledge.updates = updates
    pledge.save()
    fund_round = funded_projects_round(home)
    for _number in range(count):
        project = ProjectPageFactory.build(priority=fund_round.priorities.first(), grant_amount=Decimal("100"))
        project.pledges = [pledge]
        fund_round.add_child(instance=project)
        project.save_revision().publish()
    warm_caches(pledge.url)
    # Serving comes from the shared cache (site, routing, view restrictions, settings,
    # breadcrumbs); the pledge adds updates, documents, indicators, readings and
    # workstreams, and the fund's projects that serve it, whatever their number.
    with django_assert_max_num_queries(PLEDGE_PAGE_QUERY_BUDGET):
        response = client.get(pledge.url)
    assert response.content.decode().count("Annual report") == 0
    # Each update's evidence, and the page's list of documents once.
    assert response.content.decode().count(">Report</a>") == count + 1
    assert response.content.decode().count("£100 from the People Make Places Fund") == count
