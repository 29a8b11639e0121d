"""WCAG 2.2 AA, checked in real headless Chromium.

Every page type and state in PAGES is loaded once, on one demo site built once for this
module (`checked_pages`), and then, without reloading, looked at 1280, 768, 390 and 320 px wide:
- no page scrolls sideways at any of those widths;
- axe-core (npm, pinned) at 1280 and at 390 px: any serious or critical violation fails the
  test; moderate and minor ones are printed and appended to var/axe-report.txt so they are
  seen and can be reasoned about;
- the HTML the server sent passes the W3C Nu HTML checker (npm vnu-jar), in one run.
Then: keyboard-only journeys with visible focus, reflow at 200% text size, and reduced motion.

To check a new page type, add a PageCase to PAGES (and, when it needs content the
loaders do not make, add it to the sample content).
"""

import json
import re
import subprocess
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .actions import next_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # One worker runs the whole file: its site or servers are built once and shared.
    pytest.mark.xdist_group("accessibility"),
]

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
    with next_page(browser):
        button.send_keys(Keys.ENTER)


def submit_comment_form_empty(browser):
    """The consultation page's own comment form, sent empty (not the first form in main)."""
    send_form_with(browser, browser.find_element(By.CSS_SELECTOR, "#comment-form form [type=submit]"))


def send_ballot_empty(browser):
    """The round page's ballot form, sent with nothing chosen and nothing typed."""
    send_form_with(browser, browser.find_element(By.CSS_SELECTOR, "main form[data-ballot] [type=submit]"))


# A sample draft application (sample_content/fund.py): its group signs in with its own address.
SAMPLE_DRAFT = "PMP-DEMO0103"
SAMPLE_DRAFT_EMAIL = "pmp-demo0103@example.org"


def send_application_step_empty(browser):
    """From the sign-in page (its `next` the step): sign in as the sample draft's group by the
    emailed link, which leads to the step; clear what it holds and send it, to show its errors."""
    if browser.find_elements(By.ID, "id_email"):
        browser.find_element(By.ID, "id_email").send_keys(SAMPLE_DRAFT_EMAIL)
        send_form_with(browser, browser.find_element(By.CSS_SELECTOR, "main form [type=submit]"))
        link = re.search(r"http://testserver(/fund/apply/sign-in/[^/\s]+/)", mail.outbox[-1].body).group(1)
        where = urlsplit(browser.current_url)
        browser.get(f"{where.scheme}://{where.netloc}{link}")
        WebDriverWait(browser, 10).until(lambda driver: "/sign-in/" not in driver.current_url)
    for text_field in browser.find_elements(By.CSS_SELECTOR, "main form input.govuk-input, main form textarea"):
        text_field.clear()
    send_form_with(browser, browser.find_element(By.CSS_SELECTOR, "main .govuk-button-group [type=submit]"))


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
    PageCase("directory", "/directory/"),
    PageCase("directory-searched", "/directory/?q=hall"),
    PageCase("directory-entry", "/directory/example-martley-village-hall/"),
    PageCase("directory-map", "/directory/map/"),
    PageCase("directory-group-sign-in-with-errors", "/directory/your-entries/sign-in/", submit_first_form_in_main),
    PageCase("volunteering", "/volunteering/"),
    PageCase("volunteering-opportunity", "/volunteering/adopt-a-street-malvern/"),
    PageCase("volunteering-interest-with-errors", "/volunteering/adopt-a-street-malvern/", submit_first_form_in_main),
    PageCase("events-upcoming", "/events/"),
    PageCase("events-filtered", "/events/?series=abcd-events"),
    PageCase("events-past", "/events/past/"),
    PageCase("event", "/events/abcd-whats-strong-in-malvern/"),
    PageCase("event-online", "/events/abcd-online-ripple-effect-mapping/"),
    PageCase("event-all-day", "/events/welland-community-open-day/"),
    PageCase("event-past", "/events/abcd-series-launch/"),
    PageCase("follow-form", "/follow/"),
    PageCase("follow-form-from-a-consultation", "/follow/?kind=consultation&key=all"),
    PageCase("follow-form-with-errors", "/follow/", submit_first_form_in_main),
    PageCase("fund", "/fund/"),
    PageCase("fund-round-open-for-applications", "/fund/round-2/"),
    PageCase("fund-round-voting-with-ballot", "/fund/autumn-vote/"),
    PageCase("fund-ballot-with-errors", "/fund/autumn-vote/", send_ballot_empty),
    PageCase("fund-round-decided-with-vote-results", "/fund/round-1/"),
    PageCase("fund-funded-project", "/fund/round-1/upton-community-orchard/"),
    PageCase("fund-group-sign-in", "/fund/apply/sign-in/"),
    PageCase("fund-group-sign-in-with-errors", "/fund/apply/sign-in/", submit_first_form_in_main),
    PageCase(
        "fund-application-step-with-errors",
        f"/fund/apply/sign-in/?next=/fund/apply/{SAMPLE_DRAFT}/project/",
        send_application_step_empty,
    ),
    PageCase(
        "fund-budget-step-with-errors",
        f"/fund/apply/sign-in/?next=/fund/apply/{SAMPLE_DRAFT}/budget/",
        send_application_step_empty,
    ),
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


