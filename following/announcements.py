"""The one call content apps make when something happens that followers should hear about."""

from collections.abc import Iterable

from django.db import transaction

from core.emails import enqueue

from .models import Announcement, AnnouncementTarget


def announce(
    key: str,
    *,
    title: str,
    summary: str,
    url: str,
    targets: Iterable[tuple[str, str]],
    urgent: bool = False,
) -> Announcement:
    """Record that something happened and send it to the followers of any of `targets`.

    `key` makes it idempotent ("story-published:123"): announcing the same key again returns
    the first announcement and sends nothing new. `targets` are (kind, key) pairs (see
    following/kinds.py); someone following several of them gets one email. Immediate followers
    get it now, weekly followers in their digest; `urgent` (emergency alerts) sends it at once
    to every confirmed follower of the targets whatever their choice.

    Call it inside the publishing transaction: the fan-out is enqueued with core.emails.enqueue,
    so it runs only if the publication commits.
    """
    targets = list(dict.fromkeys((str(kind), str(thing)) for kind, thing in targets))
    with transaction.atomic():
        announcement, created = Announcement.objects.get_or_create(
            key=key,
            defaults={"title": title[:300], "summary": summary, "url": url[:500], "urgent": urgent},
        )
        if created:
            AnnouncementTarget.objects.bulk_create(
                [AnnouncementTarget(announcement=announcement, kind=kind, key=thing) for kind, thing in targets]
            )
            from .tasks import fan_out_announcement

            enqueue(fan_out_announcement, announcement.pk)
    return announcement
