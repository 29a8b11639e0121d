"""The district ripple view names the fund's funded projects whose stories reported ripples."""

import re
from decimal import Decimal

from wagtail.models import PageViewRestriction

import pytest

from fund.factories import publish_fund_round, publish_project
from sample_content.stories import ripple_stream
from stories.factories import StoryPageFactory

URL = "/stories/ripples/"
# The stories with their themes and funded projects, and the themes: the same at any size.
RIPPLE_VIEW_QUERIES = 4


@pytest.fixture
def fund_round(home):
    return publish_fund_round(home, title="Round one", slug="round-one")


def add_project(round_page, grant, **fields):
    return publish_project(round_page, grant_amount=grant, **fields)


def add_story(story_index, projects, ripples, **fields):
    story = StoryPageFactory(parent=story_index, ripples=ripple_stream(ripples), **fields)
    story.projects.set(projects)
    story.save_revision().publish()
    return story


def rows(html):
    """(title, href, text after the link) for each project the view lists, in order."""
    if 'id="ripple-projects-heading"' not in html:
        return []
    section = html.split('id="ripple-projects-heading"', 1)[1].split("</section>", 1)[0]
    return [
        (title, href, re.sub(r"\s+", " ", after).strip())
        for href, title, after in re.findall(
            r'<li><a class="govuk-link" href="([^"]+)">([^<]+)</a>:(.*?)</li>', section
        )
    ]


def test_the_view_lists_the_funded_projects_behind_the_ripples_with_their_count(client, story_index, fund_round):
    library = add_project(fund_round, Decimal("5000"), title="Tool library")
    garden = add_project(fund_round, Decimal("800"), title="Community garden")
    add_story(story_index, [library], [("Neighbours lend tools", "financial", [("Savings", "built", [])])])
    add_story(story_index, [library, garden], [("Neighbours met", "social", [])])
    add_story(story_index, [garden], [])  # no ripples: adds nothing
    html = client.get(URL).content.decode()
    assert "Funded projects behind these ripples" in html
    assert rows(html) == [
        ("Tool library", library.url, "3 ripples"),
        ("Community garden", garden.url, "1 ripple"),
    ]


def test_unfunded_unpublished_private_projects_and_projects_without_ripples_are_left_out(
    client, story_index, fund_round
):
    shortlisted = add_project(fund_round, None, title="Shortlisted only")
    taken_down = add_project(fund_round, Decimal("100"), title="Taken down")
    private = add_project(fund_round, Decimal("100"), title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    quiet = add_project(fund_round, Decimal("100"), title="Quiet project")
    add_story(story_index, [shortlisted, taken_down, private], [("Neighbours met", "social", [])])
    add_story(story_index, [quiet], [])
    taken_down.unpublish()
    html = client.get(URL).content.decode()
    assert "Funded projects behind these ripples" not in html
    for title in ("Shortlisted only", "Taken down", "Staff only", "Quiet project"):
        assert title not in html
    # A story that is not published does not count either.
    draft = add_story(story_index, [quiet], [("Hidden", "political", [])])
    draft.unpublish()
    assert rows(client.get(URL).content.decode()) == []


@pytest.mark.parametrize("count", [2, 20])
def test_the_ripple_view_query_count_is_flat(
    client, story_index, fund_round, count, warm_caches, django_assert_num_queries
):
    for number in range(count):
        project = add_project(fund_round, Decimal("100"), title=f"Project {number:02}")
        add_story(story_index, [project], [("Neighbours met", "social", [("A club", "social", [])])])
    warm_caches(URL)
    with django_assert_num_queries(RIPPLE_VIEW_QUERIES):
        html = client.get(URL).content.decode()
    assert len(rows(html)) == count
    assert all(text == "2 ripples" for _title, _href, text in rows(html))
