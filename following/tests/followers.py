"""Followers made directly, for the tests of the apps that announce (the form has its own tests)."""

from django.core import mail

from following.models import Follow, Subscriber
from following.subscribing import confirm


def subscribed(email, *pairs, frequency=Follow.Frequency.IMMEDIATE):
    """A confirmed subscriber following `pairs` ((kind, key) tuples)."""
    subscriber, _created = Subscriber.objects.get_or_create(email=email, defaults={"language": "en"})
    follows = [
        Follow.objects.create(subscriber=subscriber, kind=kind, key=key, frequency=frequency) for kind, key in pairs
    ]
    confirm(subscriber, [follow.pk for follow in follows])
    subscriber.refresh_from_db()
    return subscriber


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]
