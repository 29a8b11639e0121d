import io
import uuid

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.models import WorkflowState

import pytest
from PIL import Image

from stories.models import StoryPage, StorySubmission

from .conftest import photo_bytes

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/stories/submit/"


def story_data(**overrides):
    data = {
        "group_name": "Upton Repair Group",
        "contact_name": "Sam Jones",
        "contact_email": "sam@example.org",
        "title": "Our repair café",
        "story": "We fixed 200 toasters.\n\nNeighbours met for the first time.",
        "photo_description": "",
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
        "started": "",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def upload(name="photo.jpg", content=None, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content if content is not None else photo_bytes(), content_type=content_type)


def test_form_renders_with_labelled_fields(client, story_index):
    response = client.get(SUBMIT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    for field in (
        "group_name",
        "contact_name",
        "contact_email",
        "title",
        "story",
        "photos",
        "place",
        "consent_to_publish",
    ):
        assert f'for="id_{field}' in html or f'id="id_{field}' in html
    assert 'enctype="multipart/form-data"' in html


def test_valid_submission_creates_a_draft_story_in_review_and_sends_emails(client, story_index, themes, places):
    response = client.post(
        SUBMIT_URL,
        story_data(
            place=places["upton"].pk,
            themes=[themes["safer"].pk],
            photos=[upload()],
            photo_description="Volunteers at a table",
            people_pictured_agreed="on",
        ),
    )
    submission = StorySubmission.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/stories/submit/thank-you/{submission.reference}/")
    page = submission.page
    assert not page.live
    assert page.told_by == "Upton Repair Group"
    assert page.place == places["upton"]
    assert list(page.themes.all()) == [themes["safer"]]
    assert page.lead_image is not None and page.lead_image_alt_text == "Volunteers at a table"
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Community story review"
    assert state.current_task_state.task.name == "Moderator review"
    confirmation = client.get(response["Location"])
    assert submission.reference in confirmation.content.decode()
    recipients = [message.to for message in mail.outbox]
    assert ["sam@example.org"] in recipients
    assert ["moderators@connected-communities.localhost"] in recipients
    acknowledgement = next(m for m in mail.outbox if m.to == ["sam@example.org"])
    assert submission.reference in acknowledgement.subject


def test_draft_story_is_not_visible_to_the_public(client, story_index):
    client.post(SUBMIT_URL, story_data())
    page = StorySubmission.objects.get().page
    assert client.get(f"/stories/{page.slug}/").status_code == 404
    assert "Our repair café" not in client.get("/stories/").content.decode()


def test_contact_details_never_appear_on_public_pages_or_the_api(client, story_index):
    client.post(SUBMIT_URL, story_data())
    page = StoryPage.objects.get()
    page.save_revision().publish()
    for url in (page.url, "/stories/", "/stories/feed/", f"/api/v2/pages/{page.pk}/?fields=*"):
        body = client.get(url).content.decode()
        assert "sam@example.org" not in body
        assert "Sam Jones" not in body


def test_missing_fields_show_an_error_summary_and_keep_what_was_typed(client, story_index):
    response = client.post(SUBMIT_URL, story_data(group_name="", consent_to_publish=None, story="Kept <b>text</b>"))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="govuk-error-summary"' in html
    assert 'href="#id_group_name"' in html
    assert 'href="#id_consent_to_publish"' in html
    assert "Kept &lt;b&gt;text&lt;/b&gt;" in html
    assert 'value="sam@example.org"' in html
    assert StorySubmission.objects.count() == 0


def test_public_html_is_sanitised(client, story_index):
    client.post(
        SUBMIT_URL,
        story_data(
            story=(
                '<p onclick="x()">Hi <script>alert(1)</script><strong>there</strong></p>'
                "\n\n<img src=x onerror=alert(1)>"
            )
        ),
    )
    html = StoryPage.objects.get().body.raw_data[0]["value"]
    assert "<script" not in html and "onclick" not in html and "onerror" not in html and "<img" not in html
    assert "<strong>there</strong>" in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"this is not an image at all", "not a JPEG, PNG or WebP"),
        ("anim.png", photo_bytes("GIF"), "not a JPEG, PNG or WebP"),
        ("doc.webp", b"%PDF-1.4 fake", "not a JPEG, PNG or WebP"),
    ],
)
def test_photos_are_checked_by_content_not_name(client, story_index, name, content, message):
    response = client.post(
        SUBMIT_URL, story_data(photos=[upload(name, content)], photo_description="x", people_pictured_agreed="on")
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert get_image_model().objects.count() == 0


def test_more_than_five_photos_are_refused(client, story_index):
    photos = [upload(f"p{i}.jpg") for i in range(6)]
    response = client.post(SUBMIT_URL, story_data(photos=photos, photo_description="x", people_pictured_agreed="on"))
    assert response.status_code == 400
    assert "Send up to 5 photos." in response.content.decode()


def test_five_photos_are_accepted(client, story_index):
    photos = [upload(f"p{i}.png", photo_bytes("PNG"), "image/png") for i in range(5)]
    response = client.post(SUBMIT_URL, story_data(photos=photos, photo_description="x", people_pictured_agreed="on"))
    assert response.status_code == 302
    assert get_image_model().objects.count() == 5


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_photos_over_the_size_limit_are_refused(client, story_index):
    noisy = Image.effect_noise((200, 200), 100).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, format="PNG")
    assert len(buffer.getvalue()) > 1000
    response = client.post(
        SUBMIT_URL,
        story_data(
            photos=[upload("big.png", buffer.getvalue(), "image/png")],
            photo_description="x",
            people_pictured_agreed="on",
        ),
    )
    assert response.status_code == 400
    assert "is larger than" in response.content.decode()


