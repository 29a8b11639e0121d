"""What happens after a valid story submission: a draft page, the workflow, the emails."""

import logging

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.log_actions import log

from core.emails import receipt_allowed
from core.images.renditions import renditions_at_publication

from .models import RESERVED_SLUGS, StoryPage, StorySubmission
from .photos import reencode
from .public_text import plain_summary, story_paragraphs
from .staff_roles import get_workflow
from .tasks import GROUP, queue_submission_email, queue_to_moderators

logger = logging.getLogger(__name__)


def store_photos(photos, title):
    Image = get_image_model()
    images = []
    # Nobody but moderators sees the photos before publication, which makes the renditions.
    with renditions_at_publication():
        for position, upload in enumerate(photos, start=1):
            image = Image(title=f"{title} ({position})"[:255], file=reencode(upload))
            image.save()
            images.append(image)
    return images


def build_story_page(data, images):
    alt_text = data.get("photo_description", "")
    body = [{"type": "paragraph", "value": story_paragraphs(data["story"])}]
    body += [
        {"type": "image", "value": {"image": image.pk, "alt_text": alt_text, "caption": ""}} for image in images[1:]
    ]
    page = StoryPage(
        title=data["title"],
        slug=slugify(data["title"])[:60] or "story",
        summary=plain_summary(data["story"]),
        body=body,
        told_by=data["group_name"],
        place=data.get("place"),
        lead_image=images[0] if images else None,
        lead_image_alt_text=alt_text if images else "",
        live=False,
    )
    return page


def unique_slug(index, slug):
    taken = set(index.get_children().filter(slug__startswith=slug).values_list("slug", flat=True)) | RESERVED_SLUGS
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def create_story_submission(index, data, notify=True):
    """Create the draft story and its submission, start the review, and send the emails.

    A repeated form token (a double-clicked submit) returns the first submission unchanged.
    Sample content passes notify=False: nobody should get email about an example.
    """
    existing = StorySubmission.objects.filter(form_token=data["form_token"]).select_related("page").first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            submission = _create(index, data)
    except IntegrityError:
        # Two identical requests raced; the other one won.
        return StorySubmission.objects.get(form_token=data["form_token"]), False
    if notify:
        send_submission_emails(submission)
    return submission, True


def _create(index, data):
    images = store_photos(data.get("photos") or [], data["title"])
    page = build_story_page(data, images)
    page.slug = unique_slug(index, page.slug)
    page.themes.set(data.get("themes") or [])
    index.add_child(instance=page)
    revision = page.save_revision(log_action=False)
    submission = StorySubmission.objects.create(
        page=page,
        reference=StorySubmission.new_reference(),
        form_token=data["form_token"],
        group_name=data["group_name"],
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        consent_to_publish=data["consent_to_publish"],
        people_pictured_agreed=bool(data.get("people_pictured_agreed")),
        submitted_revision=revision,
    )
    # The audit log names the group (never the email address) as the story's source.
    log(
        page,
        "stories.submitted",
        data={"group": data["group_name"], "reference": submission.reference},
        revision=revision,
    )
    get_workflow().start(page, user=None)
    return submission


def send_submission_emails(submission):
    """Queue the group's receipt (within the daily cap per address) and the moderators' notice."""
    if receipt_allowed(submission.contact_email):
        queue_submission_email("submission_received", submission, GROUP, about=submission.pk)
    queue_to_moderators("moderators_new_submission", submission, about=submission.pk)
