import re

from django.core import mail

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from .actions import click, click_and_wait

# serialized_rollback: migrations made the root page and locale; a transactional test must keep them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(live_server):
    from django.core.cache import cache

    from home.loader import load_site
    from sample_content.consultations import load_demo_consultations

    cache.clear()
    load_demo_consultations(load_site())
    return live_server


def test_resident_comments_on_the_open_consultation_through_the_real_form(browser, site):
    browser.get(site.url + "/consultations/")
    click_and_wait(
        browser, browser.find_element(By.LINK_TEXT, "Five-year review of the Connected Communities Strategy")
    )
    assert browser.find_element(By.TAG_NAME, "h1").text == "Five-year review of the Connected Communities Strategy"

    # Sent empty first: the error summary takes focus and links to the field.
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "#comment-form button[type=submit]"))
    summary = WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".govuk-error-summary"))
    )
    WebDriverWait(browser, 5).until(lambda driver: driver.switch_to.active_element == summary)
    assert "There is a problem" in summary.text
    click(browser, summary.find_element(By.LINK_TEXT, "Enter your comment"))
    assert browser.switch_to.active_element.get_attribute("id") == "id_text"

    browser.find_element(By.ID, "id_display_name").send_keys("Robin")
    browser.find_element(By.ID, "id_email").send_keys("robin@example.org")
    love = browser.find_element(
        By.XPATH, "//label[starts-with(normalize-space(), 'What do you love about your neighbourhood?')]"
    )
    browser.find_element(By.ID, love.get_attribute("for")).send_keys("The river walk and the Saturday market.")
    click(browser, browser.find_element(By.XPATH, "//label[normalize-space()='Online']"))
    browser.find_element(By.ID, "id_text").send_keys(
        "Keep the village bus & the 2 < 3 timetable.\nIt is a lifeline for us."
    )
    click(browser, browser.find_element(By.ID, "id_privacy_agreed"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "#comment-form button[type=submit]"))

    WebDriverWait(browser, 10).until(expected_conditions.url_contains("/comment/sent/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Check your email to confirm your comment"
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/consultations/confirm/[^/\s]+/)", mail.outbox[0].body).group(1)
    browser.get(site.url + link)
    click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Yes, confirm my comment']"))
    WebDriverWait(browser, 10).until(
        expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Your comment is confirmed")
    )
    assert "A moderator will read it" in browser.find_element(By.TAG_NAME, "main").text


# Nothing outside a table's own scrolling region may reach past the window's right edge.
SIDEWAYS = """
const width = document.documentElement.clientWidth;
const problems = [];
if (document.documentElement.scrollWidth > width) {
  problems.push(`page is ${document.documentElement.scrollWidth}px wide`);
}
for (const el of document.body.querySelectorAll("main *")) {
  if (el.closest(".govuk-visually-hidden, .table-scroll, [hidden]")) continue;
  const rect = el.getBoundingClientRect();
  if ((rect.width || rect.height) && rect.right > width + 1) {
    problems.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ends at ${Math.round(rect.right)}px`);
  }
}
return problems.slice(0, 10);
"""

PHONE_PAGES = [
    "/",
    "/consultations/",
    "/consultations/five-year-review/",
    "/consultations/flood-plans-example/",
    "/consultations/digital-community-example/",
    "/consultations/community-grants-example/",
    "/search/?q=community",
    "/search/?q=!!!",
    "/your-data/",
    "/accessibility-statement/",
    "/no-such-page/",
]


def test_consultation_home_and_search_pages_never_scroll_sideways_on_a_phone(browser_defaults, site):
    browser = browser_defaults
    failures = []
    for width in (320, 390):
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True},
        )
        for path in PHONE_PAGES:
            browser.get(site.url + path)
            problems = browser.execute_script(SIDEWAYS)
            if problems:
                failures.append(f"{path} at {width}px: " + "; ".join(problems))
    assert not failures, "\n".join(failures)


def test_outcome_tables_scroll_in_a_labelled_region_reachable_by_keyboard(browser_defaults, site):
    browser = browser_defaults
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": True}
    )
    browser.get(site.url + "/consultations/community-grants-example/")
    regions = browser.find_elements(By.CSS_SELECTOR, ".table-scroll[role=region][tabindex='0']")
    assert regions
    for region in regions:
        caption = browser.find_element(By.ID, region.get_attribute("aria-labelledby"))
        assert caption.tag_name == "caption" and caption.text.startswith("Answers to")
        # The region, not the page, takes whatever the table needs beyond the window.
        assert region.rect["width"] <= 320
