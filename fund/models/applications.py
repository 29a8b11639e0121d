"""What community groups send to a round, and how staff assess and decide it. Never public.

The group's email address is personal data (fund/personal_data.py); the budget lines and
supporting documents are the group's own and staff read them without changing them.
"""

import os
import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from core.private_files import private_storage

from .pages import MONEY, AssessmentCriterion

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # unambiguous: people read references out on the phone


def new_reference():
    return "PMP-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class Application(models.Model):
    """A community group's application to a round, from its first saved step to the decision."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        INELIGIBLE = "ineligible", _("Not eligible")
        ELIGIBLE = "eligible", _("Eligible")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        NOT_SHORTLISTED = "not_shortlisted", _("Not shortlisted")
        FUNDED = "funded", _("Funded")
        NOT_FUNDED = "not_funded", _("Not funded")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class OrganisationType(models.TextChoices):
        COMMUNITY_GROUP = "community_group", _("Constituted community group")
        CHARITY = "charity", _("Registered charity")
        CIO = "cio", _("Charitable incorporated organisation")
        CIC = "cic", _("Community interest company")
        SOCIAL_ENTERPRISE = "social_enterprise", _("Other social enterprise")
        PARISH_COUNCIL = "parish_council", _("Town or parish council")

    # Decided states: the panel's decision is final, with its reasons and date.
    DECIDED_STATES = (State.INELIGIBLE, State.NOT_SHORTLISTED, State.FUNDED, State.NOT_FUNDED)
    NEEDS_CHARITY_NUMBER = (OrganisationType.CHARITY, OrganisationType.CIO)
    NEEDS_COMPANY_NUMBER = (OrganisationType.CIC,)

    round = models.ForeignKey("fund.FundRoundPage", on_delete=models.PROTECT, related_name="applications")
    reference = models.CharField(max_length=20, unique=True, default=new_reference, editable=False)
    group_email = models.EmailField(blank=True, help_text=_("Stored in lower case; emptied on erasure"))
    group_name = models.CharField(max_length=200)
    organisation_type = models.CharField(max_length=30, choices=OrganisationType.choices, blank=True)
    charity_number = models.CharField(max_length=20, blank=True)
    company_number = models.CharField(max_length=20, blank=True)
    project_title = models.CharField(max_length=200, blank=True)
    summary = models.TextField(max_length=2000, blank=True)
    priority = models.ForeignKey(
        "fund.Priority", null=True, blank=True, on_delete=models.PROTECT, related_name="applications"
    )
    place = models.ForeignKey(
        "strategy.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="fund_applications"
    )
    amount_requested = models.DecimalField(**MONEY, null=True, blank=True, validators=[MinValueValidator(1)])
    declares_information_true = models.BooleanField(
        default=False, verbose_name=_("The information given is true and complete")
    )
    declares_funds_managed = models.BooleanField(
        default=False, verbose_name=_("The group will manage the grant and report how it is spent")
    )
    agrees_privacy_notice = models.BooleanField(default=False, verbose_name=_("Has read the privacy notice"))
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    current_step = models.CharField(
        max_length=50, blank=True, help_text=_("The step of the application form the group left off at")
    )
    eligibility_notes = models.TextField(blank=True)
    decision_reasons = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["group_email"], name="fund_application_email"),
            models.Index(fields=["round", "state"], name="fund_application_round_state"),
        ]
        permissions = [("record_decision", "Can record the panel's decision on an application")]

    def __str__(self):
        return f"{self.reference}: {self.project_title or self.group_name}"

    def save(self, *args, **kwargs):
        self.group_email = (self.group_email or "").strip().lower()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.organisation_type in self.NEEDS_CHARITY_NUMBER and not self.charity_number.strip():
            errors["charity_number"] = _("Enter the charity number.")
        if self.organisation_type in self.NEEDS_COMPANY_NUMBER and not self.company_number.strip():
            errors["company_number"] = _("Enter the company number.")
        if self.state in self.DECIDED_STATES and not self.decision_reasons.strip():
            errors["decision_reasons"] = _("Give the reasons for the decision: the group is told them.")
        if self.state == self.State.INELIGIBLE and not self.eligibility_notes.strip():
            errors["eligibility_notes"] = _("Say why the application is not eligible.")
        if errors:
            raise ValidationError(errors)

    def budget_total(self):
        return sum((line.amount for line in self.budget_lines.all()), Decimal("0"))

    def budget_problem(self):
        """Why the budget does not add up to the amount requested, or None when it does."""
        total = self.budget_total()
        if self.amount_requested is None:
            return _("Enter the amount you are asking for.")
        if total != self.amount_requested:
            return _("The budget lines add up to £%(total)s, not the £%(requested)s asked for.") % {
                "total": f"{total:,.2f}",
                "requested": f"{self.amount_requested:,.2f}",
            }
        return None

    def check_budget(self):
        """Raise a ValidationError on amount_requested unless the budget lines add up to it."""
        problem = self.budget_problem()
        if problem:
            raise ValidationError({"amount_requested": problem})


class BudgetLine(models.Model):
    """One item of an application's budget: what the money buys, and how much."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    item = models.CharField(max_length=200)
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.item}: £{self.amount:,.2f}"


