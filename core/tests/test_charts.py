"""Server-drawn charts: the numbers are in the text and the table, the drawing only repeats them."""

import re

from django.template import Context, Template

from core import charts


def render(source, **context):
    return Template("{% load chart_tags %}" + source).render(Context(context))


def test_bars_are_scaled_to_the_largest_value_or_a_given_maximum():
    rows = [("Agree", 63, "63%"), ("Disagree", 21, "21%")]
    assert [bar.width for bar in charts.bars(rows)] == [100, 33.3]
    assert [bar.width for bar in charts.bars(rows, maximum=100)] == [63, 21]
    assert charts.bars([("None yet", 0, "0")]) == [charts.Bar("None yet", 0, "0", 0, "")]


def test_a_bar_chart_writes_every_number_and_hides_the_drawing_from_screen_readers():
    html = render(
        '{% bar_chart rows caption="Feel they belong" value_heading="Share" maximum=100 %}',
        rows=[("Agree", 63, "63%"), ("Disagree", 21, "21%", "at_risk")],
    )
    assert "<figcaption" in html and "Feel they belong" in html
    assert re.search(r'<strong class="chart__value">63%</strong> Agree', html)
    assert 'class="chart__bar" width="63.0"' in html
    assert 'class="chart__bar chart__bar--at_risk" width="21.0"' in html
    assert html.count('aria-hidden="true"') == 2
    table = html[html.index("<table") :]
    assert '<th scope="row" class="govuk-table__header">Disagree</th>' in table and "21%" in table


def test_a_trend_draws_the_readings_in_order_and_names_the_first_and_last():
    trend = charts.trend([("2026", 10, "10"), ("2027", 30, "30"), ("2028", 20, "20")])
    assert trend.polyline == "0.0,95.0 150.0,5.0 300.0,50.0"
    assert (trend.lowest, trend.highest) == ("10", "30")
    html = render('{% trend_chart points caption="Volunteers" %}', points=trend.points)
    assert "From 10 (2026) to 20 (2028)" in html
    assert '<polyline class="chart__line" points="0.0,95.0 150.0,5.0 300.0,50.0"' in html
    assert charts.trend([("2026", 10, "10")]) is None
