"""Images stored before uploads were cleaned are cleaned by one command, safe to run again."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Site

import pytest

from core.images.renditions import RENDITIONS
from core.tests import frontend_cache_recorder
from core.tests.test_image_metadata import assert_no_metadata, phone_photo

pytestmark = pytest.mark.django_db


def stored_before_the_fix(image_format):
    """An image row whose file is the phone's own, as uploads were kept until now."""
    image = get_image_model().objects.create(title="Fete", file=ContentFile(phone_photo("PNG"), name="clean.png"))
    name = default_storage.save(
        f"original_images/IMG_0001.{image_format.lower()}", ContentFile(phone_photo(image_format))
    )
    default_storage.delete(image.file.name)
    image.renditions.all().delete()
    get_image_model().objects.filter(pk=image.pk).update(file=name)
    return get_image_model().objects.get(pk=image.pk), name


@pytest.mark.parametrize("image_format", ["JPEG", "PNG"])
def test_the_command_cleans_old_originals_and_remakes_their_renditions(
    image_format, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "core.tests.frontend_cache_recorder.RecordingBackend"}}
    frontend_cache_recorder.PURGED.clear()
    image, old_name = stored_before_the_fix(image_format)
    old_rendition = image.get_rendition("width-60|format-jpeg")
    with default_storage.open(old_rendition.file.name) as handle:
        assert b"PhoneMaker" in handle.read()  # Wagtail copied the EXIF into the rendition

    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_image_metadata", stdout=output)

    image.refresh_from_db()
    assert "1 image(s) cleaned" in output.getvalue()
    assert not default_storage.exists(old_name) and not default_storage.exists(old_rendition.file.name)
    with image.open_file() as handle:
        assert_no_metadata(handle.read(), "original")
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(RENDITIONS.values())
    assert_no_metadata(image.get_rendition("width-60|format-jpeg").file.read(), "rendition")
    # The CDN forgets the old files, at the site's public address.
    site = Site.objects.get(is_default_site=True).root_url
    assert {f"{site}/media/{old_name}", f"{site}{old_rendition.url}"} <= set(frontend_cache_recorder.PURGED)

    again = io.StringIO()
    call_command("clean_image_metadata", stdout=again)
    assert "0 image(s) cleaned" in again.getvalue()
