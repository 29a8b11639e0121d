"""The People Make Places Fund from end to end, in real headless Chromium.

One test, one site: a community group applies (leaving half way and coming back), staff
check, assess and shortlist it in the Wagtail admin, an officer publishes its project page,
a resident votes, the panel records the vote's results, and an editor publishes a story about
the funded project. Every step a person takes goes through the real pages, forms and buttons;
the ORM only builds the round and the staff accounts, and moves the round's dates between
phases (which stands for the weeks passing between them).
"""

import re
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.core import mail
from django.utils import timezone

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from .actions import button, click, click_and_wait, field, heading, label, link, open_page, sign_in_to_admin, xpath_text

# serialized_rollback: migrations made the root page, locale, groups and workflow; keep them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GROUP_EMAIL = "benches@example.org"
VOTER_EMAIL = "resident@example.org"
PASSWORD = "a long enough password"
PROJECT_TITLE = "Benches along the Kempsey walk"


def minimal_pdf():
    """A small PDF a reader can open: header, two objects, a cross-reference table and a trailer."""
    body = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    body += b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
    body += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return body


@pytest.fixture
def constitution_pdf():
    folder = Path(tempfile.mkdtemp(prefix="cc-fund-journey-"))
    path = folder / "constitution.pdf"
    path.write_bytes(minimal_pdf())
    yield str(path)
    path.unlink()
    folder.rmdir()


@pytest.fixture
def fund_site(live_server):
    """The real site with the stories index, the fund, one open round with a vote, and staff."""
    from django.contrib.auth.models import Group, User

    from core.staff_roles import COMMUNICATIONS_TEAM, apply_staff_roles
    from fund.factories import FundPageFactory, FundRoundPageFactory, PriorityFactory
    from fund.models import AssessmentCriterion
    from fund.staff_roles import ASSESSORS, FUND_OFFICERS, PANEL_MEMBERS
    from home.loader import load_site
    from sample_content.stories import load_demo_stories

    home = load_site()
    load_demo_stories(home)
    fund = FundPageFactory(parent=home)
    fund.save_revision().publish()
    now = timezone.now()
    round_page = FundRoundPageFactory(
        parent=fund,
        title="Round three: spring",
        slug="round-three",
        budget=Decimal("20000"),
        opens_at=now - timedelta(days=7),
        closes_at=now + timedelta(days=21),
        voting_opens_at=now + timedelta(days=35),
        voting_closes_at=now + timedelta(days=49),
        decisions_on=now + timedelta(days=60),
    )
    round_page.priorities.set([PriorityFactory(name="Places: investment for local communities", slug="places")])
    for order, name in enumerate(["Community benefit", "Deliverability"]):
        AssessmentCriterion.objects.create(round=round_page, name=name, max_score=5, sort_order=order)
    round_page.save_revision().publish()
    apply_staff_roles()  # the fund page exists now: the fund officers' page permissions
    for username, name, group in [
        ("officer", "Olu Officer", FUND_OFFICERS),
        ("assessor", "Asha Patel", ASSESSORS),
        ("panel", "Pat Panel", PANEL_MEMBERS),
        ("editor", "Eden Editor", COMMUNICATIONS_TEAM),
    ]:
        first_name, last_name = name.split()
        user = User.objects.create_user(
            username, f"{username}@council.example", PASSWORD, first_name=first_name, last_name=last_name
        )
        user.groups.add(Group.objects.get(name=group))
    return live_server, round_page


def move_round_dates(round_page, **dates):
    """Time passing between phases: the round's dates move so that 'now' is in the next phase."""
    from fund.models import FundRoundPage

    FundRoundPage.objects.filter(pk=round_page.pk).update(**dates)
    round_page.refresh_from_db()


# Browser helpers -------------------------------------------------------------------------------


def type_into(browser, label_text, text):
    element = field(browser, label_text)
    element.clear()
    element.send_keys(text)


def main_text(browser):
    return browser.find_element(By.TAG_NAME, "main").text


