"""The weekly digest: one email per weekly follower listing what happened in what they follow.

`manage.py send_follow_digests` (weekly, by cron) enqueues the fan-out; batches read their
subscribers, their weekly follows and the week's announcements in a fixed number of queries.
Each subscriber hears of announcements since their last digest (at most seven days back),
not urgent ones (those went at once) nor any they already had by immediate email. Nothing to
say, no email. Idempotent per subscriber and ISO week: the Delivery key is the week.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import pacing
from .emails import announcement_context, build
from .models import Announcement, AnnouncementTarget, Delivery, Follow, Subscriber
from .sending import SUBSCRIBER_FIELDS, claim, deliver, id_batches

PERIOD = timedelta(days=7)


def digest_key(period_end):
    year, week, _day = period_end.isocalendar()
    return f"digest:{year}-W{week:02d}"


def weekly_follows():
    return Follow.objects.filter(confirmed_at__isnull=False, frequency=Follow.Frequency.WEEKLY)


def followers_with_news(period_end):
    """Weekly followers of something the week's (not urgent) announcements were about.

    Only they may get a digest, so only they take a share of the sending rate; each batch
    still decides what each of them has not heard yet.
    """
    end = datetime.fromisoformat(period_end) if isinstance(period_end, str) else period_end
    targets = AnnouncementTarget.objects.filter(
        announcement__created_at__gte=end - PERIOD,
        announcement__created_at__lt=end,
        announcement__urgent=False,
        kind=OuterRef("kind"),
        key=OuterRef("key"),
    )
    return weekly_follows().filter(Exists(targets)).values_list("subscriber_id", flat=True).distinct()


def fan_out_digests(period_end):
    """Enqueue one digest batch per FOLLOWING_BATCH_SIZE weekly followers with news."""
    from .tasks import send_digest_batch

    batches = 0
    for ids in id_batches(followers_with_news(period_end), settings.FOLLOWING_BATCH_SIZE):
        # A follower whose news all went by immediate email takes a share and gets nothing:
        # the week's digests finish a little later, and the rate is never exceeded.
        window = pacing.reserve(len(ids))
        pacing.enqueue_in_window(send_digest_batch, window, period_end, ids[0], ids[-1])
        batches += 1
    return batches


def send_digest_batch(period_end, first_id, last_id, window):
    """Email each weekly follower with ids first_id..last_id their digest, unless they had it."""
    pacing.wait_until(window)
    period_end = datetime.fromisoformat(period_end)
    period_start = period_end - PERIOD
    follows = {}
    for subscriber_id, kind, key in (
        weekly_follows()
        .filter(subscriber_id__gte=first_id, subscriber_id__lte=last_id)
        .values_list("subscriber_id", "kind", "key")
    ):
        follows.setdefault(subscriber_id, set()).add((kind, key))
    if not follows:
        return 0
    announcements = list(
        Announcement.objects.filter(created_at__gte=period_start, created_at__lt=period_end, urgent=False)
        .prefetch_related("targets")
        .order_by("created_at", "pk")
    )
    had = set(
        Delivery.objects.filter(
            subscriber_id__gte=first_id, subscriber_id__lte=last_id, announcement__in=[a.pk for a in announcements]
        ).values_list("subscriber_id", "announcement_id")
    )
    subscribers = list(Subscriber.objects.filter(pk__in=list(follows)).only(*SUBSCRIBER_FIELDS).order_by("pk"))
    contexts = {announcement.pk: announcement_context(announcement) for announcement in announcements}
    items = {}
    for subscriber in subscribers:
        since = max(period_start, subscriber.last_digest_at or period_start)
        news = [
            announcement
            for announcement in announcements
            if announcement.created_at >= since
            and (subscriber.pk, announcement.pk) not in had
            and any((t.kind, t.key) in follows[subscriber.pk] for t in announcement.targets.all())
        ]
        if news:
            items[subscriber.pk] = [contexts[announcement.pk] for announcement in news]
    key = digest_key(period_end)
    claimed = claim(key, [s for s in subscribers if s.pk in items])
    sent = deliver(
        key,
        claimed,
        lambda subscriber: build(
            "following/emails/digest",
            {"announcements": items[subscriber.pk], "count": len(items[subscriber.pk])},
            subscriber,
        ),
    )
    Subscriber.objects.filter(pk__in=[s.pk for s in claimed]).update(last_digest_at=period_end)
    return sent


def send_digests(now=None):
    """Start this week's digests (the command's work); returns the period's end."""
    from core.emails import enqueue

    from .tasks import fan_out_digests as fan_out_task

    period_end = now or timezone.now()
    enqueue(fan_out_task, period_end.isoformat())
    return period_end
