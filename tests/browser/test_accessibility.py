"""WCAG 2.2 AA, checked in real headless Chromium.

- axe-core (npm, pinned) runs on every page type and state in PAGES: any serious or
  critical violation fails the test; moderate and minor ones are printed and appended to
  var/axe-report.txt so they are seen and can be reasoned about.
- A keyboard-only search journey with visible focus.
- Reflow at 320 px and at 200% text size, and reduced motion.

To check a new page type, add a PageCase to PAGES (and, when it needs content the
strategy loader does not make, a `prepare` function that creates it).
"""

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .waits import page_replaced

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
REPORT = Path(settings.BASE_DIR) / "var" / "axe-report.txt"


def submit_first_form_in_main(browser):
    """For form pages: send the form empty, to check the page as it shows its errors."""
    send_form_with(browser, browser.find_element(By.CSS_SELECTOR, "main form [type=submit]"))


def send_form_with(browser, button):
    """Press the button with the keyboard (a click can land on whatever overlaps it) and wait
    for the next page."""
    html = browser.find_element(By.TAG_NAME, "html")
    button.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(page_replaced(html))
    WebDriverWait(browser, 10).until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def submit_comment_form_empty(browser):
    """The consultation page's own comment form, sent empty (not the first form in main)."""
    send_form_with(browser, browser.find_element(By.CSS_SELECTOR, "#comment-form form [type=submit]"))


@dataclass(frozen=True)
class PageCase:
    name: str
    path: str
    # Optional: what to do in the browser before checking, e.g. submit_first_form_in_main.
    before_check: Callable | None = None


# Every page type and state on the site. Stories, pledges and consultations add theirs here, e.g.
#   PageCase("story-form-with-errors", "/stories/submit/", submit_first_form_in_main),
PAGES = [
    PageCase("home", "/"),
    PageCase("strategy", "/strategy/"),
    PageCase("theme", "/strategy/healthier/"),
    PageCase("search-form", "/search/"),
    PageCase("search-with-results", "/search/?q=community"),
    PageCase("search-without-results", "/search/?q=zzzqqq"),
    PageCase("not-found", "/no-such-page/"),
    PageCase("accessibility-statement", "/accessibility-statement/"),
    PageCase("polish-home", "/pl/"),
    PageCase("polish-strategy", "/pl/strategy/"),
    PageCase("polish-theme", "/pl/strategy/healthier/"),
    PageCase("untranslated-page-in-polish", "/pl/accessibility-statement/"),
    PageCase("romanian-home", "/ro/"),
    PageCase("romanian-strategy", "/ro/strategy/"),
    PageCase("romanian-search", "/ro/search/?q=community"),
    PageCase("untranslated-page-in-romanian", "/ro/accessibility-statement/"),
    # The apps' pages, with the sample content `load_sample_content` adds (see demo_site).
    PageCase("story-index", "/stories/"),
    PageCase("story-index-filtered", "/stories/?theme=healthier"),
    PageCase("story-with-ripple-map", "/stories/example-repair-cafe/"),
    PageCase("ripple-overview", "/stories/ripples/"),
    PageCase("story-form", "/stories/submit/"),
    PageCase("story-form-with-errors", "/stories/submit/", submit_first_form_in_main),
    PageCase("group-sign-in", "/stories/mine/sign-in/"),
    PageCase("group-sign-in-with-errors", "/stories/mine/sign-in/", submit_first_form_in_main),
    PageCase("pledge-dashboard", "/pledges/"),
    PageCase("pledge-dashboard-filtered", "/pledges/?theme=healthier"),
    PageCase("pledge", "/pledges/reduce-loneliness/"),
    PageCase("annual-review-index", "/pledges/review/"),
    PageCase("annual-review-edition", "/pledges/review/2025/"),
    PageCase("consultation-index", "/consultations/"),
    PageCase("consultation-open-with-comment-form", "/consultations/five-year-review/"),
    PageCase("comment-form-with-errors", "/consultations/five-year-review/", submit_comment_form_empty),
    PageCase("consultation-upcoming", "/consultations/flood-plans-example/"),
    PageCase("consultation-closed-awaiting-outcome", "/consultations/digital-community-example/"),
    PageCase("consultation-closed-with-outcome", "/consultations/community-grants-example/"),
]

RUN_AXE = """
const [tags, done] = [arguments[0], arguments[arguments.length - 1]];
axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(results => done({violations: results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))
  }))}))
  .catch(error => done({error: String(error)}));
"""