def last_link_in_mail(pattern, to):
    """The newest email to `to` with a link matching `pattern`; the path of that link on the live server."""
    for message in reversed(mail.outbox):
        if to in message.to:
            found = re.search(r"http://testserver(" + pattern + r")", message.body)
            if found:
                return found.group(1)
    raise AssertionError(f"no email to {to} with a link like {pattern}: {[m.subject for m in mail.outbox]}")


def sign_in_to_group_area(browser, base_url):
    """From the sign-in page the site sent us to: ask for a link, then follow the emailed one."""
    assert heading(browser) == "Sign in to apply to the fund"
    type_into(browser, "Email address", GROUP_EMAIL)
    click_and_wait(browser, button(browser, "Email me a sign-in link"))
    assert heading(browser) == "Check your email"
    open_page(browser, base_url + last_link_in_mail(r"/fund/apply/sign-in/[^/\s]+/", GROUP_EMAIL))


def admin_message(browser):
    return (
        WebDriverWait(browser, 10)
        .until(expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, ".messages li")))
        .text
    )


def publish_in_page_editor(browser):
    """The editor's footer: open the actions menu beside "Save draft" and choose Publish."""
    toggle = browser.find_element(By.CSS_SELECTOR, "footer .w-dropdown__toggle")
    click(browser, toggle)
    publish = WebDriverWait(browser, 10).until(
        expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "footer button[name=action-publish]"))
    )
    click_and_wait(browser, publish)


def application_inspect_url(application):
    return f"/admin/snippets/fund/application/inspect/{application.pk}/"


# The journey -----------------------------------------------------------------------------------


