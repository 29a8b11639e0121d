from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test.html import parse_html
from django.urls import reverse

from fund.factories import FundRoundPageFactory


def make_round(fund, priorities=(), **fields):
    """A published round under `fund`, open by default, funding `priorities`."""
    round_page = FundRoundPageFactory(parent=fund, **fields)
    round_page.priorities.set(priorities)
    round_page.save_revision().publish()
    return round_page


def table_row(label, *cells):
    """The HTML of a totals table row, to find in a page whatever its whitespace."""
    tds = "".join(f'<td class="govuk-table__cell govuk-table__cell--numeric">{cell}</td>' for cell in cells)
    return f'<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{label}</th>{tds}</tr>'


def count_in_html(needle, content):
    return parse_html(content.decode() if isinstance(content, bytes) else content).count(parse_html(needle))


PASSWORD = "a long enough password"


def refused(response):
    """Wagtail's admin answers a refused permission with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def staff(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@council.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)
