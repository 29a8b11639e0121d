"""Residents' data rights: export, erasure everywhere, self-service links, retention.

The erasure test plants a unique marker in every field a resident can fill, through the real
public forms, lets moderators act on it through the workflow, erases the address through the
staff tool, then scans every column of every table and every file under MEDIA_ROOT for it.
"""

import io
import json
import os
import re
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.sessions.models import Session
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, WorkflowState

import pytest
from PIL import Image

from consultations.factories import (
    ConsultationQuestionFactory,
)
from consultations.models import Comment
from consultations.moderation import approve
from core.personal_data.links import LINK_MAX_AGE_SECONDS, SALT, make_token
from core.personal_data.registry import ERASE_ACTION, EXPORT_ACTION
from core.staff_roles import MODERATORS
from stories.models import StoryPage, StoryPreviewLink, StorySubmission
from tests.security.sites import public_forms_site

pytestmark = pytest.mark.django_db


# The site -------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    home, stories, consultation = public_forms_site()
    text_question = ConsultationQuestionFactory(page=consultation, question="What would you change?", kind="text")
    choice_question = ConsultationQuestionFactory(
        page=consultation, question="How often do you visit?", kind="single", choices="Weekly\nRarely"
    )
    return {
        "home": home,
        "stories": stories,
        "consultation": consultation,
        "text_question": text_question,
        "choice_question": choice_question,
    }


@pytest.fixture
def moderator(site):
    user = User.objects.create_user("mod", "mod@council.example", "a-long-password-1")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def data_officer(db):
    return User.objects.create_superuser("officer", "officer@council.example", "a-long-password-1")


def staff_client(user):
    client = Client()
    client.force_login(user)
    return client


# Residents using the real public forms ---------------------------------------------------------


def postcode_marker():
    """A postcode-shaped marker: the postcode field only accepts UK postcode formats."""
    digits = uuid.uuid4().int
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return (
        f"ZQ{digits % 10}{letters[digits // 10 % 20]} "
        f"{digits // 200 % 10}{letters[digits // 2000 % 20]}{letters[digits // 40000 % 20]}"
    )


def photo_with_marker(marker):
    """A JPEG whose EXIF description holds the marker, as phones write it."""
    image = Image.new("RGB", (60, 40), (30, 120, 200))
    exif = Image.Exif()
    exif[0x010E] = f"Photo {marker}"  # ImageDescription
    exif[0x013B] = f"Artist {marker}"  # Artist
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    content = output.getvalue()
    assert marker.encode() in content  # the upload really carries it
    return SimpleUploadedFile(f"{marker} at home.jpg", content, content_type="image/jpeg")


