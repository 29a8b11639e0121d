"""Opening times against the clock the district lives by (Europe/London, summer time included)."""

from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef
from django.utils import timezone

LONDON = ZoneInfo("Europe/London")


def london_now(now=None):
    """The wall-clock time in the district: a weekday (Monday 0) and a time of day."""
    return (now or timezone.now()).astimezone(LONDON)


def open_at(when):
    """A filter for AssetPage querysets: entries with an opening covering `when` (London time)."""
    from .models import OpeningTime

    moment = london_now(when)
    return Exists(
        OpeningTime.objects.filter(
            page=OuterRef("pk"),
            weekday=moment.weekday(),
            opens__lte=moment.time(),
            closes__gt=moment.time(),
        )
    )


def is_open(opening_times, when=None):
    """True, False, or None when the entry gives no opening times (it may be open by arrangement)."""
    opening_times = list(opening_times)
    if not opening_times:
        return None
    moment = london_now(when)
    now = moment.time()
    return any(t.weekday == moment.weekday() and t.opens <= now < t.closes for t in opening_times)
