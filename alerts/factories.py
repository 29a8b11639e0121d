from datetime import timedelta

from django.utils import timezone

import factory

from .models import Alert


class AlertFactory(factory.django.DjangoModelFactory):
    """A draft alert in force from now for a day; `publish(alert)` makes it live as staff would."""

    severity = Alert.Severity.WARNING
    title = factory.Sequence(lambda n: f"Road closed {n}")
    text = "The B4211 is closed at Upton bridge. Use the A38."
    starts_at = factory.LazyFunction(timezone.now)
    ends_at = factory.LazyAttribute(lambda alert: alert.starts_at + timedelta(hours=6))
    live = False

    class Meta:
        model = Alert


def publish(alert):
    """Wagtail's own Publish: a revision, published (what the snippet's Publish button does)."""
    alert.save_revision().publish()
    alert.refresh_from_db()
    return alert
