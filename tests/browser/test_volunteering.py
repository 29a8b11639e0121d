"""A resident finds a volunteering opportunity by place and registers interest; the group replies.

Neither side's email address is shown to the other until the group replies through the site.
"""

import re

from django.core import mail

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from .actions import click_and_wait, heading

# serialized_rollback: migrations made the root page, locale, groups and workflow; keep them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RESIDENT = "alex.resident@example.org"
GROUP = "foodbank-helpers-malvern@example.org"


@pytest.fixture
def site(live_server):
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from sample_content.volunteering import load_demo_volunteering
    from strategy.models import Place, Theme

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Connected Communities", slug="cc-home", locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    for slug, name in (
        ("healthier", "Healthier communities"),
        ("safer-and-inclusive", "Safer and inclusive communities"),
        ("stronger-and-sustainable", "Stronger and sustainable communities"),
    ):
        Theme.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name, "short_name": name.split()[0]})
    for slug, name in (("malvern", "Malvern"), ("tenbury-wells", "Tenbury Wells"), ("upton-upon-severn", "Upton")):
        Place.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name, "kind": "town"})
    load_demo_volunteering(home)
    return live_server


def test_a_resident_registers_interest_and_the_group_replies_through_the_site(browser, site):
    mail.outbox.clear()
    browser.get(site.url + "/volunteering/")
    Select(browser.find_element(By.ID, "id_place")).select_by_visible_text("Tenbury Wells")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    assert "place=tenbury-wells" in browser.current_url
    results = browser.find_element(By.CSS_SELECTOR, ".opportunity-list").text
    assert "Good neighbour in Tenbury Wells" in results
    assert "Foodbank helper in Malvern" not in results

    Select(browser.find_element(By.ID, "id_place")).select_by_visible_text("Malvern")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    assert "place=malvern" in browser.current_url
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Foodbank helper in Malvern"))
    assert browser.current_url.endswith("/volunteering/foodbank-helpers-malvern/")
    assert GROUP not in browser.page_source

    # First without a message: the error summary, and everything typed is still there.
    browser.find_element(By.ID, "id_name").send_keys("Alex Resident")
    browser.find_element(By.ID, "id_email").send_keys(RESIDENT)
    browser.find_element(By.ID, "id_phone").send_keys("01684 123456")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.interest-form button[type=submit]"))
    summary = browser.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "Write a message to the group." in summary.text
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element == summary)
    assert browser.find_element(By.ID, "id_name").get_attribute("value") == "Alex Resident"
    assert browser.find_element(By.ID, "id_email").get_attribute("value") == RESIDENT
    assert browser.find_element(By.ID, "id_phone").get_attribute("value") == "01684 123456"
    assert not mail.outbox

    browser.find_element(By.ID, "id_message").send_keys("I could sort donations on Tuesdays.")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.interest-form button[type=submit]"))
    assert browser.current_url.endswith("/thank-you/")
    assert "we have passed on your interest" in browser.find_element(By.TAG_NAME, "h1").text.lower()

    # The group gets the first name and message, never the resident's address.
    [relayed] = [message for message in mail.outbox if message.to == [GROUP]]
    assert "I could sort donations on Tuesdays." in relayed.body
    assert RESIDENT not in relayed.body + relayed.subject + str(relayed.reply_to)
    [receipt] = [message for message in mail.outbox if message.to == [RESIDENT]]
    assert "not given them your email address" in receipt.body

    # The group follows the link and replies on the site.
    reply_path = re.search(r"https?://[^/\s]+(/volunteering/reply/\S+/)", relayed.body).group(1)
    browser.get(site.url + reply_path)
    assert "I could sort donations on Tuesdays." in browser.page_source
    assert RESIDENT not in browser.page_source
    mail.outbox.clear()
    browser.find_element(By.ID, "id_reply").send_keys("Thank you, Alex! Come on Tuesday at 9:30.")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.reply-form button[type=submit]"))
    assert heading(browser) == "Reply sent"

    # The resident gets the reply, with the group's address to write back to.
    [reply] = mail.outbox
    assert reply.to == [RESIDENT]
    assert "Come on Tuesday at 9:30." in reply.body
    assert reply.reply_to == [GROUP]
