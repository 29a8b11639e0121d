"""The staff's decision forms: the eligibility check and the panel's decision. Reasons are told to the group."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from .models import Application
from .models.pages import MONEY

REASONS_MAX = 4000


class EligibilityForm(forms.Form):
    eligible = forms.TypedChoiceField(
        label=_("Is the application eligible?"),
        choices=[
            ("yes", _("Eligible: the assessors score it")),
            ("no", _("Not eligible: the group is told why, and it is not assessed")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the application is eligible.")},
    )
    notes = forms.CharField(
        label=_("Notes on eligibility"),
        help_text=_("If it is not eligible, these are the reasons the group is told."),
        required=False,
        max_length=REASONS_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("eligible") is False and not cleaned_data.get("notes", "").strip():
            self.add_error("notes", _("Say why the application is not eligible: the group is told."))
        return cleaned_data


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("The panel's decision"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the panel's decision.")},
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        help_text=_("The group is emailed these and reads them in its area."),
        max_length=REASONS_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Give the reasons for the decision: the group is told them.")},
    )
    grant_amount = forms.DecimalField(
        label=_("Grant, in pounds"),
        help_text=_("Leave empty to award the amount asked for."),
        required=False,
        max_digits=MONEY["max_digits"],
        decimal_places=MONEY["decimal_places"],
        validators=[MinValueValidator(Decimal("1"))],
    )

    def __init__(self, *args, application, outcomes, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["outcome"].choices = [(state.value, state.label) for state in outcomes]
        if Application.State.FUNDED not in outcomes:
            del self.fields["grant_amount"]

    def clean_grant_amount(self):
        amount = self.cleaned_data.get("grant_amount")
        requested = self.application.amount_requested
        if amount is not None and requested is not None and amount > requested:
            raise forms.ValidationError(
                _("The grant cannot be more than the £%(requested)s asked for.") % {"requested": f"{requested:,.2f}"}
            )
        return amount
