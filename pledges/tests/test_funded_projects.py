"""A pledge's page lists the fund's projects that serve it: funded, published and public only."""

from decimal import Decimal

from wagtail.models import PageViewRestriction

import pytest

from fund.factories import publish_fund_round, publish_project
from pledges.factories import make_pledge


@pytest.fixture
def fund_round(home):
    return publish_fund_round(home, title="Round one", slug="round-one")


def add_project(round_page, pledges, grant, **fields):
    """A published project under `round_page`, serving `pledges`, funded with `grant` (None: not funded)."""
    return publish_project(round_page, pledges=pledges, grant_amount=grant, **fields)


def funded_section(html):
    if 'id="funded-projects-heading"' not in html:
        return ""
    return html.split('id="funded-projects-heading"', 1)[1].split("</section>", 1)[0]


def test_the_pledge_lists_its_funded_projects_with_their_grant_and_link(client, pledge_index, healthier, fund_round):
    pledge = make_pledge(pledge_index, healthier, title="Crowdfunding")
    other = make_pledge(pledge_index, healthier, title="Community Watch")
    garden = add_project(fund_round, [pledge], Decimal("12000"), title="Community garden", group_name="Friends")
    add_project(fund_round, [pledge], Decimal("749.50"), title="Repair café", group_name="Upton Repairers")
    add_project(fund_round, [other], Decimal("5000"), title="Street lights")
    section = funded_section(client.get(pledge.url).content.decode())
    assert "Funded projects that serve this pledge" in section
    assert f'<a class="govuk-link" href="{garden.url}">Community garden</a>' in section
    assert "run by Friends" in section
    assert "£12,000 from the People Make Places Fund" in section
    assert "£749.50 from the People Make Places Fund" in section
    assert "Street lights" not in section


def test_unfunded_unpublished_and_private_projects_are_left_out(client, pledge_index, healthier, fund_round):
    pledge = make_pledge(pledge_index, healthier)
    add_project(fund_round, [pledge], None, title="Shortlisted only")
    add_project(fund_round, [pledge], Decimal("100"), title="Taken down").unpublish()
    private = add_project(fund_round, [pledge], Decimal("100"), title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(pledge.url).content.decode()
    assert funded_section(html) == ""
    for title in ("Shortlisted only", "Taken down", "Staff only"):
        assert title not in html
    add_project(fund_round, [pledge], Decimal("100"), title="Bench in the square")
    section = funded_section(client.get(pledge.url).content.decode())
    assert "Bench in the square" in section and "Staff only" not in section
