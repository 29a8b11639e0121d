"""What happens after a valid follow form, and when its emailed link is used.

Double opt-in: the form only records what was asked, unconfirmed, and emails the address a
link; nothing is sent about the things followed until the link is used. The page after the
form says the same whatever the address (new, waiting, already following), so the form
cannot be used to find out who follows what.
"""

from django.db import transaction
from django.utils import timezone, translation

from core.emails import send_receipt
from core.personal_data.registry import normalise

from . import links
from .kinds import describe
from .models import Follow, Subscriber


@transaction.atomic
def subscribe(email, chosen, frequency):
    """Record unconfirmed follows of `chosen` (kind, key) pairs and email a link to confirm them.

    Follows already confirmed are left as they are (their frequency too: only the link in the
    subscriber's own emails changes them); the email then just says where to manage them.
    Returns whether an email was queued (False past the daily cap per address).
    """
    subscriber, _created = Subscriber.objects.get_or_create(
        email=normalise(email), defaults={"language": translation.get_language()}
    )
    pending = []
    for kind, key in chosen:
        follow, created = Follow.objects.get_or_create(
            subscriber=subscriber, kind=kind, key=key, defaults={"frequency": frequency}
        )
        if follow.confirmed_at is None:
            if not created and follow.frequency != frequency:
                Follow.objects.filter(pk=follow.pk).update(frequency=frequency)
            pending.append(follow)
    names = describe(chosen)
    context = {
        "things": [names[pair][0] for pair in chosen if pair in names],
        "weekly": frequency == Follow.Frequency.WEEKLY,
        "manage_url": links.manage_url(subscriber),
        "days": links.CONFIRM.max_age_seconds // (24 * 60 * 60),
    }
    if pending:
        context["confirm_url"] = links.confirm_url(subscriber, [follow.pk for follow in pending])
        return send_receipt("following/emails/confirm", context, subscriber.email)
    return send_receipt("following/emails/already_following", context, subscriber.email)


@transaction.atomic
def confirm(subscriber, follow_ids):
    """Confirm the subscriber and the follows its link named; returns how many follows it confirmed now."""
    now = timezone.now()
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = now
        subscriber.save(update_fields=["confirmed_at"])
    return Follow.objects.filter(subscriber=subscriber, pk__in=follow_ids, confirmed_at__isnull=True).update(
        confirmed_at=now
    )


@transaction.atomic
def stop_all(subscriber):
    """Forget the subscriber: their address, follows and delivery records."""
    subscriber.delete()
