"""A resident follows their town without an account: subscribes, confirms, hears of a story at
once, gets a weekly digest, and unsubscribes in one click from their mail program."""

import re
import urllib.request
from urllib.parse import urlparse

from django.core import mail
from django.core.management import call_command

import pytest
from selenium.webdriver.common.by import By

from .actions import click, click_and_wait, heading

# serialized_rollback: migrations made the root page, locale, groups and workflow; keep them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RESIDENT = "sam.resident@example.org"


@pytest.fixture
def site(live_server):
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from stories.models import StoryIndexPage
    from strategy.models import Place, Theme

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePage(title="Connected Communities", slug="cc-home", locale=locale)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    Theme.objects.get_or_create(
        slug="healthier", locale=locale, defaults={"name": "Healthier communities", "short_name": "Healthier"}
    )
    for slug, name in (("malvern", "Malvern"), ("tenbury-wells", "Tenbury Wells")):
        Place.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name, "kind": "town"})
    index = StoryIndexPage(title="Stories of change", slug="stories")
    home.add_child(instance=index)
    index.save_revision().publish()
    return live_server, index


def publish_story(index, title, place_slug):
    from stories.factories import StoryPageFactory
    from strategy.models import Place

    story = StoryPageFactory.build(title=title, place=Place.objects.get(slug=place_slug))
    index.add_child(instance=story)
    story.save_revision().publish()


def submit(browser):
    """Send the page's form and wait for the page it leads to."""
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def link_in(message, part, server):
    return next(url for url in re.findall(r"https?://\S+", message.body) if f"/follow/{part}/" in url).replace(
        "http://testserver", server.url
    )


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_a_resident_follows_their_town_and_unsubscribes_in_one_click(browser, site):
    server, index = site
    mail.outbox.clear()

    # The form: sent without an address first, then corrected; the ticked town is kept.
    browser.get(server.url + "/follow/")
    assert heading(browser) == "Get emails about what matters to you"
    click(browser, browser.find_element(By.XPATH, "//label[normalize-space()='Malvern']"))
    submit(browser)
    summary = browser.find_element(By.CLASS_NAME, "govuk-error-summary")
    assert "Enter your email address" in summary.text
    assert browser.find_element(By.XPATH, "//label[normalize-space()='Malvern']/preceding-sibling::input").is_selected()
    browser.find_element(By.ID, "id_email").send_keys(RESIDENT)
    submit(browser)
    assert heading(browser) == "Check your email"

    # Double opt-in: nothing is sent until the resident confirms from the email.
    (confirmation,) = emails_to(RESIDENT)
    publish_story(index, "Before confirming", "malvern")
    assert len(emails_to(RESIDENT)) == 1
    browser.get(link_in(confirmation, "confirm", server))
    assert "Malvern" in browser.find_element(By.TAG_NAME, "main").text
    submit(browser)
    assert heading(browser) == "What you follow"
    manage_url = browser.current_url

    # A story in Malvern arrives at once, with a plain-text part and one-click unsubscribe headers.
    mail.outbox.clear()
    publish_story(index, "The Malvern lunch club", "malvern")
    publish_story(index, "Tenbury's new hall", "tenbury-wells")
    (immediate,) = emails_to(RESIDENT)
    assert "The Malvern lunch club" in immediate.subject and "The Malvern lunch club" in immediate.body
    assert immediate.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(r"<https?://\S+/follow/unsubscribe/\S+/>", immediate.extra_headers["List-Unsubscribe"])
    assert [mimetype for _content, mimetype in immediate.alternatives] == ["text/html"]

    # Weekly instead: the next story waits for the digest.
    browser.get(manage_url)
    click(browser, browser.find_element(By.XPATH, "//label[normalize-space()='Once a week']"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[name=save]"))
    assert "saved=1" in browser.current_url
    mail.outbox.clear()
    publish_story(index, "Malvern repair café", "malvern")
    assert emails_to(RESIDENT) == []
    call_command("send_follow_digests")
    (digest,) = emails_to(RESIDENT)
    assert "Malvern repair café" in digest.body
    assert "Tenbury" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Opening the unsubscribe link (as a link scanner would) changes nothing ...
    unsubscribe_url = immediate.extra_headers["List-Unsubscribe"].strip("<>").replace("http://testserver", server.url)
    browser.get(unsubscribe_url)
    assert heading(browser) == "Stop all emails"
    browser.get(manage_url)
    assert heading(browser) == "What you follow"

    # ... the mail program's one-click POST (RFC 8058) ends it, with no session or token.
    request = urllib.request.Request(unsubscribe_url, data=b"List-Unsubscribe=One-Click", method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    mail.outbox.clear()
    publish_story(index, "Malvern in bloom", "malvern")
    call_command("send_follow_digests")
    assert emails_to(RESIDENT) == []
    browser.get(manage_url)
    assert heading(browser) == "That link does not work"
    assert urlparse(browser.current_url).path.startswith("/follow/manage/")
