"""How much image work one story submission may cause: bounded before any photo is decoded.

Five 6,320 x 6,320 px photos once held a web worker for 21 s. The pixels of all photos
together are read from their headers and refused over PUBLIC_UPLOAD_MAX_PIXELS; the photos
accepted are stored no larger than PUBLIC_PHOTO_MAX_SIDE, and their renditions wait for
publication.
"""

import io

from wagtail.images import get_image_model

import pytest
from PIL import Image, ImageFile

from core.images.renditions import RENDITIONS
from stories.models import StoryPage

from .helpers import moderator_acts
from .test_submission import SUBMIT_URL, story_data, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def huge_photo():
    """A 6,320 x 6,320 px JPEG (40 megapixels, under the per-photo limit), small as a file."""
    output = io.BytesIO()
    Image.new("RGB", (6320, 6320), (90, 140, 60)).save(output, format="JPEG", quality=50)
    return output.getvalue()


@pytest.fixture
def decodes(monkeypatch):
    """How many times Pillow decodes an image's pixels during the test."""
    calls = []
    load = ImageFile.ImageFile.load

    def counting_load(self):
        calls.append(self.size)
        return load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    return calls


def send_photos(client, photos, **overrides):
    data = story_data(
        title="Our orchard day",
        photos=[upload(f"IMG_{n}.jpg", photo) for n, photo in enumerate(photos)],
        photo_description="Volunteers planting trees",
        people_pictured_agreed="on",
        **overrides,
    )
    return client.post(SUBMIT_URL, data)


def test_five_huge_photos_are_refused_from_their_headers_and_the_text_is_kept(client, story_index, huge_photo, decodes):
    response = send_photos(client, [huge_photo] * 5)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your photos have 200 megapixels together. Send up to 64 megapixels with one story" in html
    assert 'href="#id_photos"' in html  # in the error summary, linked to the field
    assert 'value="Our orchard day"' in html and "Volunteers planting trees" in html
    assert decodes == []  # refused before a single photo was decoded
    assert get_image_model().objects.count() == 0


def test_the_bound_counts_every_photo_together(client, story_index, settings):
    settings.PUBLIC_UPLOAD_MAX_PIXELS = 3_000_000
    photo = upload().read()  # 40 x 30
    big = io.BytesIO()
    Image.new("RGB", (2000, 1000), "white").save(big, format="JPEG")  # 2 MP: alone, within the bound
    assert send_photos(client, [big.getvalue()]).status_code == 302
    response = send_photos(client, [big.getvalue(), big.getvalue(), photo])
    assert response.status_code == 400
    assert "Your photos have 4 megapixels together. Send up to 3 megapixels" in response.content.decode()


def test_accepted_photos_are_stored_at_the_size_the_site_needs_and_rendered_at_publication(
    client, story_index, moderator, settings
):
    settings.PUBLIC_PHOTO_MAX_SIDE = 200
    output = io.BytesIO()
    Image.new("RGB", (800, 600), (90, 140, 60)).save(output, format="JPEG")
    assert send_photos(client, [output.getvalue()]).status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (200, 150)
    with Image.open(image.file) as stored:
        assert stored.size == (200, 150)
    # Nobody sees the photo before the story is published: no resizing in the sender's request.
    assert not image.renditions.exists()

    moderator_acts(client, moderator, StoryPage.objects.get(lead_image=image), "approve")
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(RENDITIONS.values())
