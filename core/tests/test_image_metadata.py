"""Whoever uploads an image, what the public can fetch carries no location or camera data.

The photos are followed to where a visitor gets them: the original at /media/original_images/
(the API's download_url) and JPEG and PNG renditions, read back through the served media.
"""

import io
import uuid
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model

import pytest
from PIL import Image, PngImagePlugin

from stories.models import StoryPage

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.urls_serving_media")]

CAMERA = "PhoneMaker"
PHONE_FILE_NAME = "IMG_20240501 Sam Jones house.jpg"
GPS_IFD = 0x8825


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010F] = CAMERA  # Make
    exif[0x0110] = "PhoneModel 12"  # Model
    exif[GPS_IFD] = {1: "N", 2: (52.0, 3.0, 0.0), 3: "W", 4: (2.0, 13.0, 0.0)}
    return exif


def phone_photo(image_format):
    picture = Image.new("RGB", (120, 90), (30, 120, 60))
    output = io.BytesIO()
    options = {"exif": exif_with_gps()}
    if image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Location", "52.05,-2.22 Sam Jones house")
        options["pnginfo"] = text
    picture.save(output, format=image_format, **options)
    data = output.getvalue()
    with Image.open(io.BytesIO(data)) as check:  # the test photo really carries it all
        assert check.getexif()[0x010F] == CAMERA and check.getexif().get_ifd(GPS_IFD)
    return data


def assert_no_metadata(data, what):
    assert CAMERA.encode() not in data and b"Sam Jones" not in data, what
    with Image.open(io.BytesIO(data)) as image:
        image.load()  # a PNG's text chunks after the pixels are only read now
        assert not image.getexif(), what
        assert not image.getexif().get_ifd(GPS_IFD), what
        assert not getattr(image, "text", None), what
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(image.info), what
    assert b"eXIf" not in data, what


def fetched(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content)


def upload_in_admin(client, data, name):
    staff = User.objects.create_superuser("editor", "editor@council.example", "a-long-password-1")
    client.force_login(staff)
    response = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, data), "title": "Fete"}
    )
    assert response.json()["success"], response.content
    client.logout()
    return get_image_model().objects.get(pk=response.json()["image_id"])


def replace_in_admin(client, data, name):
    """An editor replaces the file of an image that is already in the library."""
    image = upload_in_admin(client, phone_photo("JPEG"), "first.jpg")
    client.force_login(User.objects.get(username="editor"))
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Fete", "file": SimpleUploadedFile(name, data), "collection": image.collection_id, "tags": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    image.refresh_from_db()
    return image


def send_with_a_story(client, data, name):
    response = client.post(
        "/stories/submit/",
        {
            "group_name": "Upton Repair Group",
            "contact_name": "Sam Jones",
            "contact_email": "sam@example.org",
            "title": "Our repair café",
            "story": "We fixed 200 toasters.",
            "photos": [SimpleUploadedFile(name, data)],
            "photo_description": "Volunteers at a table",
            "people_pictured_agreed": "on",
            "consent_to_publish": "on",
            "form_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_image_model().objects.get()


def publish_on_a_story(image, story_index):
    story = StoryPage(
        title="The fete",
        slug="fete",
        summary="A fete.",
        told_by="The council",
        lead_image=image,
        lead_image_alt_text="Stalls",
    )
    story_index.add_child(instance=story)
    story.save_revision().publish()
    return story


@pytest.mark.parametrize("uploader", [upload_in_admin, replace_in_admin, send_with_a_story])
@pytest.mark.parametrize("image_format", ["JPEG", "PNG"])
def test_no_image_anyone_uploads_publishes_location_or_camera_data(client, story_index, uploader, image_format):
    name = PHONE_FILE_NAME if image_format == "JPEG" else PHONE_FILE_NAME.replace(".jpg", ".png")
    image = uploader(client, phone_photo(image_format), name)
    publish_on_a_story(image, story_index)

    api = client.get(f"/api/v2/images/{image.pk}/")
    assert api.status_code == 200
    download_url = api.json()["meta"]["download_url"]
    assert download_url.endswith(image.file.url)
    assert_no_metadata(fetched(client, image.file.url), "original")
    for spec in ("width-60|format-jpeg", "width-60|format-png", "fill-400x300", "width-960|format-webp"):
        rendition = image.get_rendition(spec)
        assert_no_metadata(fetched(client, rendition.url), spec)
    # The phone's file name (here, a person's name) is not the stored one.
    assert "Sam" not in image.file.name and "IMG_" not in image.file.name


def test_a_cleaned_upload_keeps_its_pixels_upright_and_its_size_on_record(client, settings):
    # A phone held sideways: the pixels are stored landscape, EXIF says "rotate 90°".
    exif = exif_with_gps()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    serial = f"serial-{uuid.uuid4().hex}"
    exif[0xA431] = serial  # BodySerialNumber
    output = io.BytesIO()
    Image.new("RGB", (120, 90), (30, 120, 60)).save(output, format="JPEG", exif=exif)
    image = upload_in_admin(client, output.getvalue(), PHONE_FILE_NAME)
    assert (image.width, image.height) == (90, 120)
    with image.open_file() as handle:
        data = handle.read()
    assert image.file_size == len(data)
    assert_no_metadata(data, "original")
    # The upload as sent is not kept anywhere in the media store either.
    assert not [
        path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file() and serial.encode() in path.read_bytes()
    ]
