"""Emails about community stories, sent by the background worker (core/emails.py says how).

Each email names its submission by id and is read when the worker sends it; its key says
what it is about, so the same email is never sent twice.
"""

from django.conf import settings
from django.utils import translation

from django_tasks import task

from core.emails import enqueue, send_once

from .models import StoryPreviewLink, StorySubmission

# `to` for the group that sent the story: its address as it is when the email goes, so an
# address purged in the meantime gets nothing.
GROUP = None


@task(backend=settings.BACKGROUND_TASKS)
def email_about_submission(
    key, template_prefix, submission_id, to, language, reason="", preview_link_id=None, preview_url=""
):
    submission = StorySubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:
        return False
    context = {"submission": submission, "page": submission.page, "reason": reason}
    if preview_link_id is not None:
        context.update(link=StoryPreviewLink.objects.get(pk=preview_link_id), preview_url=preview_url)
    recipients = [submission.contact_email] if to is GROUP else to
    return send_once(key, template_prefix, context, recipients, language)


def queue_submission_email(name, submission, to, about, **extra):
    """Queue `stories/emails/<name>` about `submission`, once per `about` (what it reports on)."""
    enqueue(
        email_about_submission,
        f"stories:{name}:{about}",
        f"stories/emails/{name}",
        submission.pk,
        to,
        translation.get_language(),
        **extra,
    )


def queue_to_moderators(name, submission, about, **extra):
    if settings.MODERATOR_EMAILS:
        queue_submission_email(name, submission, list(settings.MODERATOR_EMAILS), about, **extra)
