"""Money as people read it, the fund's figures as chart rows, and the fund on the home page."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from core.caching.routing import active_locale_id, public_pages

from ..models import FundPage

register = template.Library()


@register.filter
def pounds(value):
    """£12,345 for whole pounds, £12,345.50 otherwise; an empty string for no value."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"


@register.simple_tag
def money_rows(rows, field):
    """(label, value, display) rows for {% bar_chart %} from the fund's totals rows."""
    return [(row.label, float(getattr(row, field) or 0), pounds(getattr(row, field) or 0)) for row in rows]


@register.simple_tag
def target_progress_row(project):
    """The one bar of a project's crowdfunding progress: raised as a percentage of the target."""
    percent = project.progress_percent
    label = _("of the %(target)s target raised") % {"target": pounds(project.target)}
    return [(label, percent, f"{pounds(project.raised)} ({percent}%)")]


@register.inclusion_tag("fund/includes/home_fund.html", takes_context=True)
def fund_on_home(context):
    """The home page's link to the fund, in the visitor's language."""
    fund = public_pages(FundPage.objects.live().filter(locale_id=active_locale_id())).first()
    return {"request": context.get("request"), "fund": fund}
