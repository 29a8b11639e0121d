"""Community story submissions as a source of personal data for the site-wide registry.

A submitted story is the group's own words and photos, so erasing the contact's data
deletes the story page itself (draft or published), its revisions and workflow history, the
photos only it uses (originals and renditions, files included) and scrubs the audit log.
"""

import json
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, PageLogEntry, ReferenceIndex, Revision, WorkflowState
from wagtail.search.backends import get_search_backends

from core.caching.frontend_cache import image_file_urls, purge_after_commit
from core.personal_data.registry import register
from core.site_address import page_url

from . import group_access, states
from .models import StorySubmission

ERASED_LABEL = "Community story erased on request"
PURGED_CONTACT = ""


def iso(value):
    return value.isoformat() if value else None


def submissions_for(email):
    return StorySubmission.objects.filter(contact_email__iexact=email).select_related("page")


def export(email):
    rows = states.states_for(submissions_for(email).order_by("submitted_at", "pk"))
    return {
        "story_submissions": [
            {
                "reference": submission.reference,
                "title": submission.page.title,
                "state": state,
                "state_label": str(states.LABELS[state]),
                "submitted_at": iso(submission.submitted_at),
                "group_name": submission.group_name,
                "contact_name": submission.contact_name,
                "contact_email": submission.contact_email,
                "consents": {
                    "consent_to_publish": submission.consent_to_publish,
                    "people_pictured_agreed": submission.people_pictured_agreed,
                    "consent_withdrawn_at": iso(submission.consent_withdrawn_at),
                },
                "summary": submission.page.summary,
                "story_url": page_url(submission.page) if submission.page.live else None,
                "first_published_at": iso(submission.page.first_published_at),
                "photos": [image.title for image in images_of([submission.page])],
            }
            for submission, state in rows
        ]
    }


def image_ids_in(value):
    """Image ids referenced anywhere in a revision's stored content (lead image, image blocks)."""
    found = set()
    if isinstance(value, str) and value.startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            return found
    if isinstance(value, dict):
        if value.get("type") == "image" and isinstance(value.get("value"), dict):
            image = value["value"].get("image")
            if isinstance(image, int):
                found.add(image)
        for key, item in value.items():
            if key == "lead_image" and isinstance(item, int):
                found.add(item)
            else:
                found |= image_ids_in(item)
    elif isinstance(value, list):
        for item in value:
            found |= image_ids_in(item)
    return found


def images_of(pages):
    ids = set()
    page_ids = [str(page.pk) for page in pages]
    for page in pages:
        if page.lead_image_id:
            ids.add(page.lead_image_id)
    for content in Revision.objects.filter(base_content_type=page_content_type(), object_id__in=page_ids).values_list(
        "content", flat=True
    ):
        ids |= image_ids_in(content)
    return list(get_image_model().objects.filter(pk__in=ids))


def page_content_type():
    return ContentType.objects.get_for_model(Page)


def used_elsewhere(image, page_ids):
    """True when something other than these pages refers to the image (Wagtail's reference index)."""
    page_type = page_content_type()
    for reference in ReferenceIndex.get_references_to(image):
        if not (reference.base_content_type_id == page_type.pk and reference.object_id in page_ids):
            return True
    return False


def delete_image(image):
    """Delete the image, its renditions and every stored file now, not after a commit."""
    for rendition in image.renditions.all():
        rendition.file.delete(save=False)
    image.renditions.all().delete()
    image.file.delete(save=False)
    image_type = ContentType.objects.get_for_model(type(image))
    ModelLogEntry.objects.filter(content_type=image_type, object_id=str(image.pk)).delete()
    remove_from_search_index(image)
    image.delete()


def remove_from_search_index(instance):
    for backend in get_search_backends(with_auto_update=False):
        backend.delete(instance)


def forget_group_sessions(email):
    """End the groups' area sessions signed in with this address: the session stores it."""
    group_access.AREA.forget_sessions(email)


@transaction.atomic
def erase(email, user):
    submissions = list(submissions_for(email))
    if not submissions:
        forget_group_sessions(email)
        return 0
    pages = [submission.page for submission in submissions]
    page_ids = [str(page.pk) for page in pages]
    images = [image for image in images_of(pages) if not used_elsewhere(image, page_ids)]
    # The CDN forgets the stories, their listings and every file of their photos.
    purge_after_commit(
        pages=pages + [page.get_parent() for page in pages],
        urls=[url for image in images for url in image_file_urls(image)],
    )
    rows = len(submissions)
    for page in pages:
        remove_from_search_index(page)
        # Deleting the page takes its submission, preview links, revisions, workflow states
        # and editors' comments with it.
        page.delete()
    Revision.objects.filter(base_content_type=page_content_type(), object_id__in=page_ids).delete()
    WorkflowState.objects.filter(base_content_type=page_content_type(), object_id__in=page_ids).delete()
    # The audit trail keeps that these things happened, not what the story said or who sent it.
    rows += PageLogEntry.objects.filter(page_id__in=[int(pk) for pk in page_ids]).update(
        label=ERASED_LABEL, data={}, revision=None
    )
    for image in images:
        delete_image(image)
        rows += 1
    forget_group_sessions(email)
    return rows


def declined_or_withdrawn_before(cutoff):
    """Submissions whose story was declined by moderators, or whose consent was withdrawn, before `cutoff`."""
    candidates = list(StorySubmission.objects.exclude(contact_email=PURGED_CONTACT).select_related("page"))
    latest = states.latest_workflow_states([submission.page for submission in candidates])
    due = []
    for submission in candidates:
        workflow_state = latest.get(str(submission.page_id))
        state = states.story_state(submission, workflow_state)
        if state == states.WITHDRAWN and submission.consent_withdrawn_at <= cutoff:
            due.append(submission)
        elif state == states.DECLINED:
            # The moderator's rejection is the task state the declined workflow stopped at.
            task_state = workflow_state.current_task_state
            if task_state and task_state.finished_at and task_state.finished_at <= cutoff:
                due.append(submission)
    return due


@transaction.atomic
def purge(days=None, now=None):
    """Drop contact details of stories declined or withdrawn more than the retention ago. Idempotent."""
    days = settings.STORY_CONTACT_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    due = declined_or_withdrawn_before(cutoff)
    for submission in due:
        forget_group_sessions(submission.contact_email.lower())
    StorySubmission.objects.filter(pk__in=[s.pk for s in due]).update(
        contact_name=PURGED_CONTACT, contact_email=PURGED_CONTACT
    )
    return len(due)


register(
    "stories",
    export=export,
    erase=erase,
    purge=purge,
    holds=lambda email: StorySubmission.objects.filter(contact_email__iexact=email).exists(),
)
