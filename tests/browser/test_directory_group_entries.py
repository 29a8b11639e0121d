"""A community group adds and updates its own directory entry, in real headless Chromium.

The group signs in by the emailed link, adds an entry (first with a mistake, which the form
points out while keeping everything typed), a moderator approves it in the Wagtail admin and
it is live; the group updates it, the public still sees the old text until the moderator
approves the change, then the new text. What the public sees is read from the site's public
API, which serves live pages only. The ORM only builds the directory and the staff account.
"""

import re

from django.core import mail

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from .actions import button, click, click_and_wait, field, heading, link, open_page, sign_in_to_admin
from .test_accessibility import FAILING_IMPACTS, describe, run_axe

# serialized_rollback: migrations made the root page, locale, groups and workflow; keep them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GROUP_EMAIL = "hall@example.org"
PASSWORD = "a long enough password"
FIRST_SUMMARY = "A hall for hire with a kitchen and a garden."
NEW_SUMMARY = "A hall for hire, now with a hearing loop in the main room."


@pytest.fixture
def directory_site(live_server):
    from django.contrib.auth.models import Group, User

    from wagtail.models import Locale, Page, Site

    from core.staff_roles import MODERATORS, apply_staff_roles
    from directory.tests.group_factories import AssetTypeFactory, DirectoryPageFactory, PlaceFactory, ThemeFactory
    from home.models import HomePage

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Connected Communities", slug="cc-home", locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    directory = DirectoryPageFactory(parent=home)
    directory.save_revision().publish()
    AssetTypeFactory()
    AssetTypeFactory(name="Foodbank", plural_name="Foodbanks", slug="foodbank")
    PlaceFactory()
    PlaceFactory(name="Tenbury Wells", slug="tenbury")
    ThemeFactory()
    apply_staff_roles()  # the directory exists now: its workflow and the moderators' permissions
    moderator = User.objects.create_user(
        "moderator", "moderator@council.example", PASSWORD, first_name="Mo", last_name="Derator"
    )
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    return live_server


def type_into(browser, label_text, text):
    element = field(browser, label_text)
    element.clear()
    element.send_keys(text)


def type_into_id(browser, element_id, text):
    element = browser.find_element(By.ID, element_id)
    element.clear()
    element.send_keys(text)


def last_link_in_mail(pattern, to):
    for message in reversed(mail.outbox):
        if to in message.to:
            found = re.search(r"http://testserver(" + pattern + r")", message.body)
            if found:
                return found.group(1)
    raise AssertionError(f"no email to {to} with a link like {pattern}: {[m.subject for m in mail.outbox]}")


def sign_in_as_the_group(browser, base):
    browser.delete_all_cookies()
    open_page(browser, base + "/directory/your-entries/")
    assert heading(browser) == "Sign in to add or update your directory entries"
    type_into(browser, "Email address", GROUP_EMAIL)
    click_and_wait(browser, button(browser, "Email me a sign-in link"))
    assert heading(browser) == "Check your email"
    open_page(browser, base + last_link_in_mail(r"/directory/your-entries/sign-in/[^/\s]+/", GROUP_EMAIL))
    assert heading(browser) == "Your group's entries"


def approve_as_moderator(browser, base, page_id):
    """The moderator signs in to the admin, opens the entry in the editor and chooses "Approve and Publish"."""
    sign_in_to_admin(browser, base, "moderator", PASSWORD)
    open_page(browser, base + f"/admin/pages/{page_id}/edit/")
    click(browser, browser.find_element(By.CSS_SELECTOR, "footer .w-dropdown__toggle"))
    approve = WebDriverWait(browser, 10).until(
        expected_conditions.element_to_be_clickable(
            (By.XPATH, "//footer//button[@data-workflow-action-name='approve'][not(@data-workflow-action-modal-url)]")
        )
    )
    click_and_wait(browser, approve)
    message = WebDriverWait(browser, 10).until(
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, ".messages li"))
    )
    assert "has been updated" in message.text, message.text


def assert_no_serious_axe_violations(browser, axe_source):
    failing = [v for v in run_axe(browser, axe_source) if v["impact"] in FAILING_IMPACTS]
    assert not failing, "\n".join(describe(v) for v in failing)


def public_text(browser, base, page_id):
    """What the public API shows of the entry: live pages only."""
    open_page(browser, base + f"/api/v2/pages/{page_id}/")
    return browser.find_element(By.TAG_NAME, "body").text


