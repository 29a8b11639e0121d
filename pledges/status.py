"""The fixed set of pledge statuses, and how they rank when editions are compared."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    DELAYED = "delayed", _("Delayed")
    ACHIEVED = "achieved", _("Achieved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# How far along a pledge is, for "improved" and "slipped": delayed is worse than at risk,
# which is worse than not yet started; achieved is best. Withdrawn is not on this scale.
PROGRESS_RANK = {
    Status.DELAYED: 0,
    Status.AT_RISK: 1,
    Status.NOT_STARTED: 2,
    Status.ON_TRACK: 3,
    Status.ACHIEVED: 4,
}


def status_label(value):
    try:
        return Status(value).label
    except ValueError:
        return value
