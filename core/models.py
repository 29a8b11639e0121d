"""Core's own tables: the moderators' block list, and the permission for the residents' data tool."""

from django.db import models


class BlockedEmail(models.Model):
    """An email address moderators have blocked for abuse: its forms are refused politely.

    Only a keyed hash is kept, so the block list itself holds no one's address.
    """

    email_hash = models.CharField(max_length=64, unique=True, editable=False)
    reason = models.CharField(max_length=255, help_text="Which house rule was broken; for moderators only")
    blocked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table keeps the name it had when the model lived in home/, so existing sites keep their list.
        db_table = "home_blockedemail"
        verbose_name = "blocked email address"

    def __str__(self):
        return f"Blocked address ({self.blocked_at:%d %b %Y}): {self.reason}"


class PersonalDataTool(models.Model):
    """No rows: it only owns the permission to use the staff tool for residents' data.

    The same pattern as Wagtail's own `wagtailadmin.Admin`, which owns "access_admin".
    """

    class Meta:
        managed = False
        default_permissions = []
        permissions = [("manage_personal_data", "Can export or erase everything held about one email address")]

    def __str__(self):
        return "Residents' data tool"


class SentEmail(models.Model):
    """One email a background task has sent, by its idempotency key, so a retried task sends no second.

    The key names what was sent by ids ("consultations:outcome:41"), never an address or text.
    """

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sent email"

    def __str__(self):
        return self.key


class UsedSignedLink(models.Model):
    """One-time sign-in links already used (core/group_area.py), so each works once.

    Only the link's hash is kept: it names no one.
    """

    digest = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "used sign-in link"

    def __str__(self):
        return f"Sign-in link used at {self.used_at:%Y-%m-%d %H:%M}"


class GroupAreaSession(models.Model):
    """A session signed in to a community group's area (core/group_area.py), so erasing an
    address ends exactly its sessions without reading every session on the site.

    The address is kept only as a keyed hash, per area.
    """

    area = models.CharField(max_length=100)
    email_hash = models.CharField(max_length=64)
    session_key = models.CharField(max_length=40)
    signed_in_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "group area session"
        indexes = [models.Index(fields=["area", "email_hash"], name="core_groupsession_email")]
        constraints = [
            models.UniqueConstraint(fields=["area", "session_key"], name="core_groupsession_one_per_key"),
        ]

    def __str__(self):
        return f"Group area session signed in at {self.signed_in_at:%Y-%m-%d %H:%M}"
