"""Following's background tasks (core/emails.py enqueues them); each takes ids and plain values.

The work is in sending.py and digests.py; these are the entry points the worker runs.
"""

from django.conf import settings

from django_tasks import task

from . import digests, sending


@task(backend=settings.BACKGROUND_TASKS)
def fan_out_announcement(announcement_id):
    return sending.fan_out_announcement(announcement_id)


@task(backend=settings.BACKGROUND_TASKS)
def send_announcement_batch(announcement_id, first_id, last_id, window):
    return sending.send_announcement_batch(announcement_id, first_id, last_id, window)


@task(backend=settings.BACKGROUND_TASKS)
def fan_out_digests(period_end):
    return digests.fan_out_digests(period_end)


@task(backend=settings.BACKGROUND_TASKS)
def send_digest_batch(period_end, first_id, last_id, window):
    return digests.send_digest_batch(period_end, first_id, last_id, window)
