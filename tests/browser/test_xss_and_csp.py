"""In real Chromium: injected payloads never run, and no page breaks its Content-Security-Policy.

1. Payloads go in through the public forms as a resident types them; a moderator signs in
   to the admin and opens every screen that shows them (dashboard, page edit with its
   preview panel, draft preview, workflow history, submission and comment screens), then
   the public pages after publication. The payloads set window.__xss, change the title or
   call alert(): none of that may happen on any page or frame.
2. A listener attached before any page script (CDP Page.addScriptToEvaluateOnNewDocument)
   records `securitypolicyviolation` events, and Chrome's console log is read for CSP
   messages, on the public pages and the Wagtail admin. There must be none.
"""

import re
import time

from django.core import mail

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.security.xss import PAYLOADS

from .actions import click, open_page, sign_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-password-for-tests-1"

# Records CSP violations in the top window (frames of the same origin report there too).
CSP_LISTENER = """
(() => {
  let sink = window;
  try { if (window.top.location.origin === window.location.origin) { sink = window.top; } } catch (error) {}
  sink.__cspViolations = sink.__cspViolations || [];
  const violations = sink.__cspViolations;
  document.addEventListener("securitypolicyviolation", (event) => {
    violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
      + `(${event.sourceFile || window.location.pathname}:${event.lineNumber}) in ${window.location.pathname}`);
  });
})();
"""

# Did any payload run, in the page or in any of its frames?
SCRIPT_RAN = """
const windows = [window, ...Array.from(document.querySelectorAll("iframe"), (frame) => frame.contentWindow)];
return windows.filter(Boolean).flatMap((w) => {
  try {
    const signs = [];
    if (w.__xss !== undefined) signs.push("window.__xss was set in " + w.location.pathname);
    if (w.document.title === "XSS") signs.push("the title was changed in " + w.location.pathname);
    return signs;
  } catch (error) { return []; }
});
"""