def send_story(client, marker, email, title, photo=True, photo_file=None):
    data = {
        "group_name": f"Group {marker}",
        "contact_name": f"Contact {marker}",
        "contact_email": email,
        "title": f"{title} {marker}",
        "story": f"Story {marker} began here.\n\nSecond paragraph {marker}.",
        "consent_to_publish": "on",
        "form_token": str(uuid.uuid4()),
        "started": "",
        "website": "",
    }
    if photo:
        data.update(
            photos=[photo_file or photo_with_marker(marker)],
            photo_description=f"Photo description {marker}",
            people_pictured_agreed="on",
        )
    response = client.post("/stories/submit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return StorySubmission.objects.select_related("page").get(form_token=data["form_token"])


def send_comment(client, site, marker, email, postcode):
    consultation = site["consultation"]
    data = {
        f"question_{site['text_question'].pk}": f"Answer {marker}",
        f"question_{site['choice_question'].pk}": "Weekly",
        "display_name": f"Name {marker}",
        "email": email,
        "postcode": postcode,
        "text": f"Comment {marker} about the park.",
        "notify_outcome": "on",
        "privacy_agreed": "on",
        "form_token": str(uuid.uuid4()),
        "started": "",
        "website": "",
    }
    response = client.post(consultation.url + "comment/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    comment = Comment.objects.get(form_token=data["form_token"])
    confirm_link = re.search(r"https?://testserver(\S+)", mail.outbox[-1].body).group(1)
    assert client.post(confirm_link).status_code == 200
    return comment


def plain_photo():
    output = io.BytesIO()
    Image.new("RGB", (50, 50), (10, 200, 10)).save(output, format="PNG")
    return SimpleUploadedFile("garden.png", output.getvalue(), content_type="image/png")


def links_in(message):
    return [link.replace("http://testserver", "") for link in re.findall(r"https?://\S+", message.body)]


def group_signs_in(client, email):
    mail.outbox.clear()
    assert client.post(reverse("stories:sign_in"), {"email": email}).status_code == 200
    response = client.get(links_in(mail.outbox[-1])[0])
    assert response.status_code == 302


def workflow_action(staff, page, action, data=None):
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-pk").first().current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.pk))
    response = staff.post(url, data or {})
    assert response.status_code in (200, 302)


def plant_everything(client, site, moderator, marker, postcode, email):
    """Every field a resident can fill, through the public views; moderators act on some of it."""
    staff = staff_client(moderator)
    # Story one: approved unchanged, so it is published (revisions, log entries, renditions).
    published = send_story(client, marker, email, "Published")
    workflow_action(staff, published.page, "approve")
    published.page.refresh_from_db()
    assert published.page.live
    assert client.get(published.page.url).status_code == 200  # renders the photo: renditions
    assert client.get(site["stories"].url).status_code == 200  # the listing's rendition too
    # Story two: edited by a moderator, so the group gets a preview and answers with comments.
    in_review = send_story(client, marker, email, "Reviewed")
    draft = in_review.page.get_latest_revision_as_object()
    draft.summary = f"Edited summary keeping {marker}"
    draft.save_revision(user=moderator)
    workflow_action(staff, in_review.page, "approve")
    link = StoryPreviewLink.objects.get(submission=in_review)
    group_signs_in(client, email)
    response = client.post(f"/stories/preview/{link.token}/", {"decision": "comment", "comment": f"Change {marker}"})
    assert response.status_code == 302
    # Story three: declined by a moderator.
    declined = send_story(client, marker, email, "Declined", photo=False)
    workflow_action(staff, declined.page, "reject", {"comment": "Not a story of change"})
    # A comment, confirmed by email and approved by a moderator.
    comment = send_comment(client, site, marker, email, postcode)
    approve([comment], moderator)
    return [published, in_review, declined], comment


PLANTED_FIELDS = [
    "story form: group name",
    "story form: contact name",
    "story form: contact email (local part)",
    "story form: title",
    "story form: story text",
    "story form: photo description",
    "story form: photo file name",
    "story form: photo EXIF ImageDescription",
    "story form: photo EXIF Artist",
    "group sign-in request: email (local part)",
    "group preview answer: comments",
    "comment form: display name",
    "comment form: email (local part)",
    "comment form: postcode (postcode-shaped marker)",
    "comment form: comment text",
    "comment form: free-text answer",
]


# Scanning -------------------------------------------------------------------------------------


BYTEA_OID = 17  # PostgreSQL's binary type: CAST(... AS TEXT) would show it as hex


def column_condition(column):
    """SQL matching a needle anywhere in a column, read as text and, for binary data, as bytes."""
    name = connection.ops.quote_name(column.name)
    if connection.vendor == "sqlite":
        # FTS5 keeps its index in BLOB pages: look for the needle's bytes there too.
        return f"(LOWER(CAST({name} AS TEXT)) LIKE %s OR INSTR(CAST({name} AS BLOB), CAST(%s AS BLOB)) > 0)", 2
    if column.type_code == BYTEA_OID:
        return f"(POSITION(CONVERT_TO(%s, 'UTF8') IN {name}) > 0 OR FALSE AND %s IS NULL)", 2
    return f"LOWER(CAST({name} AS TEXT)) LIKE %s", 1


def scan_database(needles):
    """{(table, column): rows} where any column of any table holds one of the needles.

    Every column is read (as text, and as bytes where the engine stores binary data), not only
    text/char/json ones: a marker in a tsvector or an FTS index page counts too. Returns the
    hits, the number of tables and the number of columns scanned.
    """
    hits, scanned_tables, scanned_columns = {}, 0, 0
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = connection.introspection.get_table_description(cursor, table)
            scanned_tables += 1
            for column in columns:
                scanned_columns += 1
                condition, params_per_needle = column_condition(column)
                conditions, params = [], []
                for needle in needles:
                    conditions.append(condition)
                    if params_per_needle == 2 and connection.vendor == "sqlite":
                        params += [f"%{needle.lower()}%", needle.lower()]
                    elif params_per_needle == 2:
                        params += [needle.lower(), needle.lower()]
                    else:
                        params.append(f"%{needle.lower()}%")
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} WHERE {' OR '.join(conditions)}",  # noqa: S608
                    params,
                )
                count = cursor.fetchone()[0]
                if count:
                    hits[(table, column.name)] = count
    return hits, scanned_tables, scanned_columns


