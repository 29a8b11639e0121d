from django import template

from core import charts

register = template.Library()


@register.inclusion_tag("core/charts/bar_chart.html")
def bar_chart(rows, caption="", label_heading="", value_heading="", maximum=None, caption_class="govuk-heading-s"):
    """rows: (label, value, display[, kind]) for each bar; see core/charts.py."""
    return {
        "bars": charts.bars(rows, maximum),
        "caption": caption,
        "caption_class": caption_class,
        "label_heading": label_heading,
        "value_heading": value_heading,
    }


@register.inclusion_tag("core/charts/trend_chart.html")
def trend_chart(points, caption="", label_heading="", value_heading=""):
    """points: (label, value, display) readings, oldest first; see core/charts.py."""
    return {
        "trend": charts.trend(points),
        "caption": caption,
        "label_heading": label_heading,
        "value_heading": value_heading,
        "width": charts.TREND_WIDTH,
        "height": charts.TREND_HEIGHT,
    }