def test_a_group_adds_its_entry_a_moderator_approves_then_its_update_waits_for_approval(
    browser, directory_site, axe_source
):
    from directory.models import AssetPage, DirectoryEntryOwner

    base = directory_site.url
    sign_in_as_the_group(browser, base)
    assert "has not added an entry" in browser.find_element(By.TAG_NAME, "main").text
    click_and_wait(browser, link(browser, "Add an entry"))
    assert heading(browser) == "Add an entry to the directory"

    type_into(browser, "Your community group's name", "Upton Hall Committee")
    Select(field(browser, "What kind of place or service is it?")).select_by_visible_text("Village hall")
    type_into(browser, "Name", "Upton Memorial Hall")
    type_into(browser, "Summary", FIRST_SUMMARY)
    type_into(browser, "Organisation that runs it", "Upton Memorial Hall Trust")
    Select(field(browser, "Town or parish")).select_by_visible_text("Upton-upon-Severn")
    type_into(browser, "Postcode", "WR8 0HW")
    type_into(browser, "Latitude", "52.06312")
    type_into(browser, "Longitude", "-2.21750")
    type_into(browser, "Email address for the public", "bookings@uptonhall.example.org")
    click(browser, browser.find_element(By.CSS_SELECTOR, "label[for=id_step_free_access]"))
    # Monday: a closing time before the opening time.
    type_into_id(browser, "id_opens_0", "09:30")
    type_into_id(browser, "id_closes_0", "08:00")
    click_and_wait(browser, button(browser, "Send for review"))

    summary = browser.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "On Monday, the closing time must be after the opening time." in summary.text
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element == summary)
    assert browser.title.startswith("Error:")
    # Everything typed is still there.
    assert field(browser, "Your community group's name").get_attribute("value") == "Upton Hall Committee"
    assert field(browser, "Summary").get_attribute("value") == FIRST_SUMMARY
    assert field(browser, "Latitude").get_attribute("value") == "52.06312"
    assert browser.find_element(By.ID, "id_step_free_access").is_selected()
    assert browser.find_element(By.ID, "id_opens_0").get_attribute("value") == "09:30"
    assert Select(field(browser, "Town or parish")).first_selected_option.text == "Upton-upon-Severn"
    assert_no_serious_axe_violations(browser, axe_source)

    type_into_id(browser, "id_closes_0", "12:00")
    click_and_wait(browser, button(browser, "Send for review"))
    assert heading(browser) == "Sent for review"
    owner = DirectoryEntryOwner.objects.get(group_email=GROUP_EMAIL)
    assert owner.reference in browser.find_element(By.TAG_NAME, "main").text
    page_id = owner.page_id
    assert not AssetPage.objects.get(pk=page_id).live
    assert any(m.to == [GROUP_EMAIL] and owner.reference in m.subject for m in mail.outbox)
    click_and_wait(browser, link(browser, "Back to your group's entries"))
    assert "In review" in browser.find_element(By.TAG_NAME, "main").text
    assert FIRST_SUMMARY not in public_text(browser, base, page_id)

    # A moderator approves it in the admin: the entry is live.
    approve_as_moderator(browser, base, page_id)
    assert AssetPage.objects.get(pk=page_id).live
    assert FIRST_SUMMARY in public_text(browser, base, page_id)

    # The group updates it; the public still sees the old text until a moderator approves.
    sign_in_as_the_group(browser, base)
    assert "Live" in browser.find_element(By.CSS_SELECTOR, ".govuk-summary-card").text
    click_and_wait(browser, link(browser, "Update “Upton Memorial Hall”"))
    assert field(browser, "Summary").get_attribute("value") == FIRST_SUMMARY
    assert browser.find_element(By.ID, "id_closes_0").get_attribute("value") == "12:00"
    type_into(browser, "Summary", NEW_SUMMARY)
    click(browser, browser.find_element(By.CSS_SELECTOR, "label[for=id_hearing_loop]"))
    click_and_wait(browser, button(browser, "Send for review"))
    assert heading(browser) == "Sent for review"
    click_and_wait(browser, link(browser, "Back to your group's entries"))
    assert "Live, with changes in review" in browser.find_element(By.TAG_NAME, "main").text
    assert_no_serious_axe_violations(browser, axe_source)
    shown = public_text(browser, base, page_id)
    assert FIRST_SUMMARY in shown and NEW_SUMMARY not in shown

    approve_as_moderator(browser, base, page_id)
    shown = public_text(browser, base, page_id)
    assert NEW_SUMMARY in shown and FIRST_SUMMARY not in shown
    assert AssetPage.objects.get(pk=page_id).hearing_loop
