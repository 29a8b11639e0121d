"""Residents following things by email: who follows what, what happened, and what was sent.

No accounts: a Subscriber is an email address that confirmed by emailed link. Nothing here
is shown on a public page, and nobody but the subscriber (through their signed links) sees
their row; staff see only counts (following/reports.py).
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_secret():
    return secrets.token_urlsafe(12)


class Subscriber(models.Model):
    """One email address. Its `secret` is in every link we send it: a new secret revokes them all."""

    email = models.EmailField(max_length=254, unique=True)  # normalised (personal_data.registry.normalise)
    language = models.CharField(max_length=12)
    secret = models.CharField(max_length=32, default=new_secret)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["confirmed_at", "created_at"], name="following_subscriber_confirmed")]

    def __str__(self):
        return f"Subscriber {self.pk}"


class Follow(models.Model):
    """One thing one subscriber follows; it counts once confirmed by the emailed link."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As it happens")
        WEEKLY = "weekly", _("Once a week")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="follows")
    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=100)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "kind", "key"], name="following_follow_once"),
        ]
        # The fan-out's question: the confirmed followers of these things, by subscriber id.
        indexes = [models.Index(fields=["kind", "key", "subscriber"], name="following_follow_target")]
        permissions = [("view_following_report", "Can see how many residents follow each thing")]

    def __str__(self):
        return f"{self.kind}:{self.key}"


class Announcement(models.Model):
    """Something that happened, announced once under its key (e.g. "story-published:123")."""

    key = models.CharField(max_length=200, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.key


class AnnouncementTarget(models.Model):
    """One thing an announcement is about: followers of any of its targets hear of it."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(max_length=40)
    key = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["announcement", "kind", "key"], name="following_target_once"),
        ]
        indexes = [models.Index(fields=["kind", "key"], name="following_target_kind_key")]

    def __str__(self):
        return f"{self.kind}:{self.key}"


class Delivery(models.Model):
    """One email to one subscriber, claimed before it is sent: a second claim is refused.

    `key` names the email: "announcement:<id>" or "digest:<ISO week>". A row means the email
    went, or was about to go when a worker died: either way it is never sent again.
    """

    class State(models.TextChoices):
        CLAIMED = "claimed", _("Claimed")
        SENT = "sent", _("Sent")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    key = models.CharField(max_length=60)
    announcement = models.ForeignKey(
        Announcement, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.CLAIMED)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "subscriber"], name="following_delivery_once")]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.key} to {self.subscriber_id}"


class SendingLedger(models.Model):
    """One row: when the next email may leave, shared by every worker (following/pacing.py)."""

    name = models.CharField(max_length=40, unique=True)
    next_free_at = models.DateTimeField()

    def __str__(self):
        return self.name
