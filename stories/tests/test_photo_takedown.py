"""A group withdrawing consent, or a person's data being erased, takes the story's photos down at once.

Unpublishing the story is not enough: an image's original and renditions are files served
at /media/ (and named in the API's download_url), kept by any CDN in front. Each file must
answer 404 at once, and the CDN be told to forget it and the story.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model

import pytest
from PIL import Image

from core.personal_data.registry import erase_person
from stories.models import StoryPage

from .helpers import moderator_acts, sign_in
from .test_submission import SUBMIT_URL, story_data

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.urls_serving_media")]


def photo(colour):
    output = io.BytesIO()
    Image.new("RGB", (320, 240), colour).save(output, format="JPEG")
    return SimpleUploadedFile("IMG_0001.jpg", output.getvalue(), content_type="image/jpeg")


@pytest.fixture
def published_story(client, story_index, moderator):
    """A community story with two photos, approved and live, its renditions made."""
    response = client.post(
        SUBMIT_URL,
        story_data(
            photos=[photo("teal"), photo("orange")],
            photo_description="Volunteers at a table",
            people_pictured_agreed="on",
        ),
    )
    assert response.status_code == 302
    page = StoryPage.objects.get()
    moderator_acts(client, moderator, page, "approve")
    page.refresh_from_db()
    assert page.live
    images = list(get_image_model().objects.all())
    assert len(images) == 2 and all(image.renditions.exists() for image in images)
    return page, images


def served_files(images):
    """Each photo's original and rendition: (storage, name, URL), as a visitor would fetch them."""
    files = []
    for image in images:
        files.append((image.file.storage, image.file.name, image.file.url))
        files += [(r.file.storage, r.file.name, r.url) for r in image.renditions.all()]
    return files


def assert_taken_down(client, page, images, files, purged):
    assert len(files) >= 2 * 4  # two originals and at least three renditions each
    for storage, name, url in files:
        assert not storage.exists(name), name
        assert client.get(url).status_code == 404, url
    for image in images:
        assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert client.get(page.url).status_code == 404
    # The CDN is told to forget the story, its listing and every file, at their public addresses.
    site = page.get_site().root_url
    assert page.full_url in purged
    assert page.get_parent().full_url in purged
    for _storage, _name, url in files:
        assert site + url in purged


def test_withdrawing_consent_takes_the_photos_down_at_once(
    client, published_story, moderator, purged_urls, django_capture_on_commit_callbacks
):
    page, images = published_story
    files = served_files(images)
    for _storage, _name, url in files:
        assert client.get(url).status_code == 200, url  # public while the story is

    sign_in(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("stories:withdraw", args=[page.submission.reference]))
    assert response.status_code == 302

    assert_taken_down(client, page, images, files, purged_urls)
    assert not get_image_model().objects.exists()
    # The withdrawn story stays in the admin for moderators, without the photos.
    page.refresh_from_db()
    assert page.lead_image is None
    client.force_login(moderator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_erasing_a_persons_data_takes_their_photos_down_and_purges_them(
    client, published_story, purged_urls, django_capture_on_commit_callbacks
):
    page, images = published_story
    files = served_files(images)
    with django_capture_on_commit_callbacks(execute=True):
        erase_person("sam@example.org")
    assert_taken_down(client, page, images, files, purged_urls)


def test_withdrawing_consent_takes_down_every_translation_of_the_story(client, published_story, purged_urls):
    from wagtail.models import Locale

    page, _images = published_story
    polish = page.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    polish.save_revision().publish()
    polish.refresh_from_db()
    assert polish.live and client.get(polish.url).status_code == 200

    sign_in(client)
    assert client.post(reverse("stories:withdraw", args=[page.submission.reference])).status_code == 302

    polish.refresh_from_db()
    assert not polish.live
    assert client.get(polish.url).status_code == 404
