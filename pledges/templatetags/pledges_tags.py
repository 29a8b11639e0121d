"""Pledge progress shown on other apps' pages: the home page and each theme page."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from ..dashboard import Rollup, dashboard_context, index_with_status_counts, live_index, published_pledges
from ..status import Status, tag_class
from ..status import status_label as label_of_status

register = template.Library()


# The request goes along to the templates so {% pageurl %} reads the site's root paths once
# per request, not once per link.


@register.inclusion_tag("pledges/includes/progress_at_a_glance.html", takes_context=True)
def pledge_progress(context):
    """The home page's "pledge progress at a glance": counts by status across every pledge."""
    index = index_with_status_counts()
    if index is None:
        return {"index": None}
    counts = {status: getattr(index, f"count_{status}") for status in Status.values}
    return {"request": context.get("request"), "index": index, "rollup": Rollup.from_counts(counts)}


@register.inclusion_tag("pledges/includes/dashboard.html", takes_context=True)
def pledge_dashboard(context):
    """The dashboard's summary, filters and sections: computed only when its fragment is stale."""
    request, page = context["request"], context["page"]
    return {"request": request, "page": page, **dashboard_context(page, request, context.get("selected"))}


@register.inclusion_tag("pledges/includes/theme_pledges.html", takes_context=True)
def theme_pledges(context, theme):
    """A theme page's pledges and their roll-up by status."""
    index = live_index()
    if index is None:
        return {"index": None}
    pledges = list(published_pledges(index, with_workstreams=False).filter(theme=theme))
    return {
        "request": context.get("request"),
        "index": index,
        "theme": theme,
        "pledges": pledges,
        "rollup": Rollup.of(pledges),
    }


@register.filter
def status_label(value):
    return label_of_status(value)


@register.simple_tag
def status_tag(status, label=None, prefix=True):
    """A status as a GOV.UK tag in its colour; the tag's words always say the status.

    `label` overrides the words (a review edition keeps the label it recorded); `prefix=False`
    leaves out the hidden "Status:" where a heading or key beside the tag already says it.
    """
    hidden = format_html('<span class="govuk-visually-hidden">{} </span>', gettext("Status:")) if prefix else ""
    return format_html('<strong class="{}">{}{}</strong>', tag_class(status), hidden, label or label_of_status(status))


@register.filter
def status_bars(rollup):
    """A roll-up's statuses as {% bar_chart %} rows, each bar a share of all the pledges.

    Only statuses some pledge has: "1 on track (25%)", coloured by its status.
    """
    return [
        (
            gettext("%(status)s (%(percent)s%%)") % {"status": str(item.label).lower(), "percent": item.percent},
            item.count,
            str(item.count),
            item.status,
        )
        for item in rollup.counts
        if item.count
    ]


@register.simple_tag
def pledges_by_theme(theme_pages):
    """The strategy's "Our pledges": each theme page with its theme's published pledges."""
    index = live_index()
    by_theme = {}
    if index is not None:
        for pledge in published_pledges(index, with_workstreams=False):
            by_theme.setdefault(pledge.theme_id, []).append(pledge)
    return [{"page": page, "pledges": by_theme.get(page.theme_id, [])} for page in theme_pages]