@pytest.fixture
def site(live_server):
    from django.contrib.auth.models import Group, User

    from core.staff_roles import MODERATORS
    from home.loader import load_site
    from sample_content.consultations import load_demo_consultations
    from sample_content.pledges import load_demo_pledges
    from sample_content.stories import load_demo_stories

    home = load_site()
    load_demo_pledges(home)
    load_demo_stories(home)
    load_demo_consultations(home)
    moderator = User.objects.create_user("moderator", "mod@council.example", PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    User.objects.create_superuser("editor", "editor@council.example", PASSWORD)
    return live_server


@pytest.fixture
def signed_out(browser):
    """The session's browser, with no admin session left behind for the next test."""
    browser.delete_all_cookies()
    yield browser
    browser.get("about:blank")
    browser.delete_all_cookies()


def set_field(browser, field_id, value):
    """Put the text in the field as a paste would, then let the form send it."""
    field = browser.find_element(By.ID, field_id)
    browser.execute_script("arguments[0].value = arguments[1]", field, value)


def scripts_that_ran(browser, where):
    time.sleep(0.3)  # let handlers that fire on load or on focus (onerror, autofocus) have their turn
    found = [f"{sign} ({where})" for sign in browser.execute_script(SCRIPT_RAN)]
    try:
        alert = browser.switch_to.alert
        found.append(f"an alert opened: {alert.text!r} ({where})")
        alert.dismiss()
    except NoAlertPresentException:
        pass
    return found


# 1. Payloads through the real forms, then every screen that shows them ------------------------------

STORY_FIELDS = {
    "id_group_name": '"><img src=x onerror=window.__xss=1>',
    "id_contact_name": "</title><script>window.__xss=1</script>",
    "id_title": "<svg/onload=window.__xss=1> <script>document.title='XSS'</script>",
}
# Accepted by the comment form (no tags), so they reach the public page and the moderators.
COMMENT_NAME = "' onmouseover='window.__xss=1"
COMMENT_TEXT = '" autofocus onfocus="window.__xss=1" x=" {{7*7}} \';window.__xss=1;//'


def test_payloads_sent_through_the_public_forms_never_run_for_residents_or_moderators(site, signed_out):
    from consultations.models import Comment, ConsultationPage
    from consultations.moderation import approve
    from stories.models import StorySubmission

    browser = signed_out
    ran = []

    # A group sends a story with payloads in every text field, and the whole corpus as its body.
    open_page(browser, site.url + "/stories/submit/")
    for field_id, payload in STORY_FIELDS.items():
        set_field(browser, field_id, payload)
    set_field(browser, "id_contact_email", "group@example.org")
    set_field(browser, "id_story", "\n\n".join(p for p in PAYLOADS if "\x00" not in p))
    click(browser, browser.find_element(By.CSS_SELECTOR, "label[for=id_consent_to_publish]"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "form.story-form button[type=submit]"))
    WebDriverWait(browser, 15).until(lambda driver: "/thank-you/" in driver.current_url)
    ran += scripts_that_ran(browser, "story thank-you page")
    # The check itself notices a script that ran.
    browser.execute_script("window.__xss = 1")
    assert scripts_that_ran(browser, "self-check") == [
        "window.__xss was set in /stories/submit/thank-you/"
        + browser.current_url.split("/thank-you/")[1]
        + " (self-check)"
    ]
    submission = StorySubmission.objects.select_related("page").get(contact_email="group@example.org")

    # A resident comments: markup is refused and shown back; then a comment that is accepted.
    consultation = ConsultationPage.objects.get(slug="five-year-review")
    open_page(browser, site.url + consultation.url)
    set_field(browser, "id_display_name", "Robin")
    set_field(browser, "id_email", "robin@example.org")
    set_field(browser, "id_text", "<img src=x onerror=window.__xss=1> <script>window.__xss=1</script>")
    click(browser, browser.find_element(By.ID, "id_privacy_agreed"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "#comment-form button[type=submit]"))
    WebDriverWait(browser, 15).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".govuk-error-summary"))
    )
    ran += scripts_that_ran(browser, "comment form refused and shown back")
    set_field(browser, "id_display_name", COMMENT_NAME)
    set_field(browser, "id_text", COMMENT_TEXT)
    if not browser.find_element(By.ID, "id_privacy_agreed").is_selected():
        click(browser, browser.find_element(By.ID, "id_privacy_agreed"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "#comment-form button[type=submit]"))
    WebDriverWait(browser, 15).until(
        expected_conditions.url_contains("/comment/sent/"),
        message=lambda: browser.find_element(By.TAG_NAME, "main").text[:1500],
    )
    link = re.search(r"http://testserver(/consultations/confirm/[^/\s]+/)", mail.outbox[-1].body).group(1)
    open_page(browser, site.url + link)
    click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Yes, confirm my comment']"))
    WebDriverWait(browser, 15).until(
        expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Your comment is confirmed")
    )
    ran += scripts_that_ran(browser, "comment confirmation page")
    comment = Comment.objects.get(email="robin@example.org", display_name=COMMENT_NAME)

    # Search shows the query back.
    for payload in ('"><script>window.__xss=1</script>', "<img src=x onerror=window.__xss=1>"):
        open_page(browser, site.url + "/search/?q=" + payload.replace("=", "%3D"))
        ran += scripts_that_ran(browser, f"search for {payload}")

    # A moderator reviews everything in the admin.
    sign_in_to_admin(browser, site.url, "moderator", PASSWORD)
    page = submission.page
    screens = {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{page.get_parent().pk}/",
        "page edit view": f"/admin/pages/{page.pk}/edit/",
        "draft preview": f"/admin/pages/{page.pk}/view_draft/",
        "workflow history": f"/admin/pages/{page.pk}/workflow_history/",
        "page history": f"/admin/pages/{page.pk}/history/",
        "submissions listing": "/admin/snippets/stories/storysubmission/",
        "submission inspect view": f"/admin/snippets/stories/storysubmission/inspect/{submission.pk}/",
        "comment moderation queue": "/admin/snippets/consultations/comment/",
        "comment edit view": f"/admin/snippets/consultations/comment/edit/{comment.pk}/",
        "comment inspect view": f"/admin/snippets/consultations/comment/inspect/{comment.pk}/",
    }
    for name, path in screens.items():
        open_page(browser, site.url + path)
        assert "/admin/login/" not in browser.current_url, name
        ran += scripts_that_ran(browser, name)
        if name == "page edit view":
            # The live preview panel renders the draft inside the editor.
            click(browser, browser.find_element(By.CSS_SELECTOR, "[data-side-panel-toggle='preview']"))
            WebDriverWait(browser, 15).until(
                lambda driver: driver.execute_script(
                    "const frame = document.querySelector('iframe[data-w-preview-target=iframe]');"
                    "return !!(frame && frame.contentDocument && frame.contentDocument.readyState === 'complete'"
                    " && frame.contentDocument.querySelector('h1'));"
                )
            )
            ran += scripts_that_ran(browser, "preview panel")

    # Published: the public story page and the consultation with the approved comment.
    page.get_latest_revision().publish()
    approve([comment], None)
    browser.delete_all_cookies()
    page.refresh_from_db()
    for name, url in (("published story", page.url), ("consultation page", consultation.url)):
        open_page(browser, site.url + url)
        ran += scripts_that_ran(browser, name)
    assert COMMENT_NAME in browser.find_element(By.TAG_NAME, "main").text

    assert ran == [], "\n".join(ran)


