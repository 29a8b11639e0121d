"""A group withdrawing its consent: the story and its photos come down at once and moderators are told."""

from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from core.caching.frontend_cache import image_file_urls, purge_after_commit

from .personal_data import delete_image, image_ids_in, images_of, used_elsewhere
from .tasks import queue_to_moderators


def group_photos(submission):
    """The photos the group sent: those in the revision their form created.

    Not the images editors added from the council's library while editing: the group's
    consent never covered those, and other pages may show them.
    """
    page = submission.page
    if submission.submitted_revision is None:
        return [image for image in images_of([page]) if not used_elsewhere(image, [str(page.pk)])]
    ids = image_ids_in(submission.submitted_revision.content)
    return list(get_image_model().objects.filter(pk__in=ids))


def take_down_photos(submission):
    """Delete the group's photos, originals and renditions, files too, and purge them from the CDN.

    Unpublishing alone leaves every file answering at its /media/ address (and in the API's
    download_url, and in the CDN), so withdrawn photos would stay public.
    """
    page = submission.page
    photos = group_photos(submission)
    urls = [url for image in photos for url in image_file_urls(image)]
    for image in photos:
        delete_image(image)
    # The story itself (Wagtail purges it on unpublishing, but before the commit) and the
    # listing that showed its card.
    translations = list(page.get_translations())
    purge_after_commit(
        pages=[page, page.get_parent(), *translations, *(t.get_parent() for t in translations)], urls=urls
    )
    return len(photos)


@transaction.atomic
def withdraw_consent(submission):
    page = submission.page
    submission.consent_withdrawn_at = timezone.now()
    submission.save(update_fields=["consent_withdrawn_at"])
    # Consent covered the story in every language an editor translated it into.
    for version in [page, *page.get_translations()]:
        if version.live:
            version.unpublish(user=None)
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status in (
        WorkflowState.STATUS_IN_PROGRESS,
        WorkflowState.STATUS_NEEDS_CHANGES,
    ):
        workflow_state.cancel(user=None)
    # Scheduled publication must not bring the story back.
    for version in [page, *page.get_translations()]:
        version.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
    photos = take_down_photos(submission)
    log(
        page,
        "stories.consent_withdrawn",
        data={"group": submission.group_name, "reference": submission.reference, "photos_deleted": photos},
    )
    queue_to_moderators("moderators_consent_withdrawn", submission, about=submission.pk)
