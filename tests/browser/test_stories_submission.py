import io
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .actions import click, click_and_wait

# serialized_rollback: migrations made the root page, locale, groups and workflow; keep them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(live_server):
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from sample_content.stories import load_demo_stories
    from strategy.models import Place, Theme

    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Connected Communities", slug="cc-home", locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    Theme.objects.get_or_create(
        slug="healthier", locale=locale, defaults={"name": "Healthier communities", "short_name": "Healthier"}
    )
    Place.objects.get_or_create(slug="upton", locale=locale, defaults={"name": "Upton-upon-Severn", "kind": "town"})
    load_demo_stories(home)
    return live_server


@pytest.fixture
def photo_with_gps():
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (52.0, 3.0, 0.0), 3: "W", 4: (2.0, 13.0, 0.0)}
    handle, path = tempfile.mkstemp(suffix=".jpg", prefix="holiday ")
    with os.fdopen(handle, "wb") as output:
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (10, 120, 60)).save(buffer, format="JPEG", exif=exif)
        output.write(buffer.getvalue())
    yield path
    os.remove(path)


def test_a_group_sends_a_story_with_a_photo_through_the_real_form(browser, site, photo_with_gps):
    from PIL import Image

    from stories.models import StorySubmission

    browser.get(site.url + "/stories/")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Send us your group's story"))
    assert browser.current_url.endswith("/stories/submit/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Send us your group's story"

    # First try without consent: the error summary is shown and the text is kept.
    browser.find_element(By.ID, "id_group_name").send_keys("Upton Repair Group")
    browser.find_element(By.ID, "id_contact_name").send_keys("Sam Jones")
    browser.find_element(By.ID, "id_contact_email").send_keys("sam@example.org")
    browser.find_element(By.ID, "id_title").send_keys("Our repair café")
    browser.find_element(By.ID, "id_story").send_keys("We fixed 200 toasters.")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.story-form button[type=submit]"))
    summary = browser.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "Agree to publication" in summary.text
    # GOV.UK Frontend's script (deferred) moves focus to the summary once the page has loaded.
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element == summary)
    assert browser.find_element(By.ID, "id_story").get_attribute("value") == "We fixed 200 toasters."

    browser.find_element(By.ID, "id_photos").send_keys(photo_with_gps)
    browser.find_element(By.ID, "id_photo_description").send_keys("Volunteers mending a lamp")
    for checkbox in ("id_people_pictured_agreed", "id_consent_to_publish"):
        click(browser, browser.find_element(By.CSS_SELECTOR, f"label[for={checkbox}]"))
        assert browser.find_element(By.ID, checkbox).is_selected()
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.story-form button[type=submit]"))
    assert "/thank-you/" in browser.current_url

    assert browser.find_element(By.TAG_NAME, "h1").text == "Thank you: we have your story"
    submission = StorySubmission.objects.get(group_name="Upton Repair Group")
    assert submission.reference in browser.find_element(By.CSS_SELECTOR, ".confirmation__reference").text
    assert not submission.page.live
    image = submission.page.lead_image
    assert image is not None and "holiday" not in image.file.name
    with image.file.open("rb") as handle, Image.open(handle) as stored:
        assert not stored.getexif()