def map_markers_only(violation):
    """A target-size finding about the directory map's markers alone.

    Markers of entries a few streets apart can sit closer than 24 px however the map is zoomed.
    WCAG 2.2's target-size criterion (2.5.8) excepts a target whose function another control on
    the same page offers at full size: every marker's entry is a link in the list below the map
    (directory/templates/directory/map.html), which this sweep checks like any page.
    """
    return violation["id"] == "target-size" and all(
        "leaflet-marker-icon" in node["target"] for node in violation["nodes"]
    )


def serious_violations_here(browser, axe_source, name, path):
    """Run axe on the page as it is: return its serious or critical violations, record the others."""
    violations = [v for v in run_axe(browser, axe_source) if not map_markers_only(v)]
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    others = [v for v in violations if v["impact"] not in FAILING_IMPACTS]
    if others:
        REPORT.parent.mkdir(exist_ok=True)
        with REPORT.open("a", encoding="utf-8") as report:
            report.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {name} ({path})\n")
            report.write("\n".join(describe(v) for v in others) + "\n")
        # Shown with -s or -rP; kept in the report file either way.
        print(f"\naxe on {name}: {len(others)} moderate/minor finding(s) recorded in {REPORT}")  # noqa: T201
        print("\n".join(describe(v) for v in others))  # noqa: T201
    return failing


# Every page type at every width, on one demo site -------------------------------------------

# Widest first: each page is loaded at 1280 px, then narrowed without reloading, so the states
# reached by sending a form are seen at every width too.
WIDTHS = [1280, 768, 390, 320]
# axe at every width too (issue #16): a phone layout can hide a control or shrink a target.
AXE_WIDTHS = WIDTHS

# How far the page reaches to the right, and, when it is wider than the window, the element
# that reaches furthest (the outermost one, in document order) among those not clipped by a
# scrolling or clipping container (a wide table in a `.table-scroll` region may scroll there).
SIDEWAYS_SCROLL = """
const html = document.documentElement;
const viewport = html.clientWidth;
if (html.scrollWidth <= viewport) return null;
const clipped = el => {
  for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
    if (getComputedStyle(parent).overflowX !== "visible") return true;
  }
  return false;
};
let widest = null, right = -Infinity;
for (const el of document.body.querySelectorAll("*")) {
  const rect = el.getBoundingClientRect();
  if (rect.width <= 1 || rect.right <= viewport || rect.right <= right + 0.5 || clipped(el)) continue;
  widest = el;
  right = rect.right;
}
const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
  (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "");
const path = [];
for (let el = widest; el && el !== document.body && path.length < 4; el = el.parentElement) path.unshift(name(el));
// The last element inside it that reaches as far: usually the one that pushes it out.
let innermost = null;
for (const el of widest ? widest.querySelectorAll("*") : []) {
  const rect = el.getBoundingClientRect();
  if (rect.width > 1 && rect.right >= right - 0.5 && !clipped(el)) innermost = el;
}
return {
  scrollWidth: html.scrollWidth, viewport: viewport,
  element: widest ? path.join(" > ") : "(none found: a pseudo-element or a transform?)",
  innermost: innermost ? name(innermost) : "",
  right: Math.round(right), text: widest ? (widest.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60) : "",
};
"""

# Resolves once the browser has laid the page out again and run its media-query listeners
# (GOV.UK Frontend's service navigation swaps to its "Menu" button below 40em).
SETTLE = (
    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));"
)


@dataclass
class CheckedPages:
    """What `checked_pages` saw: per width, the pages that scroll sideways and axe's serious or
    critical violations; the HTML the server sent for each page."""

    sideways: dict = field(default_factory=lambda: {width: [] for width in WIDTHS})
    axe: dict = field(default_factory=lambda: {width: [] for width in AXE_WIDTHS})
    html: dict = field(default_factory=dict)
    # Pages the browser could not load or get into their state: every check fails with them.
    errors: list = field(default_factory=list)
    seconds: float = 0.0

    def failures(self, found):
        return [f"{error} (so not checked)" for error in self.errors] + found


