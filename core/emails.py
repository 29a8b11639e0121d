"""Sending the site's emails from templates, in the background, once each.

Emails leave from a worker, never from the request that caused them (settings TASKS, the
"background" backend): a slow or failing mail server then costs a visitor nothing. A task
takes ids and strings, reads what it needs when it runs, and records what it sent under an
idempotency key (SentEmail), so a task that runs twice sends one email.
"""

import functools
import uuid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.admin import mail as wagtail_mail

from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend

from core.keyed_hash import keyed_email_hash
from core.public_forms.rate_limits import count
from core.site_address import site_url


def send_templated_email(template_prefix, context, to):
    """Render `<prefix>_subject.txt` and `<prefix>_body.txt` and send them to `to` (a list), now."""
    context = {"site_url": site_url(), **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, list(to))
    return message.send()


def once(key, send):
    """Call `send()` unless something was already sent under `key`; returns whether it was sent now.

    The record and the send share a transaction: a send that raises leaves no record, so a
    retry sends; a record means the mail server took the email, so a retry sends nothing.
    Two workers with the same key queue on the unique key, and the second finds the record.
    """
    from .models import SentEmail

    with transaction.atomic():
        _record, created = SentEmail.objects.get_or_create(key=key)
        if created:
            send()
    return created


def send_once(key, template_prefix, context, to, language):
    """send_templated_email, once per key, in the language of the person who caused it."""
    to = [address for address in to if address]
    if not to:
        return False  # e.g. the address was purged while the task waited
    with translation.override(language):
        return once(key, functools.partial(send_templated_email, template_prefix, context, to))


def enqueue(background_task, *args, **kwargs):
    """Enqueue a task so that it runs only if the caller's transaction commits.

    The database backend writes the task's row inside the caller's transaction, so the row
    and the data it refers to commit together or not at all; the immediate backend (tests)
    runs it at once. A queue outside the database (RQ) gets the task after the commit: a
    rolled-back request sends nothing, and the worker never looks for rows not yet there.
    """
    if isinstance(background_task.get_backend(), DatabaseBackend | ImmediateBackend):
        background_task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(functools.partial(background_task.enqueue, *args, **kwargs))


def new_key(prefix):
    """A key for an email that may rightly go more than once (each sign-in link is a new one)."""
    return f"{prefix}:{uuid.uuid4().hex}"


@task(backend=settings.BACKGROUND_TASKS)
def send_email(key, template_prefix, context, to, language):
    """A templated email whose context is plain values (links, numbers), sent once."""
    return send_once(key, template_prefix, context, to, language)


def queue_email(template_prefix, context, to, key=None):
    """Send a templated email with a plain-values context from the worker."""
    key = key or new_key(template_prefix)
    enqueue(send_email, key, template_prefix, context, list(to), translation.get_language())


RECEIPT_KEY_LIFETIME_SECONDS = 25 * 60 * 60


def receipt_allowed(email):
    """Count one more email to an address someone typed into a public form; False past the daily cap.

    Anyone can type anyone's address into a public form, so without a cap the site could be
    used to fill a stranger's inbox. Counted per recipient per calendar day in the shared
    cache, under a keyed hash of the address (never the address itself). Counted when the
    email is queued, not sent: the request is where the abuse happens, so the cap also bounds
    the queue, and a task that runs twice cannot count twice.
    """

    key = f"receipts:{timezone.localdate().isoformat()}:{keyed_email_hash('receipt-recipient', email)}"
    return count(key, 1, RECEIPT_KEY_LIFETIME_SECONDS) <= settings.PUBLIC_RECEIPTS_PER_ADDRESS_PER_DAY


def send_receipt(template_prefix, context, email):
    """Queue a public form's email (plain-values context) to a typed address, within the daily cap.

    Returns whether the email was queued.
    """
    if not receipt_allowed(email):
        return False
    queue_email(template_prefix, context, [email])
    return True


# Wagtail's workflow emails (submitted, approved, rejected; a task waiting for a group) are
# rendered in the request, where Wagtail's context is, and sent from the worker.


@task(backend=settings.BACKGROUND_TASKS)
def send_rendered_email(key, subject, body, html, to):
    """An email already rendered (Wagtail's notifications), sent once, as Wagtail sends it."""
    return once(key, functools.partial(wagtail_mail.send_mail, subject, body, to, html_message=html or None))


class QueuedEmailsMixin:
    """A Wagtail notifier that renders each recipient's email as Wagtail does, then queues it."""

    def send_emails(self, template_set, context, recipients, **kwargs):
        for recipient in recipients:
            context["user"] = recipient
            with translation.override(recipient.wagtail_userprofile.get_preferred_language()):
                subject = render_to_string(template_set["subject"], context).strip()
                body = render_to_string(template_set["text"], context).strip()
                html = ""
                if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False):
                    html = render_to_string(template_set["html"], context)
            key = new_key(f"wagtail:{self.notification}")
            enqueue(send_rendered_email, key, subject, body, html, [recipient.email])
        return True


def queue_wagtail_workflow_emails():
    """Put queued copies of Wagtail's workflow notifiers in place of Wagtail's own.

    Connected under Wagtail's dispatch_uid after disconnecting it: whichever app is ready
    first, one notifier per signal remains, and it is ours (a signal ignores a second
    receiver with the same dispatch_uid).
    """
    from wagtail.admin import signal_handlers as wagtail_handlers
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

    wiring = [
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification", "task_submission"),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", "workflow_submission"),
        (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", "workflow_rejection"),
        (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", "workflow_approval"),
    ]
    for signal, sender, dispatch_uid, name in wiring:
        wagtail_notifier = getattr(wagtail_handlers, f"{name}_email_notifier")
        queued = type(f"Queued{type(wagtail_notifier).__name__}", (QueuedEmailsMixin, type(wagtail_notifier)), {})()
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(queued, sender=sender, dispatch_uid=dispatch_uid, weak=False)
