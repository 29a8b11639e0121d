"""Pledge progress shown outside the dashboard: on the home page and on each theme page."""

import re
from datetime import date

from pledges.factories import make_pledge
from pledges.models import PledgeIndexPage
from pledges.status import Status
from strategy.models import StrategyPage, Theme, ThemePage


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_home_page_shows_pledge_progress_at_a_glance(client, pledge_index, healthier, safer):
    make_pledge(pledge_index, healthier, [(date(2025, 1, 1), Status.ON_TRACK)])
    make_pledge(pledge_index, safer, [(date(2025, 1, 1), Status.ACHIEVED)])
    make_pledge(pledge_index, safer, [(date(2025, 1, 1), Status.DELAYED)])
    make_pledge(pledge_index, safer)
    text = text_of(client.get("/").content.decode())
    assert "Our pledges: progress at a glance" in text
    assert "4 pledges, 50% achieved or on track." in text
    assert "1 on track (25%)" in text and "1 delayed (25%)" in text and "1 not started (25%)" in text
    assert "See every pledge and its progress" in text


def test_home_page_says_nothing_about_pledges_before_there_are_any(client, home):
    assert "progress at a glance" not in client.get("/").content.decode()


def test_theme_page_shows_its_own_pledges_and_their_roll_up(client, home, pledge_index, healthier, safer):
    strategy = StrategyPage(title="The strategy", slug="strategy")
    home.add_child(instance=strategy)
    theme_page = ThemePage(title=healthier.name, slug=healthier.slug, theme=healthier)
    strategy.add_child(instance=theme_page)
    make_pledge(pledge_index, healthier, [(date(2025, 1, 1), Status.AT_RISK)], title="Befriending")
    make_pledge(pledge_index, safer, [(date(2025, 1, 1), Status.ON_TRACK)], title="Watch schemes")
    html = client.get(theme_page.url).content.decode()
    text = text_of(html)
    assert "Our pledges for this theme" in text
    assert "Befriending Status: At risk" in text
    assert (
        '<strong class="govuk-tag govuk-tag--orange"><span class="govuk-visually-hidden">Status: </span>At risk' in html
    )
    assert "Watch schemes" not in text
    assert "1 pledge, 0% achieved or on track." in text
    assert f'href="/pledges/?theme={healthier.slug}"' in html


def test_home_page_with_every_demo_pledge_stays_within_its_query_budget(
    client, strategy_site, django_assert_max_num_queries
):
    from sample_content.pledges import load_demo_pledges

    load_demo_pledges(strategy_site)
    client.get("/")
    # 6 with every section of the home page filled: routing comes from the cache (core/caching/routing.py).
    with django_assert_max_num_queries(6):
        html = client.get("/").content.decode()
    assert "progress at a glance" in html


def test_theme_page_with_its_demo_pledges_stays_flat(client, strategy_site, django_assert_max_num_queries):
    from sample_content.pledges import load_demo_pledges

    load_demo_pledges(strategy_site)
    client.get("/strategy/stronger-and-sustainable/")
    # A theme page takes 6 queries of its own; its pledges add two, the pledge index and the
    # pledges, however many there are; its stories one more.
    with django_assert_max_num_queries(9):
        html = client.get("/strategy/stronger-and-sustainable/").content.decode()
    assert "Develop the district volunteer service" in html
    index = PledgeIndexPage.objects.get()
    for number in range(20):
        make_pledge(index, Theme.objects.get(slug="stronger-and-sustainable"), title=f"Extra {number}")
    # Saving pledges renewed the cached footer settings: warm them again, as before.
    client.get("/strategy/stronger-and-sustainable/")
    with django_assert_max_num_queries(9):
        assert "Extra 19" in client.get("/strategy/stronger-and-sustainable/").content.decode()


def test_a_theme_page_shows_a_new_pledge_at_once_though_its_pledges_were_kept(client, home, pledge_index, healthier):
    """The theme's pledges and stories are a fragment kept until the next publication."""
    strategy = StrategyPage(title="The strategy", slug="strategy")
    home.add_child(instance=strategy)
    theme_page = ThemePage(title=healthier.name, slug=healthier.slug, theme=healthier)
    strategy.add_child(instance=theme_page)
    make_pledge(pledge_index, healthier, [(date(2025, 1, 1), Status.AT_RISK)], title="Befriending")
    assert "Befriending Status: At risk" in text_of(client.get(theme_page.url).content.decode())

    make_pledge(pledge_index, healthier, [(date(2025, 1, 1), Status.ACHIEVED)], title="Warm spaces")
    text = text_of(client.get(theme_page.url).content.decode())
    assert "Warm spaces Status: Achieved" in text
    assert "2 pledges, 50% achieved or on track." in text
