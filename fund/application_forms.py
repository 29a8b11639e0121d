"""The application form's steps, one question page each: cleaning and validation, nothing else."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.public_forms.forms import SingleLineField
from strategy.models import Place

from .documents import check_document
from .models import Application


class GroupForm(forms.ModelForm):
    group_name = SingleLineField(
        label=_("Your group's name"), max_length=200, error_messages={"required": _("Enter your group's name.")}
    )
    organisation_type = forms.ChoiceField(
        label=_("What kind of organisation is your group?"),
        choices=Application.OrganisationType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what kind of organisation your group is.")},
    )
    charity_number = forms.CharField(
        label=_("Charity number"),
        max_length=20,
        required=False,
        help_text=_("Needed for a registered charity or a charitable incorporated organisation."),
    )
    company_number = forms.CharField(
        label=_("Company number"),
        max_length=20,
        required=False,
        help_text=_("Needed for a community interest company."),
    )

    class Meta:
        model = Application
        fields = ["group_name", "organisation_type", "charity_number", "company_number"]


class ProjectForm(forms.ModelForm):
    project_title = SingleLineField(
        label=_("Your project's title"),
        max_length=200,
        error_messages={"required": _("Enter your project's title.")},
    )
    summary = forms.CharField(
        label=_("What will your project do?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        help_text=_("Who it is for, what will happen and what will change. Plain words are best."),
        error_messages={"required": _("Say what your project will do.")},
    )

    class Meta:
        model = Application
        fields = ["project_title", "summary", "priority", "place"]

    def __init__(self, *args, round_page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"] = forms.ModelChoiceField(
            label=_("Which of the round's priorities does it serve most?"),
            queryset=round_page.priorities.order_by("sort_order", "name"),
            widget=forms.RadioSelect,
            empty_label=None,
            error_messages={"required": _("Select the priority your project serves most.")},
        )
        round_places = round_page.places.order_by("name")
        places = round_places if round_places.exists() else Place.objects.order_by("name")
        self.fields["place"] = forms.ModelChoiceField(
            label=_("Where will it happen?"),
            queryset=places,
            required=round_places.exists(),
            empty_label=_("Choose a place") if round_places.exists() else _("Across the district"),
            error_messages={"required": _("Select where your project will happen.")},
        )


class AmountForm(forms.ModelForm):
    amount_requested = forms.DecimalField(
        label=_("How much are you asking for, in pounds?"),
        min_value=1,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": _("Enter the amount you are asking for."),
            "invalid": _("Enter the amount as a number, like 1500 or 1500.50."),
        },
    )

    class Meta:
        model = Application
        fields = ["amount_requested"]


class BudgetLineForm(forms.Form):
    item = SingleLineField(label=_("What it pays for"), max_length=200, required=False)
    amount = forms.DecimalField(
        label=_("Cost, in pounds"),
        min_value=Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={"invalid": _("Enter the cost as a number, like 250 or 249.99.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        number = (self.prefix or "-0").rsplit("-", 1)[-1]
        line = int(number) + 1 if number.isdigit() else 1
        self.fields["item"].label = _("Line %(number)s: what it pays for") % {"number": line}
        self.fields["amount"].label = _("Line %(number)s: cost, in pounds") % {"number": line}

    def is_blank(self):
        return not (self.data.get(self.add_prefix("item"), "").strip() or self.data.get(self.add_prefix("amount"), ""))

    def clean(self):
        cleaned = super().clean()
        if self.is_blank():
            return cleaned
        if not cleaned.get("item") and "item" not in self.errors:
            self.add_error("item", _("Say what this line pays for."))
        if cleaned.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", _("Enter what this line costs."))
        return cleaned


MAX_BUDGET_LINES = 30

BudgetLineFormSet = forms.formset_factory(
    BudgetLineForm, extra=0, max_num=MAX_BUDGET_LINES, absolute_max=MAX_BUDGET_LINES, validate_max=True
)


class DocumentForm(forms.Form):
    document = forms.FileField(
        label=_("Upload a file"),
        required=False,
        help_text=_("A PDF, for example your constitution, your latest accounts or a quote."),
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload:
            check_document(upload)
        return upload


class DeclarationsForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["declares_information_true", "declares_funds_managed", "agrees_privacy_notice"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            "declares_information_true": (
                _("The information in this application is true and complete"),
                _("Confirm that the information is true and complete."),
            ),
            "declares_funds_managed": (
                _("Our group will manage the grant and report how it is spent"),
                _("Confirm that your group will manage the grant and report how it is spent."),
            ),
            "agrees_privacy_notice": (
                _("I have read the privacy notice and know how the council uses this information"),
                _("Confirm that you have read the privacy notice."),
            ),
        }
        for name, (label, required) in labels.items():
            field = self.fields[name]
            field.label = label
            field.required = True
            field.error_messages["required"] = required


MAX_CROWDFUNDING_RAISED = Decimal("10000000")


class CrowdfundingForm(forms.Form):
    """What a funded group says about its crowdfunding: where people give, and how much they have given."""

    crowdfunding_url = forms.URLField(
        label=_("Your crowdfunding page's address"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=_("The full address, starting https://. Leave it empty if the project has no crowdfunding page."),
        widget=forms.URLInput(attrs={"spellcheck": "false", "autocomplete": "url"}),
        error_messages={
            "invalid": _("Enter the address of your crowdfunding page, like https://www.example.org/our-project."),
            "max_length": _("The address must be 200 characters or fewer."),
        },
    )
    crowdfunding_raised = forms.DecimalField(
        label=_("Raised from the public so far, in pounds"),
        min_value=0,
        max_value=MAX_CROWDFUNDING_RAISED,
        max_digits=12,
        decimal_places=2,
        help_text=_("Only what people have given: the council adds its match itself."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
        error_messages={
            "required": _("Enter how much the public has given so far, or 0."),
            "invalid": _("Enter the amount as a number, like 1500 or 1500.50."),
            "min_value": _("The amount cannot be less than 0."),
            "max_value": _("The amount must be £10,000,000 or less."),
            "max_decimal_places": _("Enter the amount in pounds and pence, like 1500.50."),
            "max_digits": _("The amount must be £10,000,000 or less."),
            "max_whole_digits": _("The amount must be £10,000,000 or less."),
        },
    )

    def clean_crowdfunding_url(self):
        url = self.cleaned_data["crowdfunding_url"]
        if url and not url.lower().startswith("https://"):
            raise forms.ValidationError(
                _("The address must start with https:// so givers' details are sent securely."), code="not_https"
            )
        return url