def supporting_document_path(document, filename):
    """A random name in a folder per application: the file's address is not guessable from the reference."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"fund/applications/{uuid.uuid4().hex}/{uuid.uuid4().hex}{extension}"


class SupportingDocument(models.Model):
    """A file a group sends with its application (a constitution, accounts, a quote)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    # Private: kept outside the public media and served only through the admin (fund/document_views.py).
    file = models.FileField(upload_to=supporting_document_path, storage=private_storage, max_length=255)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField(help_text=_("In bytes"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class Assessment(ClusterableModel):
    """One assessor's scores and comments on one application.

    An assessor with a conflict of interest declares it and gives no scores.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assessments")
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="fund_assessments")
    conflict_of_interest = models.BooleanField(default=False)
    conflict_note = models.TextField(blank=True, help_text=_("What the conflict is"))
    comments = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True, help_text=_("Empty while the assessor is working on it"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("application"),
        FieldPanel("conflict_of_interest"),
        FieldPanel("conflict_note"),
        InlinePanel("scores", label=_("score")),
        FieldPanel("comments"),
        FieldPanel("submitted_at"),
    ]

    class Meta:
        ordering = ["application", "assessor"]
        constraints = [
            models.UniqueConstraint(fields=["application", "assessor"], name="fund_one_assessment_per_assessor")
        ]
        permissions = [("view_all_assessments", "Can view every assessor's assessments")]

    def __str__(self):
        return f"{self.application.reference} by {self.assessor}"

    def clean(self):
        super().clean()
        if self.conflict_of_interest and not self.conflict_note.strip():
            raise ValidationError({"conflict_note": _("Say what the conflict of interest is.")})
        if self.conflict_of_interest and self.has_scores():
            raise ValidationError(
                {"conflict_of_interest": _("An assessor with a conflict of interest cannot score: remove the scores.")}
            )

    def has_scores(self):
        # The in-memory cluster too: the admin form validates before it saves the scores.
        return any(score.score is not None for score in self.scores.all())

    def total(self):
        return sum(score.score for score in self.scores.all())


class Score(models.Model):
    """An assessor's score for an application against one of the round's criteria."""

    assessment = ParentalKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(AssessmentCriterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField()

    panels = [FieldPanel("criterion"), FieldPanel("score")]

    class Meta:
        ordering = ["criterion__sort_order"]
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="fund_one_score_per_criterion")]

    def __str__(self):
        return f"{self.criterion}: {self.score}"

    def clean(self):
        super().clean()
        if self.criterion_id is None or self.score is None:
            return
        if self.score > self.criterion.max_score:
            raise ValidationError({"score": _("Give a score from 0 to %(max)s.") % {"max": self.criterion.max_score}})
        assessment = self.assessment
        if assessment.conflict_of_interest:
            raise ValidationError(_("An assessor with a conflict of interest cannot score."))
        if assessment.application_id and self.criterion.round_id != assessment.application.round_id:
            raise ValidationError({"criterion": _("Choose one of this round's criteria.")})
