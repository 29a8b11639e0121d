"""The sample fund `load_sample_content` creates: priorities, a finished round, an open one and a voting one."""

from django.core.cache import cache

import pytest

from fund.models import Application, Ballot, BudgetLine, FundPage, FundRoundPage, Priority, ProjectPage, ProjectUpdate
from sample_content.fund import load_demo_fund
from sample_content.pledges import load_demo_pledges
from sample_content.stories import load_demo_stories
from stories.models import StoryPage


@pytest.fixture
def sample_site(strategy_site):
    cache.clear()
    load_demo_pledges(strategy_site)
    load_demo_stories(strategy_site)
    yield strategy_site
    cache.clear()


def counts():
    return tuple(
        model.objects.count()
        for model in (FundPage, Priority, FundRoundPage, ProjectPage, ProjectUpdate, Application, BudgetLine)
    )


def test_loading_the_sample_fund_twice_adds_nothing(sample_site):
    load_demo_fund(sample_site)
    first = counts()
    load_demo_fund(sample_site)
    assert counts() == first
    assert first[:4] == (1, 3, 3, 7)


def test_sample_fund_has_a_decided_round_with_spend_and_an_open_round(sample_site, client):
    fund = load_demo_fund(sample_site)
    rounds = {page.slug: page for page in FundRoundPage.objects.child_of(fund)}
    assert rounds["round-1"].stage() == FundRoundPage.Stage.DECIDED
    assert rounds["round-2"].stage() == FundRoundPage.Stage.OPEN
    assert set(Application.objects.filter(round=rounds["round-2"]).values_list("state", flat=True)) == {
        "draft",
        "submitted",
    }
    funded = ProjectPage.objects.child_of(rounds["round-1"]).filter(grant_amount__isnull=False)
    assert funded.count() == 3
    for project in funded:
        assert project.application.budget_problem() is None
    content = client.get(fund.url).content.decode()
    assert "£26,500" in content  # awarded: 12,000 + 8,500 + 6,000
    assert "£18,300" in content  # spent: 6,800 + 3,900 + 3,100 + 4,500
    for priority in ("Places", "People", "The social sector"):
        assert f"</strong> {priority}</span>" in content, priority


def test_sample_story_is_about_a_sample_project(sample_site, client):
    load_demo_fund(sample_site)
    story = StoryPage.objects.get(slug="example-repair-cafe")
    project = story.projects.get()
    assert project.slug == "malvern-tool-library"
    assert "Example story: a repair café" in client.get(project.url).content.decode()


def test_sample_finished_round_publishes_vote_results_that_match_its_grants(sample_site, client):
    fund = load_demo_fund(sample_site)
    load_demo_fund(sample_site)
    finished = FundRoundPage.objects.child_of(fund).get(slug="round-1")
    assert Ballot.objects.filter(round=finished, confirmed_at__isnull=False).count() == 40
    content = client.get(finished.url).content.decode()
    assert "40 confirmed ballots were counted." in content
    assert content.count('<strong class="govuk-tag govuk-tag--green">Funded</strong>') == 3
    assert "Not funded: it received no votes" in content
    assert "example-voter" not in content


def test_sample_voting_round_shows_its_shortlist_on_the_ballot(sample_site, client):
    fund = load_demo_fund(sample_site)
    voting = FundRoundPage.objects.child_of(fund).get(slug="autumn-vote")
    assert voting.stage() == FundRoundPage.Stage.VOTING
    content = client.get(voting.url).content.decode()
    assert "Vote for the projects you want funded" in content
    projects = ProjectPage.objects.child_of(voting).live()
    assert projects.count() == 3
    for project in projects:
        assert project.grant_amount is None
        assert f'value="{project.pk}"' in content, project.title
    # Together they cost more than the budget: a ballot has to choose.
    assert sum(project.cost for project in projects) > voting.budget


def test_sample_draft_applications_resume_at_a_step_of_the_form(sample_site):
    from fund.applying import STEP_SLUGS

    load_demo_fund(sample_site)
    for application in Application.objects.filter(state=Application.State.DRAFT):
        assert application.current_step in STEP_SLUGS, application.reference