@pytest.fixture
def demo_site(translated_site):
    """The translated site plus the apps' sample content, as `load_sample_content` adds it."""
    from home.models import HomePage
    from sample_content.consultations import load_demo_consultations
    from sample_content.pledges import load_demo_pledges
    from sample_content.stories import load_demo_stories

    home = HomePage.objects.get(locale__language_code="en")
    load_demo_pledges(home)
    load_demo_stories(home)
    load_demo_consultations(home)
    return translated_site


def run_axe(browser, axe_source):
    browser.execute_script(axe_source)
    browser.set_script_timeout(60)
    result = browser.execute_async_script(RUN_AXE, AXE_TAGS)
    assert "error" not in result, result.get("error")
    return result["violations"]


def describe(violation):
    nodes = "\n".join(f"      {node['target']}: {node['summary']}" for node in violation["nodes"][:5])
    return f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})\n{nodes}"


def serious_violations(browser, axe_source, url, before_check=None, name=None):
    """Run axe on `url`: return its serious or critical violations, record the others."""
    browser.get(url)
    if before_check:
        before_check(browser)
    violations = run_axe(browser, axe_source)
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    others = [v for v in violations if v["impact"] not in FAILING_IMPACTS]
    if others:
        REPORT.parent.mkdir(exist_ok=True)
        with REPORT.open("a", encoding="utf-8") as report:
            report.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {name or url} ({url})\n")
            report.write("\n".join(describe(v) for v in others) + "\n")
        # Shown with -s or -rP; kept in the report file either way.
        print(f"\naxe on {name or url}: {len(others)} moderate/minor finding(s) recorded in {REPORT}")  # noqa: T201
        print("\n".join(describe(v) for v in others))  # noqa: T201
    return failing


def test_every_page_type_has_no_serious_or_critical_accessibility_violations(browser, axe_source, demo_site):
    """Every case in PAGES, on one live site (building it per page would cost most of the run).

    All pages are checked before failing, and the failure names every page and violation.
    """
    failures = []
    for case in PAGES:
        failing = serious_violations(browser, axe_source, demo_site.url + case.path, case.before_check, case.name)
        if failing:
            failures.append(f"{case.name} ({case.path}):\n" + "\n".join(describe(v) for v in failing))
    assert not failures, "axe found serious or critical violations on:\n" + "\n".join(failures)


def test_axe_checks_wcag_22_aa_rules(browser, axe_source, live_server):
    browser.get(live_server.url + "/robots.txt")
    browser.execute_script(axe_source)
    rules = browser.execute_script("return axe.getRules(arguments[0])", AXE_TAGS)
    ids = {rule["ruleId"] for rule in rules}
    # A few that matter most here: contrast, names, language, target size (new in 2.2).
    assert {"color-contrast", "label", "link-name", "html-has-lang", "valid-lang", "target-size"} <= ids
    REPORT.parent.mkdir(exist_ok=True)
    (REPORT.parent / "axe-rules.json").write_text(
        json.dumps(sorted((rule["ruleId"], rule["tags"]) for rule in rules), indent=1), encoding="utf-8"
    )


# Keyboard only ---------------------------------------------------------------------------


def press(browser, *keys):
    ActionChains(browser).send_keys(*keys).perform()


def focus_style(browser):
    return browser.execute_script(
        "const s = getComputedStyle(document.activeElement);"
        "return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color].join(' | ');"
    )


def assert_focus_is_visible(browser):
    focused = browser.switch_to.active_element
    with_focus = focus_style(browser)
    browser.execute_script("document.activeElement.blur()")
    without_focus = browser.execute_script(
        "const s = getComputedStyle(arguments[0]);"
        "return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color].join(' | ');",
        focused,
    )
    assert with_focus != without_focus, f"focus is not visible on {focused.get_attribute('outerHTML')[:120]}"


def tab_until(browser, matches, limit=60):
    """Press Tab until the focused element matches; returns the elements passed on the way."""
    passed = []
    for _ in range(limit):
        press(browser, Keys.TAB)
        element = browser.switch_to.active_element
        if matches(element):
            return passed
        passed.append(element)
    raise AssertionError(f"Tab never reached the element; passed {[e.get_attribute('outerHTML')[:60] for e in passed]}")


