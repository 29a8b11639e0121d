"""Sending an announcement to its followers: a fan-out into batches, each claimed before it is sent.

At most once, never twice: a batch first claims one Delivery row per subscriber (unique on
the email's key and the subscriber) and commits, then sends over one SMTP connection, then
marks the rows sent. A worker restarted mid-batch, or a batch run twice, finds the rows and
skips those subscribers; the price is that a worker dying between the claim and the send
leaves those few subscribers without that email (rows left "claimed" say who).

Memory stays flat whatever the number of followers: the fan-out walks subscriber ids a batch
at a time (keyset pagination) and each batch reads only its own subscribers.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, models, transaction

from . import pacing
from .emails import Rendered, announcement_context
from .models import Announcement, Delivery, Follow, Subscriber

SUBSCRIBER_FIELDS = ("id", "email", "language", "secret", "last_digest_at")


def id_batches(subscriber_ids, size):
    """Lists of at most `size` ascending subscriber ids from a values_list("subscriber_id") queryset."""
    last = 0
    while True:
        ids = list(subscriber_ids.filter(subscriber_id__gt=last).order_by("subscriber_id")[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]


def followers(announcement, targets):
    """Confirmed follows of the targets that want this announcement now (all of them when urgent)."""
    if not targets:
        return Follow.objects.none()
    about = reduce(or_, (models.Q(kind=kind, key=key) for kind, key in targets))
    follows = Follow.objects.filter(about, confirmed_at__isnull=False)
    if not announcement.urgent:
        follows = follows.filter(frequency=Follow.Frequency.IMMEDIATE)
    return follows


def follower_ids(announcement, targets):
    # One row per subscriber however many of the targets they follow: they get one email.
    return followers(announcement, targets).values_list("subscriber_id", flat=True).distinct()


def fan_out_announcement(announcement_id):
    """Enqueue one send per batch of followers, each in its own window of the sending rate."""
    from .tasks import send_announcement_batch

    announcement = Announcement.objects.filter(pk=announcement_id).first()
    if announcement is None:
        return 0
    targets = list(announcement.targets.values_list("kind", "key"))
    batches = 0
    for ids in id_batches(follower_ids(announcement, targets), settings.FOLLOWING_BATCH_SIZE):
        window = pacing.reserve(len(ids))
        pacing.enqueue_in_window(send_announcement_batch, window, announcement_id, ids[0], ids[-1])
        batches += 1
    return batches


def claim(key, subscribers, announcement=None):
    """Those of `subscribers` nobody has claimed `key` for, now claimed (committed before any send)."""
    ids = [subscriber.pk for subscriber in subscribers]
    try:
        with transaction.atomic():
            taken = set(Delivery.objects.filter(key=key, subscriber_id__in=ids).values_list("subscriber_id", flat=True))
            fresh = [subscriber for subscriber in subscribers if subscriber.pk not in taken]
            Delivery.objects.bulk_create(
                [Delivery(key=key, subscriber=subscriber, announcement=announcement) for subscriber in fresh]
            )
    except IntegrityError:
        return []  # the same batch is running in another worker at this moment: it sends them
    return fresh


def deliver(key, subscribers, message_for):
    """Send each claimed subscriber their email over one connection; returns how many were sent."""
    if not subscribers:
        return 0
    messages = [message_for(subscriber) for subscriber in subscribers]
    with get_connection() as connection:
        sent = connection.send_messages(messages) or 0
    Delivery.objects.filter(key=key, subscriber_id__in=[s.pk for s in subscribers]).update(state=Delivery.State.SENT)
    return sent


def announcement_key(announcement_id):
    return f"announcement:{announcement_id}"


def send_announcement_batch(announcement_id, first_id, last_id, window):
    """Email the announcement to the followers with ids first_id..last_id who have not had it."""
    announcement = Announcement.objects.filter(pk=announcement_id).first()
    if announcement is None:
        return 0
    pacing.wait_until(window)
    targets = list(announcement.targets.values_list("kind", "key"))
    wanted = follower_ids(announcement, targets).filter(subscriber_id__gte=first_id, subscriber_id__lte=last_id)
    # Read now, not at fan-out: whoever stopped following meanwhile is not emailed.
    subscribers = list(Subscriber.objects.filter(pk__in=wanted).only(*SUBSCRIBER_FIELDS).order_by("pk"))
    key = announcement_key(announcement_id)
    claimed = claim(key, subscribers, announcement)
    return deliver(key, claimed, Rendered("following/emails/announcement", announcement_context(announcement)))
