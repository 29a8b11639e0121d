"""What residents see on the fund's pages: the money by priority, place and round, rounds and projects."""

import re
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

import pytest

from fund.factories import ProjectPageFactory, ProjectUpdateFactory
from fund.models import ProjectPage
from stories.factories import StoryPageFactory

from .helpers import count_in_html, make_round, table_row


def funded_project(round_page, priority, places, grant, spends=(), **fields):
    project = ProjectPageFactory.build(priority=priority, grant_amount=grant, **fields)
    project.updates = [
        ProjectUpdateFactory.build(date=date(2025, 6, day), amount_spent=spent, sort_order=day)
        for day, spent in enumerate(spends, start=1)
    ]
    project.places = places
    round_page.add_child(instance=project)
    project.save_revision().publish()
    return ProjectPage.objects.get(pk=project.pk)


@pytest.fixture
def fund_with_projects(fund, finished_round, open_round, priorities, places):
    funded_project(finished_round, priorities["places"], [places["upton"]], Decimal("12000"), [Decimal("3500")])
    funded_project(
        finished_round,
        priorities["people"],
        [places["malvern"], places["upton"]],
        Decimal("6000"),
        [Decimal("1000"), Decimal("500")],
    )
    funded_project(finished_round, priorities["people"], [], Decimal("2000"))
    # Shortlisted, not funded: counts nowhere.
    funded_project(finished_round, priorities["social"], [places["malvern"]], None, cost=Decimal("9000"))
    return fund


def test_fund_page_shows_the_headline_figures(client, fund_with_projects):
    response = client.get(fund_with_projects.url)
    assert response.status_code == 200
    content = response.content.decode()
    # Committed: the two rounds' budgets (150,000 + 100,000); awarded and spent add up the projects.
    for label, value in [
        ("The council's commitment", "£500,000"),
        ("Committed to funding rounds", "£250,000"),
        ("Awarded to projects", "£20,000"),
        ("Spent by projects so far", "£5,000"),
        ("Not yet committed to a round", "£250,000"),
    ]:
        assert count_in_html(
            f'<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{label}</dt>'
            f'<dd class="govuk-summary-list__value">{value}</dd></div>',
            content,
        ), label


def test_fund_page_shows_the_money_by_priority_place_and_round_in_tables(client, fund_with_projects):
    content = client.get(fund_with_projects.url).content
    # By priority: awarded, spent.
    assert count_in_html(table_row("Places", "£12,000", "£3,500"), content) == 1
    assert count_in_html(table_row("People", "£8,000", "£1,500"), content) == 1
    assert count_in_html(table_row("The social sector", "£0", "£0"), content) == 1
    # By place: a project in two places counts in each; a project in none is district-wide.
    assert count_in_html(table_row("Upton-upon-Severn", "£18,000", "£5,000"), content) == 1
    assert count_in_html(table_row("Malvern", "£6,000", "£1,500"), content) == 1
    assert count_in_html(table_row("No particular place (district-wide)", "£2,000", "£0"), content) == 1
    # By round: committed, awarded, spent.
    assert count_in_html(table_row("Round one", "£150,000", "£20,000", "£5,000"), content) == 1
    assert count_in_html(table_row("Round two", "£100,000", "£0", "£0"), content) == 1
    # On a phone each table scrolls in its own region, named by its caption, not the whole page.
    text = content.decode()
    for table in ("fund-by-round", "fund-by-priority", "fund-by-place"):
        assert f'<div class="table-scroll" role="region" aria-labelledby="{table}-caption" tabindex="0">' in text
        assert f'id="{table}-caption"' in text


def test_fund_page_draws_the_figures_as_bar_charts_with_their_numbers(client, fund_with_projects):
    content = client.get(fund_with_projects.url).content.decode()
    assert "Awarded under each priority" in content
    assert '<strong class="chart__value">£12,000</strong> Places' in content
    assert '<strong class="chart__value">£150,000</strong> Round one' in content


def test_fund_page_leaves_out_unpublished_projects(client, fund_with_projects, finished_round, priorities):
    draft = funded_project(finished_round, priorities["places"], [], Decimal("99000"))
    draft.unpublish()
    content = client.get(fund_with_projects.url).content.decode()
    assert "£99,000" not in content
    assert count_in_html(table_row("Places", "£12,000", "£3,500"), content) == 1


# Between publications. The fund page: its rounds, then the totals (rounds' budgets, awarded and
# spent by round, by priority and by place, the priorities and places named). A round page:
# its projects with their places, its priorities, its places.
FUND_PAGE_QUERIES = 10
ROUND_PAGE_QUERIES = 6


def build_projects(round_page, priorities, places, count):
    for number in range(count):
        project = ProjectPageFactory.build(
            priority=priorities["places"] if number % 2 else priorities["people"], grant_amount=Decimal("100")
        )
        project.places = [places["malvern"]] if number % 3 else [places["upton"]]
        project.updates = [ProjectUpdateFactory.build(amount_spent=Decimal("10"))]
        round_page.add_child(instance=project)
        project.save_revision().publish()