def test_search_works_with_the_keyboard_alone_with_focus_always_visible(browser, translated_site):
    browser.get(translated_site.url + "/")
    # From the top of the page: skip link, site name, main navigation, then the search field.
    passed = tab_until(browser, lambda element: element.get_attribute("id") == "site-search-q")
    texts = [element.get_attribute("textContent").strip() for element in passed]
    assert texts[0] == "Skip to main content"
    assert texts.index("The strategy") < texts.index("Stories") < texts.index("Pledges") < texts.index("Have your say")
    press(browser, "community")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: "/search/?q=community" in driver.current_url)
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text.endswith("results")
    # From the top again, Tab reaches the first result, every stop showing where focus is.
    first_result = browser.find_element(By.CSS_SELECTOR, "ol.results a")
    for _ in range(60):
        press(browser, Keys.TAB)
        element = browser.switch_to.active_element
        if element == first_result:
            break
        if element.tag_name in {"a", "button", "input"}:
            before = focus_style(browser)
            assert before, element
    else:
        raise AssertionError("Tab never reached the first search result")
    href = first_result.get_attribute("href")
    assert_focus_is_visible(browser)
    first_result.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda driver: driver.current_url == href)


@pytest.mark.parametrize(
    "selector",
    [
        "a.govuk-skip-link",
        ".govuk-service-navigation__link",
        ".govuk-language-navigation__link",
        "#site-search-q",
        ".site-search button",
    ],
)
def test_keyboard_focus_is_visible_on_header_controls(browser, translated_site, selector):
    browser.get(translated_site.url + "/")
    target = browser.find_element(By.CSS_SELECTOR, selector)
    tab_until(browser, lambda element: element == target)
    assert_focus_is_visible(browser)


def shift_tab_until(browser, matches, limit=60):
    for _ in range(limit):
        press(browser, Keys.SHIFT, Keys.TAB, Keys.SHIFT)
        if matches(browser.switch_to.active_element):
            return
    raise AssertionError("Shift+Tab never reached the element")


def assert_focus_is_visible_and_keep_it(browser):
    """assert_focus_is_visible, then focus goes back where it was so the journey goes on."""
    focused = browser.switch_to.active_element
    assert_focus_is_visible(browser)
    browser.execute_script("arguments[0].focus()", focused)


def tab_to_field(browser, field_id):
    tab_until(browser, lambda element: element.get_attribute("id") == field_id, limit=120)
    assert_focus_is_visible_and_keep_it(browser)


def type_in(browser, field_id, text):
    tab_to_field(browser, field_id)
    press(browser, text)


def tick(browser, field_id):
    tab_to_field(browser, field_id)
    press(browser, Keys.SPACE)
    assert browser.switch_to.active_element.is_selected()


def send_with_keyboard(browser, button_selector):
    button = browser.find_element(By.CSS_SELECTOR, button_selector)
    tab_until(browser, lambda element: element == button, limit=120)
    assert_focus_is_visible_and_keep_it(browser)
    html = browser.find_element(By.TAG_NAME, "html")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 10).until(page_replaced(html))
    WebDriverWait(browser, 10).until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def assert_error_summary_has_focus_and_links_to_each_field(browser):
    summary = browser.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert browser.switch_to.active_element == summary, "the error summary does not receive focus"
    links = summary.find_elements(By.CSS_SELECTOR, "a")
    assert links
    for position, link in enumerate(links):
        target = link.get_attribute("href").split("#", 1)[1]
        if position == 0:
            tab_until(browser, lambda element, link=link: element == link)
        else:
            # Back up from the field we just reached to the next link of the summary.
            shift_tab_until(browser, lambda element, link=link: element == link)
        assert_focus_is_visible_and_keep_it(browser)
        press(browser, Keys.ENTER)
        assert browser.switch_to.active_element.get_attribute("id") == target, f"{link.text} does not focus #{target}"
    # Start the next part of the journey from the top of the page.
    browser.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")


def test_a_group_can_send_a_story_with_the_keyboard_alone(browser, demo_site):
    from stories.models import StorySubmission

    browser.get(demo_site.url + "/stories/submit/")
    send_with_keyboard(browser, "main form.story-form [type=submit]")
    assert_error_summary_has_focus_and_links_to_each_field(browser)
    browser.get(demo_site.url + "/stories/submit/")
    type_in(browser, "id_group_name", "Keyboard Gardeners")
    type_in(browser, "id_contact_name", "Kim Keys")
    type_in(browser, "id_contact_email", "kim@example.org")
    type_in(browser, "id_title", "Our keyboard garden")
    type_in(browser, "id_story", "We planted a garden by the library and neighbours now meet there every week.")
    tick(browser, "id_consent_to_publish")
    send_with_keyboard(browser, "main form.story-form [type=submit]")
    assert "/stories/submit/thank-you/" in browser.current_url, browser.find_element(By.TAG_NAME, "main").text[:500]
    assert StorySubmission.objects.filter(group_name="Keyboard Gardeners").count() == 1