@contextmanager
def served_html():
    """Keep the HTML the server sends (the live server runs in this process): the HTML checker
    reads what the browser received, including pages reached by sending a form."""
    served = []
    original = BaseHandler.get_response

    def get_response(handler, request):
        response = original(handler, request)
        if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
            served.append((request.get_full_path(), response.content))
        return response

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseHandler, "get_response", get_response)
        yield served


def build_demo_site():
    """The site as `make run` builds it: the strategy, the apps' samples and the sample translations."""
    from sample_content.loader import load_sample_content
    from sample_content.translations import load_sample_translations

    load_sample_translations(load_sample_content())
    publish_demo_alerts()


def publish_demo_alerts():
    """An emergency and a warning in force, so every page is checked with the alerts' banner on it."""
    from alerts.factories import AlertFactory, publish
    from alerts.models import Alert
    from strategy.models import Place

    emergency = AlertFactory(
        severity=Alert.Severity.EMERGENCY,
        title="Severe flood warning: River Severn at Upton",
        text="Danger to life. Move to higher ground now and follow the advice of the emergency services.",
        link_url="https://check-for-flooding.service.gov.uk/",
    )
    emergency.places.set(Place.objects.filter(slug="upton-upon-severn", locale__language_code="en"))
    publish(emergency)
    publish(AlertFactory(title="Water supply interrupted in Malvern Wells", text="Bottled water at the village hall."))


@contextmanager
def module_database(django_db_blocker):
    """The database for one module-wide build, left the way a transactional test leaves it.

    pytest-django gives each test its own database state; building the demo site for each
    width and check would cost most of the run. So this starts where every transactional test
    starts (the content the migrations made, restored from pytest-django's serialized copy),
    and ends as each one ends (flushed), so the tests before and after see no difference.
    """
    connection = connections["default"]
    with django_db_blocker.unblock():
        if getattr(connection, "_test_serialized_contents", None):
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
            # The restored rows keep their ids; on PostgreSQL the sequences must move past them,
            # or the demo site's first new page takes id 1 again.
            with connection.cursor() as cursor:
                models = connection.introspection.installed_models(connection.introspection.table_names(cursor))
                for statement in connection.ops.sequence_reset_sql(no_style(), list(models)):
                    cursor.execute(statement)
        cache.clear()
        try:
            yield
        finally:
            cache.clear()
            # As a transactional test ends: emptied, sequences left where they are.
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database="default",
                inhibit_post_migrate=True,
                reset_sequences=False,
            )


# Session-wide, not module-wide: what it returns is plain data (the site is flushed once checked),
# and a worker that runs another file's tests between two of these would otherwise build it again.
@pytest.fixture(scope="session")
def checked_pages(django_db_setup, django_db_blocker, live_server, browser, axe_source):
    """Every case in PAGES loaded once on one demo site, looked at each width in WIDTHS."""
    started = time.monotonic()
    checked = CheckedPages()
    with module_database(django_db_blocker), served_html() as served:
        live_server._live_server_modified_settings.enable()
        try:
            build_demo_site()
            for case in PAGES:
                try:
                    check_page_at_every_width(browser, axe_source, live_server.url, case, checked, served)
                except (WebDriverException, AssertionError) as error:
                    checked.errors.append(f"{case.name} ({case.path}): {type(error).__name__}: {error}"[:500])
        finally:
            live_server._live_server_modified_settings.disable()
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            browser.get("about:blank")
    checked.seconds = time.monotonic() - started
    print(f"\nchecked_pages: {len(PAGES)} pages at {WIDTHS} px in {checked.seconds:.1f} s")  # noqa: T201
    return checked


def set_width(browser, width):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}
    )
    browser.set_script_timeout(10)
    browser.execute_async_script(SETTLE)


def check_page_at_every_width(browser, axe_source, base_url, case, checked, served):
    set_width(browser, WIDTHS[0])
    served.clear()
    browser.get(base_url + case.path)
    if case.before_check:
        case.before_check(browser)
    where = urlsplit(browser.current_url)
    full_path = where.path + (f"?{where.query}" if where.query else "")
    sent = [content for path, content in served if path == full_path]
    checked.html[case.name] = sent[-1] if sent else None
    for width in WIDTHS:
        set_width(browser, width)
        assert browser.execute_script("return window.innerWidth") == width
        overflow = browser.execute_script(SIDEWAYS_SCROLL)
        if overflow:
            checked.sideways[width].append(
                f"{case.name} ({case.path}) at {width}px: the page is {overflow['scrollWidth']}px wide in a "
                f"{overflow['viewport']}px window; widest: {overflow['element']} reaches {overflow['right']}px"
                f' ("{overflow["text"]}")'
                + (f", and inside it {overflow['innermost']}" if overflow["innermost"] else "")
            )
        if width in AXE_WIDTHS:
            failing = serious_violations_here(browser, axe_source, f"{case.name} at {width}px", case.path)
            if failing:
                checked.axe[width].append(
                    f"{case.name} ({case.path}) at {width}px:\n" + "\n".join(describe(v) for v in failing)
                )


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(checked_pages, width):
    """`document.documentElement.scrollWidth` within the window for every case in PAGES."""
    failures = checked_pages.failures(checked_pages.sideways[width])
    assert not failures, f"{len(failures)} page(s) scroll sideways at {width}px:\n" + "\n".join(failures)


