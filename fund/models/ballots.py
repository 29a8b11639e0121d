"""Residents' votes on a round's shortlist. The voting flow itself lives elsewhere; these hold the votes.

A ballot counts once its voter has followed the link emailed to them (confirmed_at). A new
ballot from an address that has voted is held as pending choices beside the counted ones and
replaces them only when its own link is followed: someone who knows a voter's address cannot
undo their vote. The
email address and postcode are personal data (fund/personal_data.py): they are emptied
once the retention period after the round's decisions has passed, and the choices stay.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class Ballot(models.Model):
    round = models.ForeignKey("fund.FundRoundPage", on_delete=models.CASCADE, related_name="ballots")
    email = models.EmailField(blank=True, help_text=_("Stored in lower case; emptied after the retention period"))
    postcode = models.CharField(max_length=10, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One ballot per address per round; anonymised ballots (no address) are many.
            models.UniqueConstraint(fields=["round", "email"], condition=~Q(email=""), name="fund_one_ballot_per_email")
        ]
        indexes = [models.Index(fields=["email"], name="fund_ballot_email")]

    def __str__(self):
        return f"Ballot {self.pk} in {self.round}"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        self.postcode = " ".join((self.postcode or "").upper().split())
        super().save(*args, **kwargs)


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey("fund.ProjectPage", on_delete=models.CASCADE, related_name="ballot_choices")
    pending = models.BooleanField(
        default=False, help_text=_("Waiting for its confirmation link; counted choices are not pending")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ballot", "project", "pending"], name="fund_one_choice_per_project")
        ]

    def __str__(self):
        return f"{self.ballot_id}: {self.project}"

    def clean(self):
        super().clean()
        if self.ballot_id and self.project_id and not self.project.path.startswith(self.ballot.round.path):
            raise ValidationError({"project": _("Choose a project shortlisted in this round.")})
