"""Emails about community groups' directory entries, sent by the background worker (core/emails.py).

Each email names its ownership record by id and is read when the worker sends it; its key
says what it is about (the entry and the revision sent), so the same email never goes twice.
"""

from django.conf import settings
from django.utils import translation

from django_tasks import task

from core.emails import enqueue, send_once

from .group_models import DirectoryEntryOwner

# `to` for the group that owns the entry: its address as it is when the email goes, so an
# address erased in the meantime gets nothing.
GROUP = None


@task(backend=settings.BACKGROUND_TASKS)
def email_about_entry(key, template_prefix, owner_id, to, language, is_update=False, reason=""):
    owner = DirectoryEntryOwner.objects.select_related("page").filter(pk=owner_id).first()
    if owner is None:
        return False
    context = {"owner": owner, "page": owner.page, "is_update": is_update, "reason": reason}
    recipients = [owner.group_email] if to is GROUP else to
    return send_once(key, template_prefix, context, recipients, language)


def queue_entry_email(name, owner, to, about, **extra):
    """Queue `directory/group/emails/<name>` about `owner`'s entry, once per `about`."""
    enqueue(
        email_about_entry,
        f"directory-groups:{name}:{about}",
        f"directory/group/emails/{name}",
        owner.pk,
        to,
        translation.get_language(),
        **extra,
    )


def queue_to_moderators(name, owner, about, **extra):
    if settings.MODERATOR_EMAILS:
        queue_entry_email(name, owner, list(settings.MODERATOR_EMAILS), about, **extra)
