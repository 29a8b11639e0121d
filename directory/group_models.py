"""Which community group keeps each directory entry up to date (imported by directory/models.py).

Groups are not admin users: they sign in by emailed link (directory/group_access.py) and
add or update their entries from their area on the public site. The ownership record says
whose entries those are; it is private, never on a public page, in the API or open data.
Where an entry stands (in review, live...) is not stored here: it is read from the page's
Wagtail workflow and live status (directory/group_states.py).
"""

import secrets

from django.db import models


class DirectoryEntryOwner(models.Model):
    """The community group that added a directory entry and may update it. Never public."""

    page = models.OneToOneField("directory.AssetPage", on_delete=models.CASCADE, related_name="group_owner")
    reference = models.CharField(max_length=20, unique=True)
    form_token = models.UUIDField(unique=True, help_text="One per rendered form: a double submit finds this row")
    group_name = models.CharField(max_length=200)
    group_email = models.EmailField(help_text="Lower case: the address the group signs in with")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["group_email"], name="directory_owner_email")]

    def __str__(self):
        return f"{self.reference}: {self.group_name}"

    @staticmethod
    def new_reference():
        # Unambiguous characters only: people read references out on the phone.
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return "DE-" + "".join(secrets.choice(alphabet) for _ in range(8))