def test_decompression_bombs_are_refused(client, story_index):
    # A tiny file that claims 20000 x 20000 pixels when decoded.
    bomb = photo_bytes("PNG", size=(20000, 20000))
    response = client.post(
        SUBMIT_URL,
        story_data(photos=[upload("bomb.png", bomb, "image/png")], photo_description="x", people_pictured_agreed="on"),
    )
    assert response.status_code == 400
    assert "too many pixels" in response.content.decode()
    assert get_image_model().objects.count() == 0


def test_photos_need_the_people_pictured_to_have_agreed_and_a_description(client, story_index):
    response = client.post(SUBMIT_URL, story_data(photos=[upload()]))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_people_pictured_agreed"' in html
    assert 'href="#id_photo_description"' in html
    assert "choose your photos again" in html


def gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 3.0, 0.0), 3: "W", 4: (2.0, 13.0, 0.0)}  # GPS
    return exif


@pytest.mark.parametrize(
    ("image_format", "content_type"), [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")]
)
def test_exif_and_gps_are_gone_from_the_stored_original(client, story_index, image_format, content_type):
    original = photo_bytes(image_format, exif=gps_exif())
    with Image.open(io.BytesIO(original)) as check:
        assert check.getexif().get(0x010F) == "PhoneMaker"  # the test photo really carries EXIF
    response = client.post(
        SUBMIT_URL,
        story_data(
            photos=[upload("IMG_0001 Sam's house.jpg", original, content_type)],
            photo_description="x",
            people_pictured_agreed="on",
        ),
    )
    assert response.status_code == 302
    stored = get_image_model().objects.get()
    assert "Sam" not in stored.file.name
    with stored.file.open("rb") as handle:
        data = handle.read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == image_format
        assert not image.getexif()
        assert "exif" not in image.info
    assert b"PhoneMaker" not in data


def test_double_submit_creates_one_story(client, story_index):
    data = story_data()
    first = client.post(SUBMIT_URL, data)
    second = client.post(SUBMIT_URL, data)
    assert StorySubmission.objects.count() == 1
    assert StoryPage.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_honeypot_refuses_bots(client, story_index):
    response = client.post(SUBMIT_URL, story_data(website="http://spam.example"))
    assert response.status_code == 400
    assert StorySubmission.objects.count() == 0


# Two refused forms reach the limit for failed attempts (accepted ones have their own).
@override_settings(PUBLIC_FORM_RATE_LIMIT=2, PUBLIC_FORM_FAILED_RATE_LIMIT=2)
def test_rate_limit_answers_429_and_shows_what_was_typed(client, story_index):
    for _ in range(2):
        client.post(SUBMIT_URL, story_data(title=""))
    response = client.post(SUBMIT_URL, story_data(story="My long story text"))
    assert response.status_code == 429
    assert "My long story text" in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_submission_is_recorded_in_the_audit_log_without_the_email(client, story_index):
    from wagtail.models import PageLogEntry

    client.post(SUBMIT_URL, story_data())
    entry = PageLogEntry.objects.get(action="stories.submitted")
    assert entry.data["group"] == "Upton Repair Group"
    assert "sam@example.org" not in str(entry.data)
    assert PageLogEntry.objects.filter(action="wagtail.workflow.start").exists()


def test_a_blocked_email_address_cannot_send_a_story(client, story_index):
    from core.public_forms.blocklist import block

    block("sam@example.org", "abuse")
    response = client.post(SUBMIT_URL, story_data())
    assert response.status_code == 400
    assert 'href="#id_contact_email"' in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_line_breaks_in_a_title_or_name_become_spaces_so_the_emails_still_go(client, story_index, settings):
    settings.MODERATOR_EMAILS = ["moderators@council.example"]
    response = client.post(
        SUBMIT_URL, story_data(title="Our repair\ncafé", group_name="Upton\r\nRepair  Group", contact_name="Sam\nJones")
    )
    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    assert submission.page.title == "Our repair café"
    assert (submission.group_name, submission.contact_name) == ("Upton Repair Group", "Sam Jones")
    assert mail.outbox and all("\n" not in message.subject for message in mail.outbox)


def test_a_story_of_markup_alone_is_refused_with_a_clear_message(client, story_index):
    response = client.post(SUBMIT_URL, story_data(story="<script>alert(1)</script><svg><animate onbegin=alert(1)>"))
    assert response.status_code == 400
    assert "Write your story in words" in response.content.decode()
    assert StorySubmission.objects.count() == 0


def test_the_summary_shows_ampersands_and_comparisons_as_typed(client, story_index):
    client.post(SUBMIT_URL, story_data(story="Tea & cake for 2 < 3 year-olds.\n\n<svg>Unclosed, then more words."))
    page = StoryPage.objects.get()
    assert page.summary == "Tea & cake for 2 < 3 year-olds. Unclosed, then more words."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Tea &amp; cake for 2 &lt; 3 year-olds." in html
    assert "&amp;amp;" not in html and "&amp;lt;" not in html
