"""Every page has a picture for links shared on social media: its own, or the site's."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile

from wagtail.images.models import Image

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db

SHARE_PNG = Path(settings.BASE_DIR) / "static" / "brand" / "share.png"


def share_image_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    og = re.findall(r'<meta property="og:image" content="([^"]+)">', html)
    twitter = re.findall(r'<meta name="twitter:image" content="([^"]+)">', html)
    assert len(og) == 1 and twitter == og, (url, og, twitter)
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    return og[0], html


def test_every_page_type_has_an_absolute_share_image(client, settings, make_story, pledges, consultations):
    settings.SITE_URL = "https://communities.example"
    story = make_story("Orchard story")
    pages = {
        "home": "/",
        "stories": "/stories/",
        "story": story.url,
        "ripples": "/stories/ripples/",
        "submission form": "/stories/submit/",
        "pledge": pledges["live"].url,
        "consultation": consultations["decided"].url,
        "search": "/search/?q=orchard",
    }
    for name, url in pages.items():
        image, html = share_image_of(client, url)
        assert image == "https://communities.example/static/brand/share.png", name
        assert '<meta property="og:image:width" content="1200">' in html, name
        assert '<meta property="og:image:height" content="630">' in html, name


def test_strategy_pages_have_the_share_image(client, strategy_site):
    for url in ("/", "/strategy/"):
        image, _html = share_image_of(client, url)
        assert image.startswith(settings.SITE_URL.rstrip("/") + "/") and image.endswith("/brand/share.png")


def test_a_story_with_a_lead_image_shares_its_own_picture(client, settings, make_story):
    settings.SITE_URL = "https://communities.example"
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1000), (20, 90, 60)).save(buffer, format="JPEG")
    photo = Image.objects.create(title="orchard", file=ImageFile(buffer, name="orchard.jpg"))
    story = make_story("Orchard story", lead_image=photo, lead_image_alt_text="Apple trees")
    image, html = share_image_of(client, story.url)
    assert image.startswith("https://communities.example/media/") and "fill-1200x630" in image
    assert '<meta property="og:image:alt" content="Apple trees">' in html
    assert '<meta property="og:image:width" content="1200">' in html


def test_the_default_share_image_is_a_1200_by_630_png():
    with PILImage.open(SHARE_PNG) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