def test_a_group_applies_staff_decide_residents_vote_and_the_funded_project_gets_its_story(
    browser, fund_site, constitution_pdf
):
    from fund.models import Application, Ballot, ProjectPage

    started = time.monotonic()
    site, round_page = fund_site
    base = site.url
    browser.delete_all_cookies()

    # 1. A round is open: a group finds it and starts an application, signing in by emailed link.
    open_page(browser, base + "/fund/")
    click_and_wait(browser, link(browser, "Round three: spring"))
    assert "Open for applications" in main_text(browser)
    click_and_wait(browser, link(browser, "Start an application"))
    assert "/fund/apply/sign-in/" in browser.current_url
    sign_in_to_group_area(browser, base)
    assert heading(browser) == "Apply to Round three: spring"
    click_and_wait(browser, button(browser, "Start your application"))

    # Step 1, about the group.
    assert heading(browser) == "About your group"
    type_into(browser, "Your group's name", "Kempsey Walking Group")
    click(browser, label(browser, "Constituted community group"))
    click_and_wait(browser, button(browser, "Save and continue"))

    # Step 2, the project.
    assert heading(browser) == "Your project"
    type_into(browser, "Your project's title", PROJECT_TITLE)
    type_into(browser, "What will your project do?", "Six benches along the village walking route, for rests.")
    click(browser, label(browser, "Places: investment for local communities"))
    click_and_wait(browser, button(browser, "Save and continue"))
    assert heading(browser) == "Your budget"

    # The group leaves here (signing out), and comes back another day through its area.
    click_and_wait(browser, link(browser, "Come back later (your answers so far are saved)"))
    assert heading(browser) == "Your applications"
    click_and_wait(browser, button(browser, "Sign out"))
    browser.delete_all_cookies()
    open_page(browser, base + "/fund/apply/")
    sign_in_to_group_area(browser, base)
    assert heading(browser) == "Your applications"
    card = browser.find_element(
        By.XPATH, f"//div[contains(@class, 'govuk-summary-card')][.//h3[normalize-space()='{PROJECT_TITLE}']]"
    )
    assert "Draft" in card.text
    click_and_wait(browser, card.find_element(By.PARTIAL_LINK_TEXT, "Continue"))
    # Where it left off: the budget, with the earlier steps' answers kept.
    assert heading(browser) == "Your budget"
    assert "Step 3 of 5" in main_text(browser)

    # Step 3, the budget: first with lines that do not add up to the amount asked for.
    type_into(browser, "How much are you asking for, in pounds?", "4500")
    type_into(browser, "Line 1: what it pays for", "Six oak benches")
    type_into(browser, "Line 1: cost, in pounds", "3200")
    click_and_wait(browser, button(browser, "Add another line"))
    type_into(browser, "Line 2: what it pays for", "Installation")
    type_into(browser, "Line 2: cost, in pounds", "1000")
    click_and_wait(browser, button(browser, "Save and continue"))
    summary = browser.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "Your budget lines add up to £4,200.00, but you are asking for £4,500.00" in summary.text
    assert browser.title.startswith("Error:")
    # Everything typed is still there.
    assert field(browser, "How much are you asking for, in pounds?").get_attribute("value") == "4500"
    assert field(browser, "Line 1: what it pays for").get_attribute("value") == "Six oak benches"
    assert field(browser, "Line 2: cost, in pounds").get_attribute("value") == "1000"
    type_into(browser, "Line 2: cost, in pounds", "1300")
    click_and_wait(browser, button(browser, "Save and continue"))

    # Step 4, a supporting document.
    assert heading(browser) == "Supporting documents"
    field(browser, "Upload a file").send_keys(constitution_pdf)
    click_and_wait(browser, button(browser, "Upload file"))
    assert "Your file was uploaded." in main_text(browser)
    assert "constitution.pdf" in main_text(browser)
    click_and_wait(browser, button(browser, "Save and continue"))

    # Step 5, the declarations.
    assert heading(browser) == "Declarations"
    for text in (
        "The information in this application is true and complete",
        "Our group will manage the grant and report how it is spent",
        "I have read the privacy notice and know how the council uses this information",
    ):
        click(browser, label(browser, text))
    click_and_wait(browser, button(browser, "Save and continue"))

    # Check the answers, then send.
    assert heading(browser) == "Check your answers before sending your application"
    answers = main_text(browser)
    for answer in ("Kempsey Walking Group", PROJECT_TITLE, "£4,500", "Six oak benches", "constitution.pdf"):
        assert answer in answers, answer
    click_and_wait(browser, button(browser, "Accept and send"))
    assert heading(browser).startswith("Application sent")
    application = Application.objects.get(group_email=GROUP_EMAIL)
    assert application.reference in main_text(browser)
    assert application.state == Application.State.SUBMITTED
    assert application.budget_total() == Decimal("4500")
    assert [line.item for line in application.budget_lines.all()] == ["Six oak benches", "Installation"]
    assert application.documents.get().original_name == "constitution.pdf"
    click_and_wait(browser, link(browser, "Back to your applications"))
    click_and_wait(browser, button(browser, "Sign out"))

    # The round closes for applications (its dates move: the weeks pass).
    now = timezone.now()
    move_round_dates(round_page, opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=1))

    # 2. A fund officer checks it is eligible.
    sign_in_to_admin(browser, base, "officer", PASSWORD)
    open_page(browser, base + "/admin/snippets/fund/application/")
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, application.reference))
    assert "/inspect/" in browser.current_url
    click_and_wait(browser, link(browser, "Check eligibility"))
    click(browser, label(browser, "Eligible: the assessors score it"))
    type_into(browser, "Notes on eligibility", "A constituted group working in the district.")
    click_and_wait(browser, button(browser, "Record eligibility"))
    assert f"Eligibility recorded for {application.reference}." in admin_message(browser)
    application.refresh_from_db()
    assert application.state == Application.State.ELIGIBLE

    # 3. An assessor adds a scored assessment.
    sign_in_to_admin(browser, base, "assessor", PASSWORD)
    open_page(browser, base + "/admin/snippets/fund/assessment/add/")
    choose_snippet(browser, "Choose application", application.reference)
    for number, (criterion, score) in enumerate([("Community benefit", "4"), ("Deliverability", "5")]):
        click(browser, browser.find_element(By.ID, "id_scores-ADD"))
        criterion_field = WebDriverWait(browser, 10).until(
            expected_conditions.visibility_of_element_located((By.ID, f"id_scores-{number}-criterion"))
        )
        Select(criterion_field).select_by_visible_text(criterion)
        browser.find_element(By.ID, f"id_scores-{number}-score").send_keys(score)
    submitted_at = browser.find_element(By.ID, "id_submitted_at")
    click(browser, submitted_at)
    # Tab on to the next field, as a keyboard user would: the date picker closes (a click
    # beside it could land on the picker itself, still open over the field below).
    submitted_at.send_keys(timezone.localtime().strftime("%Y-%m-%d %H:%M"), Keys.TAB)
    WebDriverWait(browser, 10).until(
        expected_conditions.invisibility_of_element_located((By.CSS_SELECTOR, ".xdsoft_datetimepicker"))
    )
    click(browser, browser.find_element(By.ID, "id_comments"))
    browser.find_element(By.ID, "id_comments").send_keys("Well costed; the walking group has run for years.")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "footer button[type=submit]"))
    assert "created" in admin_message(browser).lower(), main_text(browser)[:800]
    assessment = application.assessments.get()
    assert sorted(score.score for score in assessment.scores.all()) == [4, 5]

    # 4. A panel member reads the scores and shortlists it for the vote, with reasons.
    sign_in_to_admin(browser, base, "panel", PASSWORD)
    open_page(browser, base + application_inspect_url(application))
    click_and_wait(browser, link(browser, "Record the panel's decision"))
    # Beside the form: the assessor's scores against each criterion, and their total.
    scores = browser.find_element(
        By.XPATH, "//table[contains(@class, 'listing')]/tbody/tr[th[normalize-space()='Asha Patel']]"
    )
    assert [cell.text for cell in scores.find_elements(By.TAG_NAME, "td")][:3] == ["4", "5", "9"]
    click(browser, label(browser, "Shortlisted"))
    browser.find_element(By.ID, "id_reasons").send_keys("Strong community benefit and a careful budget.")
    click_and_wait(browser, button(browser, "Record the decision"))
    assert "The panel's decision" in admin_message(browser)
    application.refresh_from_db()
    assert application.state == Application.State.SHORTLISTED
    project = ProjectPage.objects.get(application=application)
    assert not project.live

    # 5. A fund officer checks the draft project page and publishes it in the page editor.
    sign_in_to_admin(browser, base, "officer", PASSWORD)
    open_page(browser, base + f"/admin/pages/{round_page.pk}/")
    click_and_wait(browser, browser.find_element(By.XPATH, f"//main//a[normalize-space()={xpath_text(PROJECT_TITLE)}]"))
    assert f"/admin/pages/{project.pk}/edit/" in browser.current_url
    publish_in_page_editor(browser)
    assert "published" in admin_message(browser).lower()
    project.refresh_from_db()
    assert project.live

    # 6. The vote opens (time passes): a resident votes on the round page and confirms by email.
    now = timezone.now()
    move_round_dates(round_page, voting_opens_at=now - timedelta(hours=1), voting_closes_at=now + timedelta(days=14))
    browser.delete_all_cookies()
    open_page(browser, base + round_page.url)
    assert "Open for residents' votes" in main_text(browser)
    click(
        browser, browser.find_element(By.XPATH, f"//label[starts-with(normalize-space(), {xpath_text(PROJECT_TITLE)})]")
    )
    type_into(browser, "Email address", VOTER_EMAIL)
    type_into(browser, "Postcode", "wr14 3af")
    click_and_wait(browser, button(browser, "Send my vote"))
    assert heading(browser) == "Check your email to confirm your vote"
    open_page(browser, base + last_link_in_mail(r"/fund/vote/confirm/[^/\s]+/", VOTER_EMAIL))
    assert heading(browser) == "Confirm your vote"
    assert PROJECT_TITLE in main_text(browser)
    click_and_wait(browser, button(browser, "Yes, confirm my vote"))
    assert heading(browser) == "Your vote is confirmed"
    assert Ballot.objects.get(email=VOTER_EMAIL).confirmed_at is not None

    # 7. The vote closes (time passes): the panel member records the results.
    now = timezone.now()
    move_round_dates(
        round_page,
        voting_opens_at=now - timedelta(days=15),
        voting_closes_at=now - timedelta(hours=1),
        decisions_on=now + timedelta(days=7),
    )
    sign_in_to_admin(browser, base, "panel", PASSWORD)
    open_page(browser, base + application_inspect_url(application))
    click_and_wait(browser, link(browser, "Record the residents' vote"))
    assert "1 confirmed ballot was counted." in main_text(browser)
    click_and_wait(browser, button(browser, "Record the results"))
    assert "The vote's results are recorded: 1 applications decided." in admin_message(browser)
    application.refresh_from_db()
    assert application.state == Application.State.FUNDED

    # 8. The round page shows the results, with the votes, and the project funded.
    browser.delete_all_cookies()
    open_page(browser, base + round_page.url)
    results = browser.find_element(By.ID, "results")
    assert "1 confirmed ballot was counted." in results.text
    row = results.find_element(By.XPATH, f".//tr[.//a[normalize-space()={xpath_text(PROJECT_TITLE)}]]")
    cells = [cell.text for cell in row.find_elements(By.XPATH, "./*")]
    assert cells[0] == "1" and cells[2] == "1" and cells[3] == "£4,500", cells
    assert row.find_element(By.CSS_SELECTOR, ".govuk-tag--green").text == "Funded"
    funded = browser.find_element(By.XPATH, "//section[.//h2[normalize-space()='Funded projects']]")
    assert PROJECT_TITLE in funded.text

    # 9. The group's area shows the decision, with its reasons.
    open_page(browser, base + "/fund/apply/")
    sign_in_to_group_area(browser, base)
    card = browser.find_element(
        By.XPATH, f"//div[contains(@class, 'govuk-summary-card')][.//h3[normalize-space()='{PROJECT_TITLE}']]"
    )
    assert "Funded" in card.text
    assert "Residents' vote: ranked 1 of 1 with 1 vote." in card.text
    assert any("funded" in message.body and GROUP_EMAIL in message.to for message in mail.outbox)

    # 10. An editor publishes a story about the project; the project page shows it.
    sign_in_to_admin(browser, base, "editor", PASSWORD)
    from stories.models import StoryIndexPage

    stories_index = StoryIndexPage.objects.get()
    open_page(browser, base + f"/admin/pages/add/stories/storypage/{stories_index.pk}/")
    browser.find_element(By.ID, "id_title").send_keys("Somewhere to sit on the Kempsey walk")
    browser.find_element(By.ID, "id_summary").send_keys("The walking group's benches are in, and more people walk.")
    browser.find_element(By.ID, "id_told_by").send_keys("Kempsey Walking Group")
    Select(browser.find_element(By.ID, "id_projects")).select_by_visible_text(PROJECT_TITLE)
    publish_in_page_editor(browser)
    assert "published" in admin_message(browser).lower(), main_text(browser)[:800]
    browser.delete_all_cookies()
    project.refresh_from_db()
    open_page(browser, base + project.url)
    stories = browser.find_element(By.XPATH, "//section[.//h2[normalize-space()='Stories about this project']]")
    assert "Somewhere to sit on the Kempsey walk" in stories.text
    print(f"\nfund journey took {time.monotonic() - started:.1f}s")  # noqa: T201


def choose_snippet(browser, button_text, text):
    """A snippet chooser: open its modal and pick the row whose link contains `text`."""
    opener = browser.find_element(By.XPATH, f"//button[normalize-space()={xpath_text(button_text)}]")
    click(browser, opener)
    choice = WebDriverWait(browser, 15).until(
        expected_conditions.element_to_be_clickable(
            (By.XPATH, f"//div[contains(@class, 'modal')]//a[contains(normalize-space(), {xpath_text(text)})]")
        )
    )
    choice.click()
    WebDriverWait(browser, 10).until(
        expected_conditions.invisibility_of_element_located((By.CSS_SELECTOR, ".modal.fade.in, .modal.show"))
    )