def scan_media(needles):
    """Files under MEDIA_ROOT whose path or bytes hold a needle; and how many files were read."""
    hits, scanned = [], 0
    encoded = [needle.encode() for needle in needles] + [needle.lower().encode() for needle in needles]
    for folder, _dirs, files in os.walk(settings.MEDIA_ROOT):
        for name in files:
            path = os.path.join(folder, name)
            scanned += 1
            with open(path, "rb") as handle:
                content = handle.read()
            if any(needle.lower() in path.lower() for needle in needles) or any(n in content for n in encoded):
                hits.append(path)
    return hits, scanned


def sessions_holding(needles):
    return [
        session.pk
        for session in Session.objects.all()
        if any(needle.lower() in json.dumps(session.get_decoded()).lower() for needle in needles)
    ]


# The tests ------------------------------------------------------------------------------------


def test_erasure_through_the_staff_tool_leaves_the_marker_nowhere(client, site, moderator, data_officer):
    marker = "zq" + uuid.uuid4().hex
    postcode = postcode_marker()
    email = f"{marker}@example.org"
    needles = [marker, postcode]
    submissions, comment = plant_everything(client, site, moderator, marker, postcode, email)
    # Someone else's data must survive the erasure.
    other = Client()
    other_story = send_story(other, "bystander", "other@example.org", "Other", photo_file=plain_photo())
    other_comment = send_comment(other, site, "bystander", "other@example.org", "WR14 3AF")

    images = list(get_image_model().objects.filter(title__contains=marker))
    files = [image.file.path for image in images]
    files += [rendition.file.path for image in images for rendition in image.renditions.all()]
    assert len(images) == 2 and len(files) > 2 and all(os.path.exists(path) for path in files)

    before, tables, columns = scan_database(needles)
    media_before, media_files_before = scan_media(needles)
    # Uploads are re-encoded and renamed on the way in: no marker in any file even now.
    assert media_before == [] and media_files_before >= len(files) + 1
    planted_in = {table for table, _column in before}
    # The scan sees the marker where it was planted: it is able to fail.
    for expected in (
        "stories_storysubmission",
        "wagtailcore_page",
        "wagtailcore_revision",
        "wagtailcore_pagelogentry",
        "wagtailcore_taskstate",
        "wagtailcore_modellogentry",
        "wagtailimages_image",
        "consultations_comment",
        "consultations_answer",
        "wagtailsearch_indexentry",
    ):
        assert expected in planted_in, (expected, sorted(planted_in))
    assert any(column == "postcode" for _table, column in before)
    assert sessions_holding(needles)

    staff = staff_client(data_officer)
    confirm = staff.post("/admin/personal-data/", {"email": email.upper(), "action": "erase"})
    assert confirm.status_code == 200
    assert "This cannot be undone" in confirm.content.decode()
    assert StorySubmission.objects.filter(contact_email=email).count() == 3  # nothing happens before confirming
    refused = staff.post("/admin/personal-data/erase/", {"email": email})
    assert refused.status_code == 400
    response = staff.post("/admin/personal-data/erase/", {"email": email, "confirm": "on"})
    assert response.status_code == 302

    after, _tables, _columns = scan_database(needles)
    media_hits, media_files = scan_media(needles)
    assert after == {}, after
    assert media_hits == []
    assert sessions_holding(needles) == []
    assert not any(os.path.exists(path) for path in files)
    assert media_files >= 1  # the bystander's photo is still there, and was read
    assert not StoryPage.objects.filter(pk__in=[s.page_id for s in submissions]).exists()
    assert not Comment.objects.filter(pk=comment.pk).exists()
    # Others keep their story and comment.
    assert StorySubmission.objects.filter(pk=other_story.pk).exists()
    assert Comment.objects.filter(pk=other_comment.pk).exists()
    # The audit log says who erased how much, and when; never the address.
    entry = ModelLogEntry.objects.get(action=ERASE_ACTION)
    assert entry.user == data_officer
    assert entry.data["total"] >= 4
    assert marker not in json.dumps(entry.data) + entry.label
    print(  # noqa: T201 - the figures the security notes quote
        f"\nplanted fields: {len(PLANTED_FIELDS)}; tables scanned: {tables}; columns scanned: {columns}; "
        f"media files scanned: {media_files_before} before, {media_files} after; "
        f"columns holding the marker before: {len(before)} in {len(planted_in)} tables ({sorted(planted_in)}); after erasure: 0"
    )


