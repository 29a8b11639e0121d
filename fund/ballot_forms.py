"""The residents' ballot form: which shortlisted projects, within the budget, from whom."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.public_forms.forms import PublicForm

from .templatetags.fund_tags import pounds
from .voting import in_voting_area, normalise_postcode


class BallotForm(PublicForm):
    projects = forms.MultipleChoiceField(
        label=_("Choose the projects you want funded"),
        help_text=_("Choose as many as you like, as long as together they cost no more than the budget."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one project."),
            "invalid_choice": _("One of your choices is not a project in this round. Choose again from the list."),
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Never shown. We send you a link to confirm your vote: it counts only once you follow it."),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        help_text=_("Never shown. Residents of the district can vote."),
        max_length=10,
        error_messages={"required": _("Enter your postcode")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}),
    )

    def __init__(self, round_page, projects, *args, **kwargs):
        self.round_page = round_page
        self.costs = {project.pk: project.cost for project in projects}
        super().__init__(*args, **kwargs)
        self.fields["projects"].choices = [(str(project.pk), project.title) for project in projects]
        for name in ("email", "postcode"):
            self.fields[name].widget.attrs.setdefault("maxlength", self.fields[name].max_length)

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if postcode is None:
            raise forms.ValidationError(_("Enter a full postcode, like WR14 3AF"), code="invalid")
        if not in_voting_area(postcode):
            raise forms.ValidationError(
                _("%(postcode)s is outside the district. Residents with a postcode starting %(districts)s can vote."),
                code="outside",
                params={"postcode": postcode, "districts": ", ".join(settings.FUND_VOTE_POSTCODE_DISTRICTS)},
            )
        return postcode

    def clean_projects(self):
        return sorted({int(value) for value in self.cleaned_data["projects"]})

    def clean(self):
        cleaned = super().clean()
        if "projects" in cleaned:
            from .tally import ballot_error

            # The server's check, whatever the page's script showed: within the round's budget.
            problem = ballot_error(cleaned["projects"], self.costs, self.round_page.budget)
            if problem:
                self.add_error("projects", problem)
        return cleaned

    @property
    def chosen(self):
        """The ids (as text) ticked in what was sent, valid or not, to tick them again."""
        if not self.is_bound:
            return []
        known = {str(pk) for pk in self.costs}
        return [value for value in self.data.getlist(self.add_prefix("projects")) if value in known]

    @property
    def chosen_total(self):
        return sum((self.costs[int(value)] for value in set(self.chosen)), Decimal(0))

    @property
    def total_text(self):
        return _("Your choices cost %(total)s of the %(budget)s budget.") % {
            "total": pounds(self.chosen_total),
            "budget": pounds(self.round_page.budget),
        }
