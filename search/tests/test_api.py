"""The read API a partner uses: each page type's fields, and nothing unpublished or personal."""

import json
import uuid
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

import pytest
from PIL import Image

from consultations.factories import CommentFactory
from consultations.models import Answer, ConsultationDocument, ConsultationQuestion
from pledges.factories import add_update
from stories.models import StorySubmission

pytestmark = pytest.mark.django_db

# One marker, planted in every field that holds a resident's or a staff member's details.
MARKER = "zqxmarker"


def api(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()


def image_file(name):
    content = ContentFile(b"", name=name)
    Image.new("RGB", (8, 6), (10, 120, 40)).save(content, format="PNG")
    return content


@pytest.fixture
def story(make_story, theme, place, pledges):
    image = get_image_model().objects.create(title="Orchard photo", file=image_file("orchard.png"))
    story = make_story("Live orchard story", summary="An orchard was planted.")
    story.themes.set([theme])
    story.pledges.set([pledges["live"], pledges["draft"]])
    story.place = place
    story.lead_image = image
    story.lead_image_alt_text = "Apple trees in a row"
    story.save_revision().publish()
    make_story("Draft orchard story", summary="Not ready.", live=False)
    private = make_story("Private orchard story", summary="Staff only.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return story


def test_story_lists_its_themes_place_and_only_its_published_pledges(client, story, theme, place, pledges):
    listing = api(client, "/api/v2/pages/", type="stories.StoryPage", fields="themes,place,pledges,lead_image,summary")
    assert [item["title"] for item in listing["items"]] == ["Live orchard story"]
    item = listing["items"][0]
    assert item["summary"] == "An orchard was planted."
    assert item["themes"] == [{"id": theme.pk, "name": "Getting involved", "slug": "volunteering-theme"}]
    assert item["place"] == {"id": place.pk, "name": "Upton upon Severn", "slug": "upton", "kind": place.kind}
    live = pledges["live"]
    assert item["pledges"] == [
        {"id": live.pk, "title": "Warm spaces", "slug": live.slug, "url": f"http://testserver/pledges/{live.slug}/"}
    ]
    assert item["lead_image"]["id"] == story.lead_image_id
    detail = api(client, f"/api/v2/pages/{story.pk}/")
    assert detail["themes"] == item["themes"] and detail["pledges"] == item["pledges"]
    assert detail["lead_image_alt_text"] == "Apple trees in a row"
    assert "Unannounced pledge" not in json.dumps(listing) + json.dumps(detail)


def test_pledge_shows_status_theme_and_published_updates_only(client, pledges, theme):
    pledge = add_update(pledges["live"], date(2025, 6, 1), "at_risk", "Funding is uncertain.")
    # A newer update still waiting for review lives only in a draft revision.
    draft = pledge.get_latest_revision_as_object()
    draft.updates.add(draft.updates.model(date=date(2025, 9, 1), status="done", text="Not yet approved."))
    draft.save_revision()
    listing = api(client, "/api/v2/pages/", type="pledges.PledgePage", fields="status,status_label,theme,updates")
    assert [item["title"] for item in listing["items"]] == ["Warm spaces"]
    item = listing["items"][0]
    assert item["status"] == "at_risk"
    assert item["theme"] == {"id": theme.pk, "name": "Getting involved", "slug": "volunteering-theme"}
    updates = [{key: update[key] for key in ("date", "status", "text")} for update in item["updates"]]
    assert updates == [
        {"date": "2025-01-10", "status": "on_track", "text": "Started well."},
        {"date": "2025-06-01", "status": "at_risk", "text": "Funding is uncertain."},
    ]
    assert item["updates"][1]["status_label"]
    detail = api(client, f"/api/v2/pages/{pledge.pk}/")
    assert detail["last_updated"] == "2025-06-01"
    assert detail["updates"] == item["updates"]
    assert "Not yet approved" not in json.dumps(listing) + json.dumps(detail)
    assert client.get(f"/api/v2/pages/{pledges['draft'].pk}/").status_code == 404


def test_consultations_show_their_state_dates_and_an_outcome_only_once_published(client, consultations, pledges):
    listing = api(
        client,
        "/api/v2/pages/",
        type="consultations.ConsultationPage",
        fields="state,state_label,opens_at,closes_at,outcome",
        order="title",
    )
    by_slug = {item["meta"]["slug"]: item for item in listing["items"]}
    assert set(by_slug) == {"parks", "library", "buses"}
    assert by_slug["buses"]["state"] == "upcoming" and by_slug["buses"]["outcome"] is None
    assert by_slug["library"]["state"] == "closed" and by_slug["library"]["outcome"] is None
    parks = by_slug["parks"]
    assert parks["state"] == "outcome" and parks["state_label"] == "Outcome published"
    assert parks["opens_at"] and parks["closes_at"]
    outcome = parks["outcome"]
    assert outcome["what_we_heard"] == "<p>You want more benches.</p>"
    assert outcome["decisions"] == "<p>Cabinet agreed twenty benches.</p>"
    assert outcome["you_said_we_did"][0]["we_did"] == "Ordered 20"
    assert outcome["you_said_we_did"][0]["pledge"]["title"] == "Warm spaces"
    assert outcome["you_said_we_did"][1]["pledge"] is None  # a draft pledge is never named
    detail = api(client, f"/api/v2/pages/{consultations['decided'].pk}/")
    assert detail["outcome"] == outcome
    assert detail["themes"][0]["slug"] == "volunteering-theme"
    everything = json.dumps(listing) + json.dumps(api(client, f"/api/v2/pages/{consultations['undecided'].pk}/"))
    assert "Embargoed finding" not in everything
    assert "Unannounced pledge" not in json.dumps(detail)
    assert client.get(f"/api/v2/pages/{consultations['draft'].pk}/").status_code == 404


def test_open_consultation_state(client, consultations):
    consultation = consultations["upcoming"]
    consultation.opens_at = timezone.now() - timedelta(days=1)
    consultation.save()
    assert api(client, f"/api/v2/pages/{consultation.pk}/")["state"] == "open"


def test_drafts_private_and_unpublished_pages_never_appear(client, story, pledges, consultations):
    every = api(client, "/api/v2/pages/", limit=100)
    titles = {item["title"] for item in every["items"]}
    assert "Live orchard story" in titles
    for hidden in ("Draft orchard story", "Private orchard story", "Unannounced pledge", "Draft consultation"):
        assert hidden not in titles
    others = [page for page in story.get_parent().get_children() if page.pk != story.pk]
    for page in [*others, pledges["draft"], consultations["draft"]]:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page.title
    story.unpublish()
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 404
    assert "Live orchard story" not in json.dumps(api(client, "/api/v2/pages/", type="stories.StoryPage"))


def test_images_and_documents_are_those_used_on_live_public_pages(client, story, consultations, make_story):
    Document = get_document_model()
    used = Document.objects.create(title="Parks plan", file=ContentFile(b"plan", name="parks-plan.txt"))
    ConsultationDocument.objects.create(page=consultations["decided"], document=used, title="The parks plan")
    consultations["decided"].save()  # the reference index follows the page's save
    Document.objects.create(title="Unused draft paper", file=ContentFile(b"x", name="draft.txt"))
    pending = get_image_model().objects.create(title="Photo sent with a story in review", file=image_file("p.png"))
    waiting = make_story("Story in review", live=False)
    waiting.lead_image = pending
    waiting.lead_image_alt_text = "A photo"
    waiting.save_revision()

    images = api(client, "/api/v2/images/")
    assert [item["title"] for item in images["items"]] == ["Orchard photo"]
    assert images["items"][0]["meta"]["download_url"]
    assert api(client, f"/api/v2/images/{story.lead_image_id}/")["width"] == 8
    assert client.get(f"/api/v2/images/{pending.pk}/").status_code == 404
    documents = api(client, "/api/v2/documents/")
    assert [item["title"] for item in documents["items"]] == ["Parks plan"]
    detail = api(client, f"/api/v2/pages/{consultations['decided'].pk}/")
    assert detail["documents"][0]["title"] == "The parks plan"
    assert detail["documents"][0]["document"]["id"] == used.pk


def plant_personal_data(story, pledges, consultations):
    """The marker in every field of personal data the site holds about these pages."""
    staff = User.objects.create_superuser(
        f"lead-{MARKER}", f"lead-{MARKER}@council.example", first_name=MARKER, last_name=MARKER
    )
    StorySubmission.objects.create(
        page=story,
        reference=f"CS-{MARKER}"[:20],
        form_token=uuid.uuid4(),
        group_name="Orchard friends",
        contact_name=f"Contact {MARKER}",
        contact_email=f"contact-{MARKER}@example.org",
        consent_to_publish=True,
        people_pictured_agreed=True,
    )
    pledge = pledges["live"]
    pledge.lead_users.add(staff)
    add_update(pledge, date(2025, 7, 1), "on_track", "Going well.", user=staff)
    story.owner = staff
    story.save_revision(user=staff).publish(user=staff)
    for consultation in consultations.values():
        question = ConsultationQuestion.objects.create(page=consultation, question="Your view?")
        comment = CommentFactory(
            consultation=consultation,
            display_name=f"Name {MARKER}",
            email=f"resident-{MARKER}@example.org",
            postcode="WR14 3AF",
            text=f"Comment {MARKER}",
            council_reply_by=staff,
            outcome="adopted",
            outcome_reason=f"Moderator note {MARKER}",
        )
        Answer.objects.create(comment=comment, question=question, value=f"Answer {MARKER}")


def test_no_personal_data_in_any_api_response(client, story, pledges, consultations):
    plant_personal_data(story, pledges, consultations)
    responses = [
        api(client, "/api/v2/pages/", fields="*", limit=100),
        api(client, "/api/v2/images/", fields="*"),
        api(client, "/api/v2/documents/", fields="*"),
    ]
    for page_type in ("stories.StoryPage", "pledges.PledgePage", "consultations.ConsultationPage"):
        listing = api(client, "/api/v2/pages/", type=page_type, fields="*", limit=100)
        responses.append(listing)
        responses += [api(client, f"/api/v2/pages/{item['id']}/") for item in listing["items"]]
    text = json.dumps(responses)
    assert "Parks consultation" in text and "Going well." in text  # the scan sees real content
    for leak in (MARKER, "WR14", "@example.org", "@council.example", "email", "postcode"):
        assert leak not in text, leak
