"""Following's personal data for the site-wide registry (core/personal_data/registry.py).

A subscriber is an email address, its language and what it follows; delivery records say
which emails went to it. Erasure deletes all of it (as "Stop all emails" does).

Retention (by the daily `purge_personal_data`): an address that never confirmed is deleted
after FOLLOWING_UNCONFIRMED_DAYS, and so is a follow nobody confirmed (and an address left
following nothing); delivery records
after FOLLOWING_DELIVERY_RETENTION_DAYS (only idempotency needs them, for a few days).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.personal_data.registry import register

from .kinds import describe
from .models import Delivery, Follow, Subscriber


def iso(value):
    return value.isoformat() if value else None


def subscriber_for(email):
    return Subscriber.objects.filter(email=email)


def export(email):
    subscriber = subscriber_for(email).first()
    if subscriber is None:
        return {"following": []}
    follows = list(subscriber.follows.order_by("created_at", "pk"))
    names = describe([(follow.kind, follow.key) for follow in follows])
    return {
        "following": [
            {
                "kind": follow.kind,
                "key": follow.key,
                "name": names.get((follow.kind, follow.key), ("", ""))[0],
                "frequency": follow.frequency,
                "asked_at": iso(follow.created_at),
                "confirmed_at": iso(follow.confirmed_at),
            }
            for follow in follows
        ],
        "following_emails_sent": subscriber.deliveries.count(),
        "following_language": subscriber.language,
        "following_subscribed_at": iso(subscriber.created_at),
    }


@transaction.atomic
def erase(email, user):
    deleted, _per_model = subscriber_for(email).delete()
    return deleted


@transaction.atomic
def purge(days=None, now=None):
    """Delete unconfirmed addresses and follows, and old delivery records; safe to run any number of times."""
    now = now or timezone.now()
    unconfirmed = now - timedelta(days=settings.FOLLOWING_UNCONFIRMED_DAYS if days is None else days)
    delivered = now - timedelta(days=settings.FOLLOWING_DELIVERY_RETENTION_DAYS if days is None else days)
    subscribers, _ = Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lte=unconfirmed).delete()
    follows, _ = Follow.objects.filter(confirmed_at__isnull=True, created_at__lte=unconfirmed).delete()
    # An address left following nothing (its unconfirmed follows just went) is not kept either.
    emptied, _ = Subscriber.objects.filter(follows__isnull=True, created_at__lte=unconfirmed).delete()
    deliveries, _ = Delivery.objects.filter(created_at__lte=delivered).delete()
    return subscribers + follows + emptied + deliveries


register(
    "following",
    export=export,
    erase=erase,
    purge=purge,
    holds=lambda email: subscriber_for(email).exists(),
)