def test_a_resident_can_leave_a_comment_with_the_keyboard_alone(browser, demo_site):
    from consultations.models import Comment

    url = demo_site.url + "/consultations/five-year-review/"
    browser.get(url)
    send_with_keyboard(browser, "#comment-form form [type=submit]")
    assert_error_summary_has_focus_and_links_to_each_field(browser)
    browser.get(url)
    type_in(browser, "id_display_name", "Kim from Upton")
    type_in(browser, "id_email", "kim@example.org")
    type_in(browser, "id_text", "Please keep the drop-in sessions in the market towns.")
    tick(browser, "id_privacy_agreed")
    send_with_keyboard(browser, "#comment-form form [type=submit]")
    assert "/comment/sent/" in browser.current_url, browser.find_element(By.TAG_NAME, "main").text[:500]
    assert Comment.objects.filter(display_name="Kim from Upton").count() == 1


def test_story_filters_work_with_the_keyboard_alone(browser, demo_site):
    browser.get(demo_site.url + "/stories/")
    tab_to_field(browser, "id_theme")
    # A closed select changes its value with the arrow keys, as a keyboard user would.
    press(browser, Keys.DOWN)
    chosen = browser.switch_to.active_element.get_attribute("value")
    assert chosen
    send_with_keyboard(browser, "form.filters [type=submit]")
    assert f"theme={chosen}" in browser.current_url
    titles = [link.text for link in browser.find_elements(By.CSS_SELECTOR, "main .story-card__title a")]
    assert titles, "the filtered listing shows no story"


# Reflow, text size, motion -------------------------------------------------------------------

OVERFLOW_PROBLEMS = """
const viewport = document.documentElement.clientWidth;
const problems = [];
if (document.documentElement.scrollWidth > viewport) {
  problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px content in ${viewport}px`);
}
const describe = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
  (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "") +
  ` "${(el.textContent || "").trim().slice(0, 40)}"`;
for (const el of document.body.querySelectorAll("*")) {
  // Hidden on purpose: the skip link until focused, screen-reader-only text, the spam trap.
  if (el.closest(".govuk-visually-hidden, .visually-hidden, .govuk-skip-link, .hp, [hidden], script, style")) continue;
  const style = getComputedStyle(el);
  if (style.display === "none" || style.visibility === "hidden") continue;
  const rect = el.getBoundingClientRect();
  if (!rect.width && !rect.height) continue;
  // Wide data tables may scroll inside their own container (WCAG 1.4.10 allows it).
  const scroller = el.parentElement && el.parentElement.closest(".table-wrap, .table-scroll");
  if (scroller) continue;
  if (["hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
    problems.push(`${describe(el)} cuts off its content (${el.scrollWidth}px in ${el.clientWidth}px)`);
  }
  if (rect.right > viewport + 1 || rect.left < -1) {
    const where = `${Math.round(rect.left)}–${Math.round(rect.right)}px of ${viewport}px`;
    problems.push(`${describe(el)} runs outside the window (${where})`);
  }
}
return problems.slice(0, 20);
"""


REFLOW_PATHS = [
    "/",
    "/strategy/",
    "/pl/strategy/",
    "/search/?q=community",
    "/stories/example-repair-cafe/",
    "/consultations/five-year-review/",
    "/consultations/community-grants-example/",
]


def test_pages_reflow_at_320px_and_at_200_percent_text_without_sideways_scrolling(browser_defaults, demo_site):
    browser = browser_defaults
    failures = []
    for path in REFLOW_PATHS:
        for width, text_size in [(320, "100%"), (640, "200%"), (1280, "200%")]:
            browser.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            )
            browser.get(demo_site.url + path)
            browser.execute_script("document.documentElement.style.fontSize = arguments[0]", text_size)
            assert browser.execute_script("return window.innerWidth") == width
            problems = browser.execute_script(OVERFLOW_PROBLEMS)
            if problems:
                failures.append(f"{path} at {width}px with text at {text_size}:\n" + "\n".join(problems))
    assert not failures, "\n".join(failures)


def test_reduced_motion_preference_turns_off_smooth_scrolling_and_animation(browser_defaults, translated_site):
    browser = browser_defaults
    motion = (
        "return [getComputedStyle(document.documentElement).scrollBehavior,"
        " [...document.querySelectorAll('*')].every(el => {"
        "   const s = getComputedStyle(el);"
        "   return s.animationName === 'none' && s.transitionDuration.split(',').every(d => parseFloat(d) === 0);"
        " })];"
    )
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "no-preference"}]}
    )
    browser.get(translated_site.url + "/strategy/")
    assert browser.execute_script(motion)[0] == "smooth"
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]}
    )
    browser.get(translated_site.url + "/strategy/")
    assert browser.execute_script(motion) == ["auto", True]
