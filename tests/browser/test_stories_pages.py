"""The stories pages in a real browser: pictures in a modern format, the ripple diagram, phone widths."""

import io

from django.core.files.images import ImageFile

import pytest
from selenium.webdriver.common.by import By

from .test_accessibility import OVERFLOW_PROBLEMS
from .test_stories_submission import site  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def pictured_story(site):  # noqa: F811
    from wagtail.images.models import Image

    from PIL import Image as PILImage

    from sample_content.stories import ripple_stream
    from stories.factories import StoryPageFactory
    from stories.models import StoryIndexPage
    from stories.tests.test_ripples import RIPPLES
    from strategy.models import Theme

    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1200), (40, 120, 80)).save(buffer, format="JPEG")
    photo = Image.objects.create(title="orchard", file=ImageFile(buffer, name="orchard.jpg"))
    story = StoryPageFactory(
        parent=StoryIndexPage.objects.get(),
        title="The community orchard with a rather long title that has to wrap on a phone",
        lead_image=photo,
        lead_image_alt_text="Volunteers planting apple trees",
        themes=[Theme.objects.get(slug="healthier")],
        ripple_centre="Planting a community orchard",
        ripples=ripple_stream(RIPPLES),
    )
    return site, story


def test_cards_and_story_pages_show_webp_pictures_and_draw_the_ripple_map(browser, pictured_story):
    server, story = pictured_story
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
    )
    try:
        browser.get(server.url + "/stories/")
        card = browser.find_element(By.CSS_SELECTOR, ".story-card picture img")
        assert card.get_attribute("loading") == "lazy"
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", card)
        # A phone at twice the density takes the wider WebP, not the JPEG fallback.
        browser.execute_script("return arguments[0].decode()", card)
        assert browser.execute_script("return arguments[0].currentSrc", card).endswith(".webp")
        assert "fill-800x600" in browser.execute_script("return arguments[0].currentSrc", card)

        browser.get(server.url + story.url)
        lead = browser.find_element(By.CSS_SELECTOR, ".story__lead-image img")
        assert lead.get_dom_attribute("loading") is None
        assert lead.size["width"] > 300
        diagram = browser.find_element(By.CSS_SELECTOR, "svg.ripple-diagram__svg")
        assert diagram.size["width"] > 250 and diagram.get_attribute("role") == "img"
        assert "Neighbours lend tools" in browser.find_element(By.CSS_SELECTOR, ".ripple-map__centre").text
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_no_stories_page_scrolls_sideways_on_a_phone(browser, pictured_story):
    server, story = pictured_story
    paths = ["/stories/", story.url, "/stories/ripples/", "/stories/submit/", "/stories/mine/sign-in/", "/"]
    failures = []
    try:
        for width in (320, 390):
            browser.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            )
            for path in paths:
                browser.get(server.url + path)
                problems = browser.execute_script(OVERFLOW_PROBLEMS)
                if problems:
                    failures.append(f"{path} at {width}px:\n" + "\n".join(problems))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not failures, "\n".join(failures)
