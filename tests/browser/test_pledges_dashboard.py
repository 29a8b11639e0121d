from datetime import date

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from .waits import page_replaced

# serialized_rollback: the root page and default locale come from migrations and must survive the flush.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(live_server):
    from home.loader import ensure_home_page
    from pledges.factories import ThemeFactory, make_pledge
    from pledges.models import PledgeIndexPage
    from pledges.status import Status

    home = ensure_home_page({"home": {"tagline": "What's strong", "introduction": "Connected Communities."}})
    index = PledgeIndexPage(title="Our pledges", slug="pledges")
    home.add_child(instance=index)
    index.save_revision().publish()
    healthier = ThemeFactory(name="Healthier communities", slug="healthier", sort_order=0)
    safer = ThemeFactory(name="Safer and inclusive communities", slug="safer", sort_order=1)
    make_pledge(index, healthier, [(date(2025, 1, 1), Status.ON_TRACK)], title="Befriending", lead="Community Action")
    make_pledge(index, healthier, [(date(2025, 1, 1), Status.DELAYED)], title="Youth offer", lead="Community Services")
    make_pledge(index, safer, [(date(2025, 1, 1), Status.ON_TRACK)], title="Watch schemes", lead="Community Services")
    return live_server


def submit_filters(browser):
    """Press "Show pledges" and wait for the new page, so no assertion reads the old one."""
    old_page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, ".filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(page_replaced(old_page))


def pledge_titles(browser):
    return sorted(link.text for link in browser.find_elements(By.CSS_SELECTOR, ".pledge-card .card__title a"))


def test_dashboard_filters_narrow_the_pledges_and_can_be_cleared(browser, site):
    browser.get(site.url + "/pledges/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Our pledges"
    assert pledge_titles(browser) == ["Befriending", "Watch schemes", "Youth offer"]

    Select(browser.find_element(By.ID, "filter-theme")).select_by_visible_text("Healthier communities")
    submit_filters(browser)
    assert "theme=healthier" in browser.current_url
    assert pledge_titles(browser) == ["Befriending", "Youth offer"]
    assert browser.find_element(By.ID, "pledge-count").text.startswith("2 pledges")

    Select(browser.find_element(By.ID, "filter-status")).select_by_visible_text("On track")
    submit_filters(browser)
    assert pledge_titles(browser) == ["Befriending"]
    # The form remembers both choices, so the next change narrows further or widens again.
    assert Select(browser.find_element(By.ID, "filter-theme")).first_selected_option.text == "Healthier communities"
    assert Select(browser.find_element(By.ID, "filter-status")).first_selected_option.text == "On track"

    Select(browser.find_element(By.ID, "filter-theme")).select_by_visible_text("All themes")
    Select(browser.find_element(By.ID, "filter-lead")).select_by_visible_text("Community Services")
    submit_filters(browser)
    assert pledge_titles(browser) == ["Watch schemes"]

    old_page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.LINK_TEXT, "Clear filters").click()
    WebDriverWait(browser, 10).until(page_replaced(old_page))
    assert browser.current_url == site.url + "/pledges/"
    assert pledge_titles(browser) == ["Befriending", "Watch schemes", "Youth offer"]


def test_dashboard_filters_are_labelled_for_keyboard_and_screen_reader_users(browser, site):
    browser.get(site.url + "/pledges/")
    for field_id, label in [("filter-theme", "Theme"), ("filter-status", "Status"), ("filter-lead", "Led by")]:
        assert browser.find_element(By.CSS_SELECTOR, f"label[for={field_id}]").text == label
    counts = browser.find_element(By.ID, "status-counts")
    assert counts.find_element(By.TAG_NAME, "caption").text == "Number of pledges in each status, by theme"
