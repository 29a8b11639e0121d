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


# Each status's GOV.UK tag colour. The tag's words always say the status; colour only repeats it.
TAG_COLOURS = {
    Status.ACHIEVED: "green",
    Status.ON_TRACK: "teal",
    Status.AT_RISK: "orange",
    Status.DELAYED: "red",
    Status.NOT_STARTED: "grey",
    Status.WITHDRAWN: "purple",
}


def tag_class(value):
    """The GOV.UK tag classes for a status: `govuk-tag govuk-tag--green` for achieved."""
    colour = TAG_COLOURS.get(value)
    return f"govuk-tag govuk-tag--{colour}" if colour else "govuk-tag"


def status_label(value):
    try:
        return Status(value).label
    except ValueError:
        return value
