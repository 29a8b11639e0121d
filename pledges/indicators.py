"""What an indicator's chart and table show: baseline, readings and target, with bar widths.

The width classes (w-0 … w-100) come from static/css/bar-widths.css, so no inline style is
needed. Percentages are drawn as they are; other units relative to the largest value.
"""

from decimal import Decimal


def format_value(value):
    if value is None:
        return ""
    value = Decimal(value)
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}".rstrip("0")


def bar_width(value, scale):
    if value is None or not scale:
        return 0
    return max(0, min(100, round(Decimal(value) * 100 / scale)))


def indicator_rows(indicators):
    rows = []
    for indicator in indicators:
        readings = sorted(indicator.readings.all(), key=lambda reading: reading.date)
        values = [indicator.baseline, indicator.target_value, *(reading.value for reading in readings)]
        values = [Decimal(value) for value in values if value is not None]
        scale = Decimal(100) if indicator.unit.strip() == "%" else (max(values) if values else 0)
        points = []
        if indicator.baseline is not None:
            points.append(
                {"kind": "baseline", "year": indicator.baseline_year, "date": None, "value": indicator.baseline}
            )
        points.extend(
            {"kind": "reading", "year": None, "date": reading.date, "value": reading.value} for reading in readings
        )
        if indicator.target_value is not None:
            points.append(
                {"kind": "target", "year": indicator.target_year, "date": None, "value": indicator.target_value}
            )
        for point in points:
            point["display"] = format_value(point["value"])
            point["width"] = bar_width(point["value"], scale)
        latest = readings[-1] if readings else None
        rows.append(
            {
                "indicator": indicator,
                "name": indicator.name,
                "unit": indicator.unit,
                "source": indicator.baseline_figure,
                "points": points,
                "latest": latest,
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
