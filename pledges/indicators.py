"""What an indicator's chart shows: a trend line through its readings, or bars when it has too few.

Rows and points are in the form core/charts.py takes ({% trend_chart %}, {% bar_chart %}),
so the numbers are always in the text and in a table, and no inline style is needed.
Percentages are drawn against 100; other units against the largest value.
"""

from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext


def format_value(value):
    if value is None:
        return ""
    value = Decimal(value)
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}".rstrip("0")


def baseline_label(year):
    return gettext("%(year)s baseline") % {"year": year} if year else gettext("Baseline")


def target_label(year):
    return gettext("Target for %(year)s") % {"year": year} if year else gettext("Target")


def indicator_rows(indicators):
    """Each indicator with `trend` points (two readings or more) or `bars`, and its target in words.

    A trend starts at the baseline when there is one: the line shows the change since then.
    The target is a promise, not a reading, so it is said beside the line rather than drawn on it.
    """
    rows = []
    for indicator in indicators:
        unit = indicator.unit

        def display(value, unit=unit):
            return f"{format_value(value)}{unit}"

        readings = sorted(indicator.readings.all(), key=lambda reading: reading.date)
        baseline = indicator.baseline
        measured = [
            (date_format(reading.date, "j F Y"), float(reading.value), display(reading.value)) for reading in readings
        ]
        first = (
            [(baseline_label(indicator.baseline_year), float(baseline), display(baseline))]
            if baseline is not None
            else []
        )
        target = indicator.target_value
        target_row = (
            [(target_label(indicator.target_year), float(target), display(target), "target")]
            if target is not None
            else []
        )
        trend = first + measured if len(readings) >= 2 else None
        bars = None
        if trend is None:
            bars = [(*point, "baseline") for point in first] + [(*point, "reading") for point in measured] + target_row
        values = [row[1] for row in (trend or bars)] + ([float(target)] if target is not None else [])
        rows.append(
            {
                "indicator": indicator,
                "name": indicator.name,
                "unit": unit,
                "source": indicator.baseline_figure,
                "trend": trend,
                "bars": bars,
                "maximum": 100 if unit.strip() == "%" else max(values, default=0),
                "target": display(target) if target is not None else "",
                "target_year": indicator.target_year,
                "latest": readings[-1] if readings else None,
            }
        )
    return rows


def indicator_summary(indicator, as_of=None):
    """Plain data for exports and review snapshots; with `as_of`, no reading dated later."""
    readings = sorted(
        (reading for reading in indicator.readings.all() if as_of is None or reading.date <= as_of),
        key=lambda reading: reading.date,
    )
    latest = readings[-1] if readings else None
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline_value": format_value(indicator.baseline),
        "baseline_year": indicator.baseline_year,
        "baseline_source": str(indicator.baseline_figure) if indicator.baseline_figure_id else "",
        "target_value": format_value(indicator.target_value),
        "target_year": indicator.target_year,
        "latest_value": format_value(latest.value) if latest else "",
        "latest_date": latest.date.isoformat() if latest else "",
    }
