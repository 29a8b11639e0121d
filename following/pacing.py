"""Sending at FOLLOWING_SEND_RATE emails a minute, whatever the number of workers.

One ledger row says when the next email may leave. Each batch reserves its share under a
row lock (select_for_update), so two fan-outs running at once queue behind each other
instead of both sending at full rate. A backend that can defer a task (django_tasks_db's
run_after) holds the batch until its window; one that cannot (the immediate backend of the
tests, RQ) runs it now and the batch waits for its window itself.
"""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.emails import enqueue

from .models import SendingLedger

LEDGER = "following-emails"


def clock():
    return timezone.now()


def sleep(seconds):
    time.sleep(seconds)


@transaction.atomic
def reserve(count):
    """The moment a batch of `count` emails may start; the ledger moves on by their share of the rate."""
    now = clock()
    ledger, _created = SendingLedger.objects.select_for_update().get_or_create(
        name=LEDGER, defaults={"next_free_at": now}
    )
    start = max(now, ledger.next_free_at)
    ledger.next_free_at = start + timedelta(seconds=count * 60 / settings.FOLLOWING_SEND_RATE)
    ledger.save(update_fields=["next_free_at"])
    return start


def wait_until(moment):
    """Sleep until `moment` (a datetime or its ISO text); at once when it has passed."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    delay = (moment - clock()).total_seconds()
    if delay > 0:
        sleep(delay)


def enqueue_in_window(background_task, window, *args):
    """Enqueue a batch to run in its window: deferred where the backend can, else it waits itself."""
    if background_task.get_backend().supports_defer and window > clock():
        background_task = background_task.using(run_after=window)
    enqueue(background_task, *args, window.isoformat())
