"""An emergency alert on a cached page: on the very next load once published, gone after its end.

The anonymous page is served from the page cache (checked with plain, cookie-less HTTP
requests beside the browser); a staff member publishes an alert in the admin; the next load
shows the banner; after the alert's end (the clock moved on, no one acting) it is gone.
"""

import urllib.request
from datetime import timedelta

from django.utils import timezone

import pytest
import time_machine
from selenium.webdriver.common.by import By

from .actions import click, click_and_wait, sign_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password-42"


@pytest.fixture
def site(live_server, settings, django_user_model):
    from django.contrib.auth.models import Group

    from wagtail.models import Locale, Page, Site

    from core.staff_roles import COMMUNICATIONS_TEAM, apply_staff_roles
    from home.models import HomePage

    settings.PAGE_CACHE_SECONDS = 600  # as deployed
    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Connected Communities", slug="cc-home", locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    apply_staff_roles()
    officer = django_user_model.objects.create_user("comms.officer", password=PASSWORD)
    officer.groups.add(Group.objects.get(name=COMMUNICATIONS_TEAM))
    return live_server


def plain_get(url):
    """A cookie-less request, as a visitor's first one: the case the page cache serves."""
    with urllib.request.urlopen(url, timeout=20) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


def banner_text(browser):
    return " ".join(element.text for element in browser.find_elements(By.CSS_SELECTOR, ".site-alert"))


RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document.querySelector(".site-alert"), {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
  .then(results => done(results.violations.filter(v => ["serious", "critical"].includes(v.impact)).map(v => v.id + ": " + v.help)))
  .catch(error => done(["axe failed: " + error]));
"""


def serious_axe_violations_in_banner(browser, axe_source):
    browser.execute_script(axe_source)
    browser.set_script_timeout(60)
    return browser.execute_async_script(RUN_AXE)


def test_an_alert_appears_on_a_cached_page_at_once_and_goes_after_its_end(browser, site, axe_source):
    home = site.url + "/"
    for _ in range(3):  # a new site's first view saves its contact details: a new generation
        if plain_get(home)[0] == "hit":
            break
    assert plain_get(home)[0] == "hit"
    browser.get(home)
    assert banner_text(browser) == ""

    # A communications officer signs in and publishes an alert ending two minutes from now.
    sign_in_to_admin(browser, site.url, "comms.officer", PASSWORD)
    browser.get(site.url + "/admin/snippets/alerts/alert/add/")
    browser.find_element(By.ID, "id_title").send_keys("Flooding on the B4211 at Upton")
    browser.find_element(By.ID, "id_text").send_keys("The road is closed at Upton bridge. Use the A38.")
    ends = timezone.localtime() + timedelta(minutes=2)
    end_field = browser.find_element(By.ID, "id_ends_at")
    browser.execute_script("arguments[0].value = arguments[1]", end_field, ends.strftime("%Y-%m-%d %H:%M"))
    click(browser, browser.find_element(By.CSS_SELECTOR, "footer [data-w-dropdown-target='toggle']"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[name='action-publish']"))
    assert "/admin/snippets/alerts/alert/" in browser.current_url and "add" not in browser.current_url

    # The visitor's next load: the banner, though the page was cached a moment ago.
    browser.delete_all_cookies()
    browser.get(home)
    assert "Flooding on the B4211 at Upton" in banner_text(browser)
    assert serious_axe_violations_in_banner(browser, axe_source) == []
    cache_status, html = plain_get(home)
    assert "Flooding on the B4211 at Upton" in html

    # After its end, with no one acting: gone from the next load, cached page or not.
    from alerts.models import Alert

    alert = Alert.objects.get(title="Flooding on the B4211 at Upton")
    assert alert.live
    with time_machine.travel(alert.ends_at + timedelta(seconds=2)):
        browser.get(home)
        assert banner_text(browser) == ""
        assert "Flooding on the B4211" not in plain_get(home)[1]