def test_staff_export_holds_the_residents_data_and_nobody_elses(client, site, moderator, data_officer):
    send_story(client, "kimstory", "kim@example.org", "Kim's", photo=False)
    kim_comment = send_comment(client, site, "kimcomment", "kim@example.org", "WR14 2AA")
    other = Client()
    send_story(other, "otherstory", "other@example.org", "Other's", photo=False)
    send_comment(other, site, "othercomment", "other@example.org", "WR14 3AF")

    staff = staff_client(data_officer)
    response = staff.post("/admin/personal-data/", {"email": "Kim@Example.org", "action": "export"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    text = response.content.decode()
    assert data["email"] == "kim@example.org"
    [story] = data["stories"]["story_submissions"]
    assert story["title"] == "Kim's kimstory"
    assert story["consents"]["consent_to_publish"] is True
    assert story["state"] == "received"
    [comment] = data["consultations"]["comments"]
    assert comment["consultation"] == "Parks and green spaces"
    assert comment["text"] == "Comment kimcomment about the park."
    assert comment["postcode"] == "WR14 2AA"
    assert {"question": "What would you change?", "answer": "Answer kimcomment"} in comment["answers"]
    assert comment["moderation_state"] == kim_comment.moderation_state
    assert "other" not in text.lower()
    exported = ModelLogEntry.objects.get(action=EXPORT_ACTION)
    assert exported.user == data_officer and "kim" not in json.dumps(exported.data) + exported.label


def test_the_staff_tool_is_for_permitted_staff_only(client, site, moderator):
    assert client.get("/admin/personal-data/").status_code == 302  # to the sign-in page
    staff = staff_client(moderator)  # moderators may not export or erase
    assert staff.get("/admin/personal-data/")["Location"] == "/admin/"
    assert staff.post("/admin/personal-data/erase/", {"email": "a@example.org", "confirm": "on"}).status_code == 302
    officer = User.objects.create_user("comms", "comms@council.example", "a-long-password-1")
    officer.groups.add(Group.objects.get(name="Communications team"))
    page = staff_client(officer).get("/admin/personal-data/")
    assert page.status_code == 200
    assert {"private", "no-store"} <= {part.strip() for part in page["Cache-Control"].split(",")}


def ask_for_link(client, email):
    mail.outbox.clear()
    return client.post("/your-data/", {"email": email, "form_token": str(uuid.uuid4()), "website": ""})


def test_self_service_answers_the_same_for_known_and_unknown_addresses(client, site):
    send_comment(client, site, "known", "known@example.org", "")
    known = ask_for_link(Client(), "known@example.org")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["known@example.org"]
    unknown = ask_for_link(Client(), "nobody@example.org")
    assert len(mail.outbox) == 0
    assert known.status_code == unknown.status_code == 200

    def visible(response):
        html = response.content.decode()
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
        return re.sub(r"\s+", " ", html)

    assert visible(known) == visible(unknown)
    assert "If we hold anything for that address we have sent a link" in visible(known)


def test_self_service_link_downloads_and_erases_the_residents_data(client, site):
    send_story(client, "mystory", "me@example.org", "Mine", photo=False)
    send_comment(client, site, "mycomment", "me@example.org", "")
    send_comment(Client(), site, "theirs", "them@example.org", "")
    ask_for_link(Client(), "me@example.org")
    link = links_in(mail.outbox[0])[0]

    resident = Client()
    page = resident.get(link)
    assert page.status_code == 200
    assert {"private", "no-store"} <= {part.strip() for part in page["Cache-Control"].split(",")}
    download = resident.get(link + "download/")
    assert download["Cache-Control"] == "private, no-store"
    data = json.loads(download.content)
    assert data["stories"]["story_submissions"][0]["title"] == "Mine mystory"
    assert [c["text"] for c in data["consultations"]["comments"]] == ["Comment mycomment about the park."]

    unconfirmed = resident.post(link + "erase/", {})
    assert unconfirmed.status_code == 400
    assert Comment.objects.filter(email="me@example.org").exists()
    erased = resident.post(link + "erase/", {"confirm": "on"})
    assert erased.status_code == 200
    assert "Your data has been erased" in erased.content.decode()
    assert not Comment.objects.filter(email="me@example.org").exists()
    assert not StorySubmission.objects.filter(contact_email="me@example.org").exists()
    assert Comment.objects.filter(email="them@example.org").exists()
    entry = ModelLogEntry.objects.get(action=ERASE_ACTION)
    assert entry.user is None and entry.data["via"] == "resident" and "me@example.org" not in entry.label


def test_self_service_link_expires_after_a_day(client, site, monkeypatch):
    token = make_token("me@example.org")
    assert client.get(f"/your-data/{token}/").status_code == 200
    later = timezone.now().timestamp() + LINK_MAX_AGE_SECONDS + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    expired = client.get(f"/your-data/{token}/")
    assert expired.status_code == 400
    assert "expired" in expired.content.decode()
    assert client.get(f"/your-data/{token}/download/").status_code == 400
    assert client.post(f"/your-data/{token}/erase/", {"confirm": "on"}).status_code == 400


def test_a_forged_or_other_purpose_token_is_refused(client, site):
    forged = signing.TimestampSigner(salt="something-else").sign_object({"email": "me@example.org"})
    assert client.get(f"/your-data/{forged}/").status_code == 400
    tampered = make_token("me@example.org")[:-2] + "xx"
    assert client.get(f"/your-data/{tampered}/").status_code == 400
    assert SALT  # the link's salt is the module's own


def test_pages_with_personal_data_are_never_stored_by_the_page_cache(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 600
    token = make_token("me@example.org")
    for path in (f"/your-data/{token}/", f"/your-data/{token}/download/", f"/your-data/{token}/erase/"):
        for _attempt in range(2):
            response = Client().get(path)
            assert response["Cache-Control"] == "private, no-store", path
            assert "X-Page-Cache" not in response, path


def test_the_request_form_is_rate_limited(client, site, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for _attempt in range(2):
        assert ask_for_link(client, "me@example.org").status_code == 200
    limited = ask_for_link(client, "me@example.org")
    assert limited.status_code == 429
    assert "me@example.org" in limited.content.decode()  # what was typed is shown back


def test_the_request_form_shows_errors_and_keeps_what_was_typed(client, site):
    response = client.post("/your-data/", {"email": "not-an-email", "form_token": str(uuid.uuid4())})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_email"' in html and 'value="not-an-email"' in html


def test_purge_drops_contacts_of_declined_and_withdrawn_stories_after_the_retention(client, site, moderator, settings):
    settings.STORY_CONTACT_RETENTION_DAYS = 30
    staff = staff_client(moderator)
    declined = send_story(client, "declined", "declined@example.org", "Declined", photo=False)
    workflow_action(staff, declined.page, "reject", {"comment": "Not for us"})
    withdrawn = send_story(client, "withdrawn", "withdrawn@example.org", "Withdrawn", photo=False)
    StorySubmission.objects.filter(pk=withdrawn.pk).update(consent_withdrawn_at=timezone.now())
    kept = send_story(client, "kept", "kept@example.org", "Kept", photo=False)

    call_command("purge_personal_data")  # within the retention: nothing goes
    assert StorySubmission.objects.filter(contact_email="declined@example.org").exists()

    WorkflowState.objects.filter(object_id=str(declined.page_id)).first().current_task_state.__class__.objects.filter(
        workflow_state__object_id=str(declined.page_id)
    ).update(finished_at=timezone.now() - timedelta(days=31))
    StorySubmission.objects.filter(pk=withdrawn.pk).update(consent_withdrawn_at=timezone.now() - timedelta(days=31))
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "stories: purged personal data from 2 rows." in out.getvalue()
    declined.refresh_from_db()
    withdrawn.refresh_from_db()
    kept.refresh_from_db()
    assert (declined.contact_name, declined.contact_email) == ("", "")
    assert (withdrawn.contact_name, withdrawn.contact_email) == ("", "")
    assert kept.contact_email == "kept@example.org"
    assert declined.reference  # the record that a story was sent stays

    again = io.StringIO()
    call_command("purge_personal_data", stdout=again)
    assert "stories: purged personal data from 0 rows." in again.getvalue()


def test_there_is_one_purge_command_for_the_whole_site():
    from django.core.management import get_commands

    assert get_commands()["purge_personal_data"] == "core"
    assert not os.path.exists(
        os.path.join(settings.BASE_DIR, "consultations/management/commands/purge_personal_data.py")
    )