# 2. No Content-Security-Policy violation on the public pages or in the admin --------------------------

PUBLIC_PAGES = [
    "/",
    "/strategy/",
    "/strategy/healthier/",
    "/stories/",
    "/stories/example-repair-cafe/",
    "/stories/submit/",
    "/pledges/",
    "/pledges/reduce-loneliness/",
    "/pledges/review/2025/",
    "/consultations/",
    "/consultations/five-year-review/",
    "/consultations/community-grants-example/",
    "/search/?q=community",
    "/your-data/",
]


def admin_pages():
    """Dashboard, explorer, the edit view of one page of every type, snippets, images, workflows, reports."""
    from wagtail.images import get_image_model
    from wagtail.models import Page, Workflow, get_page_models

    from stories.models import StoryPage
    from strategy.models import Theme

    pages = ["/admin/", "/admin/pages/", f"/admin/pages/{Page.objects.get(depth=2).pk}/"]
    for model in get_page_models():
        page = model.objects.filter(locale__language_code="en").first() if model is not Page else None
        if page is not None:
            pages.append(f"/admin/pages/{page.pk}/edit/")
    story = StoryPage.objects.first()
    pages += [
        f"/admin/pages/{story.pk}/view_draft/",
        f"/admin/pages/{story.pk}/history/",
        "/admin/snippets/",
        "/admin/snippets/strategy/theme/",
        f"/admin/snippets/strategy/theme/edit/{Theme.objects.first().pk}/",
        "/admin/snippets/consultations/comment/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/workflows/list/",
        f"/admin/workflows/edit/{Workflow.objects.first().pk}/",
        "/admin/workflows/tasks/index/",
        "/admin/reports/workflow/",
        "/admin/reports/site-history/",
        "/admin/pages/search/?q=community",
    ]
    image = get_image_model().objects.first()
    if image is not None:
        pages.append(f"/admin/images/{image.pk}/")
    return pages


def csp_messages_in_console(browser):
    return [entry["message"] for entry in browser.get_log("browser") if "Content Security Policy" in entry["message"]]


@pytest.fixture
def csp_listener(signed_out):
    browser = signed_out
    script = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER})
    browser.get_log("browser")  # start from an empty console
    yield browser
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def violations_on(browser, url):
    open_page(browser, url)
    time.sleep(0.3)  # admin widgets finish setting themselves up after load
    found = browser.execute_script("return window.__cspViolations || null")
    assert found is not None, f"the CSP listener was not attached on {url}"
    return [f"{url}: {violation}" for violation in found + csp_messages_in_console(browser)]


def test_no_page_logs_a_content_security_policy_violation(site, csp_listener):
    browser = csp_listener
    violations = []
    for path in PUBLIC_PAGES:
        violations += violations_on(browser, site.url + path)

    sign_in_to_admin(browser, site.url, "editor", PASSWORD)
    for path in admin_pages():
        violations += violations_on(browser, site.url + path)
    # The page editor with its live preview panel open.
    story_edit = next(path for path in admin_pages() if path.endswith("/edit/") and "pages" in path)
    open_page(browser, site.url + story_edit)
    click(browser, browser.find_element(By.CSS_SELECTOR, "[data-side-panel-toggle='preview']"))
    time.sleep(1.5)
    violations += [f"preview panel: {v}" for v in browser.execute_script("return window.__cspViolations")]
    # Public pages while signed in carry Wagtail's user bar.
    for path in ("/", "/stories/example-repair-cafe/"):
        violations += violations_on(browser, site.url + path)

    assert violations == [], "\n".join(violations)

    # The listener itself notices a violation: an image from another site on a public page.
    browser.delete_all_cookies()
    open_page(browser, site.url + "/")
    browser.execute_script(
        "const image = new Image(); image.src = 'https://evil.example/x.png'; document.body.append(image)"
    )
    WebDriverWait(browser, 5).until(lambda driver: driver.execute_script("return window.__cspViolations.length"))
    assert "img-src" in browser.execute_script("return window.__cspViolations[0]")