@pytest.mark.parametrize("count", [2, 25])
def test_fund_page_query_count_is_flat(
    client, fund, finished_round, open_round, priorities, places, count, warm_caches, django_assert_num_queries
):
    build_projects(finished_round, priorities, places, count)
    warm_caches(fund.url)  # the routing answers come from the cache, as on a running site
    with django_assert_num_queries(FUND_PAGE_QUERIES):
        response = client.get(fund.url)
    assert count_in_html(table_row("Round one", "£150,000", f"£{100 * count:,}", f"£{10 * count:,}"), response.content)


@pytest.mark.parametrize("count", [2, 25])
def test_round_page_query_count_is_flat(
    client, finished_round, priorities, places, count, warm_caches, django_assert_num_queries
):
    build_projects(finished_round, priorities, places, count)
    warm_caches(finished_round.url)
    with django_assert_num_queries(ROUND_PAGE_QUERIES):
        response = client.get(finished_round.url)
    assert response.content.decode().count('class="fund-projects__item"') == count


def test_open_round_page_says_where_it_stands(client, open_round):
    content = client.get(open_round.url).content.decode()
    assert "Open for applications" in content
    assert "£100,000" in content
    assert "Places: empowerment" in content and "The social sector: charities" in content
    assert "The whole district" in content
    assert "Community groups in the district." in content
    assert "Funded projects" not in content and "Shortlisted projects" not in content
    # Machine-readable dates HTML accepts: to the second, with the offset (no microseconds).
    datetimes = re.findall(r'<time datetime="([^"]*)"', content)
    assert len(datetimes) == 3
    for value in datetimes:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", value), value


def test_round_in_its_vote_lists_the_shortlist(client, fund, priorities, places):
    now = timezone.now()
    voting = make_round(
        fund,
        priorities=[priorities["people"]],
        title="Voting round",
        slug="voting",
        opens_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=10),
        voting_opens_at=now - timedelta(days=2),
        voting_closes_at=now + timedelta(days=5),
        decisions_on=now + timedelta(days=20),
    )
    voting.places.set([places["malvern"]])
    voting.save_revision().publish()
    funded_project(
        voting, priorities["people"], [places["malvern"]], None, title="Lifts to the surgery", cost=Decimal("2500")
    )
    content = client.get(voting.url).content.decode()
    assert "Open for residents&#x27; votes" in content or "Open for residents' votes" in content
    assert "Residents&#x27; vote closes" in content or "Residents' vote closes" in content
    assert "Shortlisted projects" in content
    assert "Lifts to the surgery" in content and "£2,500" in content
    assert "Malvern" in content


def test_decided_round_lists_funded_and_not_funded_projects(client, fund_with_projects, finished_round):
    content = client.get(finished_round.url).content.decode()
    assert "Decisions made" in content
    assert "Funded projects" in content
    assert "Shortlisted, not funded" in content


def test_project_page_shows_progress_to_target_in_words_and_a_bar(client, finished_round, priorities, places):
    project = funded_project(
        finished_round,
        priorities["places"],
        [places["upton"]],
        Decimal("12000"),
        [Decimal("3500"), Decimal("1200")],
        title="Community orchard",
        crowdfunding_raised=Decimal("4200"),
        match_funding=Decimal("3000"),
        target=Decimal("10000"),
        crowdfunding_url="https://www.example.org/orchard",
    )
    content = client.get(project.url).content.decode()
    assert (
        "£7,200 raised of the £10,000 target (72%): £4,200 from the public and £3,000 matched by the council."
        in content
    )
    assert '<strong class="chart__value">£7,200 (72%)</strong> of the £10,000 target raised' in content
    assert 'width="72.0"' in content
    assert "Grant awarded" in content and "£12,000" in content
    assert "Spent so far" in content and "£4,700" in content
    assert "Spent since the last update: £1,200" in content
    assert "Round one" in content


def test_project_page_lists_the_stories_about_it(client, finished_round, story_index, priorities):
    project = funded_project(finished_round, priorities["places"], [], Decimal("500"), title="Tool library")
    story = StoryPageFactory(parent=story_index, title="How the tool library began")
    story.projects.add(project)
    story.save_revision().publish()
    content = client.get(project.url).content.decode()
    assert "Stories about this project" in content
    assert "How the tool library began" in content


# A project page: the project with its round, its updates, its places, workstreams and
# pledges, and the stories about it with their pictures.
PROJECT_PAGE_QUERIES = 10


@pytest.mark.parametrize("count", [2, 20])
def test_project_page_query_count_is_flat(
    client, finished_round, story_index, priorities, places, count, warm_caches, django_assert_num_queries
):
    project = funded_project(
        finished_round,
        priorities["places"],
        list(places.values()),
        Decimal("5000"),
        [Decimal("10")] * count,
        title="Tool library",
    )
    for number in range(count):
        story = StoryPageFactory(parent=story_index, title=f"Tool library story {number}")
        story.projects.add(project)
        story.save_revision().publish()
    warm_caches(project.url)
    with django_assert_num_queries(PROJECT_PAGE_QUERIES):
        response = client.get(project.url)
    content = response.content.decode()
    assert content.count("Spent since the last update") == count
    assert content.count("Tool library story") == count


def test_home_page_links_to_the_fund(client, fund):
    content = client.get("/").content.decode()
    assert "The council has committed £500,000 to community projects" in content
    assert f'href="{fund.url}"' in content