@pytest.mark.parametrize("width", AXE_WIDTHS)
def test_every_page_type_has_no_serious_or_critical_accessibility_violations(checked_pages, width):
    """axe on every case in PAGES; all pages are checked before failing, and the failure names
    every page and violation."""
    failures = checked_pages.failures(checked_pages.axe[width])
    assert not failures, f"axe found serious or critical violations at {width}px on:\n" + "\n".join(failures)


# The error pages that stand alone (no base.html, no database), checked beside PAGES.
STANDALONE_TEMPLATES = {"server-error": "500.html", "database-outage": "503.html"}

# The checker's messages that are not errors in this site's HTML (a part of the message: the
# reason). None with vnu 26.9.27: it accepts even GOV.UK Frontend's `focusable="false"` on
# decorative SVGs (its pagination, button and footer markup, and the logo here).
VNU_FALSE_POSITIVES = {}


def test_every_page_type_is_valid_html(checked_pages, vnu_command, tmp_path):
    """The W3C Nu HTML checker on the HTML the server sent for every case in PAGES, in one run."""
    from django.template.loader import render_to_string

    assert not checked_pages.errors, "\n".join(checked_pages.failures([]))
    not_seen = [name for name, html in checked_pages.html.items() if html is None]
    assert not not_seen, f"the server's HTML was not seen for {not_seen}"
    for name, html in checked_pages.html.items():
        (tmp_path / f"{name}.html").write_bytes(html)
    for name, template in STANDALONE_TEMPLATES.items():
        (tmp_path / f"{name}.html").write_text(render_to_string(template), encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--exit-zero-always", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    print(f"\nvnu: {len(list(tmp_path.iterdir()))} pages in {time.monotonic() - started:.1f} s")  # noqa: T201
    # The checker writes its report to standard error.
    report = json.loads(result.stderr or result.stdout or "{}")
    assert "messages" in report, f"the checker did not report: {result.stdout[-2000:]} {result.stderr[-2000:]}"
    errors = []
    for message in report["messages"]:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        if any(ignored in message.get("message", "") for ignored in VNU_FALSE_POSITIVES):
            continue
        page = Path(urlsplit(message.get("url", "")).path).stem
        where = f"line {message['lastLine']}" if "lastLine" in message else "the file"
        extract = (message.get("extract") or "").strip().replace("\n", " ")[:120]
        errors.append(f"{page} ({where}): {message.get('message')}\n      {extract}")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


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


def test_on_a_phone_the_menu_button_opens_the_navigation_with_the_keyboard(browser_defaults, translated_site):
    """Below 40em GOV.UK Frontend's service navigation hides its links behind a "Menu" button:
    it is reached by Tab with visible focus, says whether it is open, and opens with Enter."""
    browser = browser_defaults
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 900, "deviceScaleFactor": 1, "mobile": False}
    )
    browser.get(translated_site.url + "/")
    menu = browser.find_element(By.CSS_SELECTOR, ".govuk-service-navigation__toggle")
    links = browser.find_elements(By.CSS_SELECTOR, ".govuk-service-navigation__link")
    assert menu.is_displayed()
    assert menu.get_attribute("aria-expanded") == "false"
    assert not any(link.is_displayed() for link in links), "the navigation is open before the button is pressed"
    passed = tab_until(browser, lambda element: element == menu)
    assert not any(element in links for element in passed), "Tab reached a hidden navigation link"
    assert_focus_is_visible_and_keep_it(browser)
    press(browser, Keys.ENTER)
    assert menu.get_attribute("aria-expanded") == "true"
    assert all(link.is_displayed() for link in links)
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element == links[0]
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
    with next_page(browser):
        press(browser, Keys.ENTER)


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
  const scroller = el.parentElement && el.parentElement.closest(".table-scroll, .table-wrap");
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
    """Stricter than test_no_page_scrolls_sideways on a few long pages: nothing clipped, nothing
    off the left edge, and text at 200% (WCAG 1.4.4; at 640 px, like 320 px zoomed to 200%)."""
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
