"""The flood warnings import, run by the background worker (queued from cron every 15 minutes)."""

from django.conf import settings

from django_tasks import task

from . import flood_warnings


@task(backend=settings.BACKGROUND_TASKS)
def import_flood_warnings():
    """Safe to run twice: each EA warning and raised time makes one draft (alerts/flood_warnings.py)."""
    result = flood_warnings.import_flood_warnings()
    return list(result) if result is not None else None
