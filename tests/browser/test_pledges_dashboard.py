from datetime import date

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from .actions import next_page

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
    with next_page(browser):
        browser.find_element(By.CSS_SELECTOR, ".pledge-filters button[type=submit]").send_keys(Keys.ENTER)


def pledge_titles(browser):
    """The titles a visitor can see: a closed section's pledges are not among them."""
    links = browser.find_elements(By.CSS_SELECTOR, ".pledge-list__title a")
    return sorted(link.text for link in links if link.is_displayed())


def show_all_sections(browser):
    button = browser.find_element(By.CSS_SELECTOR, ".govuk-accordion__show-all")
    assert button.get_attribute("aria-expanded") == "false"
    # With the keyboard: the page scrolls smoothly, so a click could land before it settles.
    button.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda _driver: button.get_attribute("aria-expanded") == "true")


def test_dashboard_filters_narrow_the_pledges_and_can_be_cleared(browser, site):
    browser.get(site.url + "/pledges/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Our pledges"
    # Every section starts closed; "Show all sections" opens them.
    assert pledge_titles(browser) == []
    show_all_sections(browser)
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

    with next_page(browser):
        browser.find_element(By.LINK_TEXT, "Clear filters").send_keys(Keys.ENTER)
    assert browser.current_url == site.url + "/pledges/"
    show_all_sections(browser)
    assert pledge_titles(browser) == ["Befriending", "Watch schemes", "Youth offer"]


def test_dashboard_filters_are_labelled_for_keyboard_and_screen_reader_users(browser, site):
    browser.get(site.url + "/pledges/")
    for field_id, label in [("filter-theme", "Theme"), ("filter-status", "Status"), ("filter-lead", "Led by")]:
        assert browser.find_element(By.CSS_SELECTOR, f"label[for={field_id}]").text == label
    counts = browser.find_element(By.ID, "status-counts")
    assert counts.find_element(By.TAG_NAME, "caption").text == "Number of pledges in each status, by theme"


# Phones ------------------------------------------------------------------------------------------

# At 390 px the dashboard was 11,200 px tall with the sample pledges (every pledge a card, every
# theme's chart, the workstream table in full). Now the summary (counts by status and theme, a
# fixed size) and the filters come first and every section is closed: header, summary, filters,
# four section headings, open data and footer measure about 3,600 px, and more pledges add
# nothing. The bound leaves room for a longer theme name or translation wrapping a few lines,
# and is still well under half the old height.
PHONE_HEIGHT_BOUND = 4200

NO_SIDEWAYS_SCROLL = """
const viewport = document.documentElement.clientWidth;
const problems = [];
if (document.documentElement.scrollWidth > viewport) {
  problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px in ${viewport}px`);
}
for (const el of document.querySelectorAll("main *")) {
  // A wide table scrolls inside its own labelled region, not the page (WCAG 1.4.10).
  if (el.closest(".table-scroll, .govuk-visually-hidden")) continue;
  const rect = el.getBoundingClientRect();
  if ((rect.width || rect.height) && (rect.right > viewport + 1 || rect.left < -1)) {
    problems.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}" ` +
      `runs outside the window (${Math.round(rect.left)}–${Math.round(rect.right)}px)`);
  }
}
return problems.slice(0, 10);
"""


@pytest.fixture
def sample_site(live_server):
    """The real site with the 13 sample pledges and the 2025 review, as `make run` shows them."""
    from home.loader import load_site
    from sample_content.pledges import load_demo_pledges

    load_demo_pledges(load_site())
    return live_server


def phone(browser, width):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": False}
    )


def page_height(browser):
    return browser.execute_script("return document.documentElement.scrollHeight")


def test_the_dashboard_is_short_on_a_phone_whatever_the_number_of_pledges(browser_defaults, sample_site):
    from pledges.factories import make_pledge
    from pledges.models import PledgeIndexPage
    from pledges.status import Status
    from strategy.models import Theme

    browser = browser_defaults
    phone(browser, 390)
    browser.get(sample_site.url + "/pledges/")
    height = page_height(browser)
    assert height < PHONE_HEIGHT_BOUND, f"the dashboard is {height}px tall at 390px"
    count = int(browser.find_element(By.ID, "pledge-count").text.split()[0])

    index = PledgeIndexPage.objects.get()
    themes = list(Theme.objects.order_by("sort_order"))
    for number in range(20):
        make_pledge(
            index, themes[number % len(themes)], [(date.today(), Status.ON_TRACK)], title=f"Another pledge {number}"
        )
    browser.get(sample_site.url + "/pledges/")
    assert f"{count + 20} pledges" in browser.find_element(By.ID, "pledge-count").text
    # Twenty more pledges, open, would add some 2,000 px; closed, at most a line of text that wraps.
    assert abs(page_height(browser) - height) < 60, "closed sections do not grow with the pledges in them"


def test_pledge_pages_never_scroll_sideways_on_a_phone(browser_defaults, sample_site):
    browser = browser_defaults
    failures = []
    paths = [
        "/pledges/",
        "/pledges/?theme=healthier",
        "/pledges/crowdfunding-and-online-engagement/",
        "/pledges/reduce-loneliness/",
        "/pledges/review/",
        "/pledges/review/2025/",
    ]
    for width in (320, 390):
        phone(browser, width)
        for path in paths:
            browser.get(sample_site.url + path)
            assert browser.execute_script("return window.innerWidth") == width
            if browser.find_elements(By.CSS_SELECTOR, ".govuk-accordion__show-all[aria-expanded=false]"):
                show_all_sections(browser)  # the open sections, wide workstream table and all
            problems = browser.execute_script(NO_SIDEWAYS_SCROLL)
            if problems:
                failures.append(f"{path} at {width}px:\n" + "\n".join(problems))
    assert not failures, "\n".join(failures)


def test_wide_tables_scroll_in_a_labelled_region_a_keyboard_can_reach(browser_defaults, sample_site):
    browser = browser_defaults
    phone(browser, 320)
    browser.get(sample_site.url + "/pledges/?theme=healthier")
    region = browser.find_element(By.CSS_SELECTOR, ".table-scroll:has(#workstream-progress)")
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"
    label = browser.find_element(By.ID, region.get_attribute("aria-labelledby")).text
    assert label == "Share of each workstream's pledges by status"
    # The table is wider than the phone, so it scrolls inside the region; the page does not.
    assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", region)
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 320
