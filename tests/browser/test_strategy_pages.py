import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .actions import next_page

# serialized_rollback: migrations made the root page and locale; a transactional test must keep them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(live_server):
    from home.loader import load_site

    load_site()
    return live_server


def test_home_page_shows_the_strategy_and_its_themes(browser, site):
    browser.get(site.url + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Connected Communities"
    assert len(browser.find_elements(By.TAG_NAME, "h1")) == 1
    theme_headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#themes-heading ~ ul h3")]
    assert theme_headings == [
        "Healthier communities",
        "Safer and inclusive communities",
        "Stronger and sustainable communities",
    ]
    browser.find_element(By.LINK_TEXT, "Read the strategy").click()
    assert browser.current_url == site.url + "/strategy/"


def test_full_text_contents_links_move_to_their_sections(browser, site):
    browser.get(site.url + "/strategy/full/")
    assert "Connected Communities Strategy" in browser.find_element(By.TAG_NAME, "h1").text
    links = browser.find_elements(By.CSS_SELECTOR, "#contents ol a[href^='#']")
    assert len(links) >= 12
    # The section's top reaches the top of the window, or, for the last sections, the page
    # has scrolled as far as it can with the section in view.
    section_in_view = (
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;"
        "return (r.top >= -2 && r.top < 40) || (atEnd && r.top >= 0 && r.top < window.innerHeight);"
    )
    # Jump rather than glide, so each check sees where the link landed, not a scroll in flight.
    browser.execute_script("document.documentElement.style.scrollBehavior = 'auto'")
    for link in links:
        anchor = link.get_attribute("href").split("#", 1)[1]
        section = browser.find_element(By.ID, anchor)
        # The linked section's heading is the one the link names.
        assert section.find_element(By.TAG_NAME, "h2").text == link.text
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.send_keys(Keys.ENTER)  # as a keyboard user would follow it
        assert browser.current_url.endswith("#" + anchor)
        WebDriverWait(browser, 5).until(lambda b, a=anchor: b.execute_script(section_in_view, a), message=anchor)


def test_a_reader_goes_through_the_chapters_with_the_next_links(browser, site):
    browser.get(site.url + "/strategy/")
    headings = []

    def follow(selector):
        with next_page(browser):
            browser.find_element(By.CSS_SELECTOR, selector).send_keys(Keys.ENTER)  # as a keyboard user would

    for _ in range(3):
        follow(".govuk-pagination__next a")
        headings.append(browser.find_element(By.TAG_NAME, "h1").text.splitlines()[-1])
    assert headings == ["Introduction", "Why do we need a strategy?", "Our values"]
    assert browser.current_url == site.url + "/strategy/our-values/"
    follow(".govuk-pagination__prev a")
    assert browser.current_url == site.url + "/strategy/why-a-strategy/"


def test_an_old_link_to_a_section_of_the_long_page_opens_its_chapter(browser, site):
    browser.get(site.url + "/strategy/#knowing-our-communities")
    WebDriverWait(browser, 5).until(lambda b: "/strategy/knowing-our-communities/" in b.current_url)
    assert browser.current_url.endswith("/strategy/knowing-our-communities/#knowing-our-communities")
    assert browser.find_element(By.TAG_NAME, "h1").text.endswith("Knowing our communities")


# Phones: the page never scrolls sideways, and no element runs outside the window, with every
# "Show the figures as a table" opened.
WIDE_ELEMENTS = """
for (const details of document.querySelectorAll("main details")) details.open = true;
const viewport = document.documentElement.clientWidth;
const wide = [...document.querySelectorAll("main *")].filter(el => {
  const rect = el.getBoundingClientRect();
  return rect.width && (rect.right > viewport + 1 || rect.left < -1) && !el.closest(".govuk-visually-hidden");
});
return [document.documentElement.scrollWidth, window.innerWidth, wide.slice(0, 5).map(el => el.outerHTML.slice(0, 120))];
"""


@pytest.mark.parametrize("width", [320, 390])
def test_chapters_and_workstreams_fit_a_phone_without_sideways_scrolling(browser_defaults, site, width):
    browser = browser_defaults
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True}
    )
    for path in (
        "/strategy/",
        "/strategy/workstreams/",
        "/strategy/knowing-our-communities/",
        "/strategy/making-it-happen/",
        "/strategy/full/",
        "/strategy/healthier/",
    ):
        browser.get(site.url + path)
        scroll_width, inner_width, wide = browser.execute_script(WIDE_ELEMENTS)
        assert inner_width == width
        assert scroll_width <= inner_width, (path, scroll_width, wide)
        assert wide == [], (path, wide)


def test_skip_link_is_the_first_thing_a_keyboard_reaches(browser, site):
    browser.get(site.url + "/strategy/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Skip to main content"
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main-content"
