"""Public forms of volunteering: posting an opportunity, registering interest, replying, signing in."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.group_area import GroupSignInForm
from core.public_forms.forms import PublicForm, SingleLineField
from strategy.models import Place, Theme

from .models import OpportunityPage

MESSAGE_MAX_CHARACTERS = 2000
REPLY_MAX_CHARACTERS = 5000
LONGEST_OPENING = timedelta(days=366)


class SignInForm(GroupSignInForm):
    email = forms.EmailField(
        label=_("Your group's email address"),
        max_length=254,
        help_text=_("We send residents' messages about your opportunities here. We never publish it."),
    )


class OpportunityForm(PublicForm):
    """What a signed-in group posts; the address comes from its session, not from the form."""

    group_name = SingleLineField(label=_("Your community group's name"), max_length=200)
    title = SingleLineField(label=_("Title of the opportunity"), max_length=120)
    summary = SingleLineField(
        label=_("Summary"), max_length=300, help_text=_("One or two sentences for the list of opportunities.")
    )
    description = forms.CharField(
        label=_("What volunteers will do"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What, when and where, and any training or expenses. Leave a blank line between paragraphs."),
    )
    place = forms.ModelChoiceField(label=_("Where"), queryset=Place.objects.none(), empty_label=_("Choose a place"))
    themes = forms.ModelMultipleChoiceField(
        label=_("Which themes does it serve?"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    commitment = forms.ChoiceField(
        label=_("How often"), choices=OpportunityPage.Commitment.choices, widget=forms.RadioSelect
    )
    hours = SingleLineField(
        label=_("How much time"),
        max_length=100,
        required=False,
        help_text=_("For example, 2 hours on Saturday mornings."),
    )
    volunteers_wanted = forms.IntegerField(
        label=_("How many volunteers you are looking for"), min_value=1, max_value=1000, required=False
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Accessibility"),
        choices=list(OpportunityPage.ACCESSIBILITY_FACTS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_notes = forms.CharField(
        label=_("Anything else about accessibility"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    closing_date = forms.DateField(
        label=_("Closing date"),
        help_text=_("The last day residents can register interest, for example 31/3/2027. Up to a year from today."),
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d %m %Y", "%d-%m-%Y"],
    )

    TEXT_FIELDS = ["group_name", "title", "summary", "description", "hours", "accessibility_notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.for_active_locale()
        self.fields["themes"].queryset = Theme.objects.for_active_locale()

    def clean_closing_date(self):
        closing = self.cleaned_data["closing_date"]
        today = timezone.localdate()
        if closing < today:
            raise forms.ValidationError(_("The closing date must be today or later."), code="past")
        if closing > today + LONGEST_OPENING:
            raise forms.ValidationError(_("The closing date must be within a year from today."), code="too_far")
        return closing


class InterestForm(PublicForm):
    name = SingleLineField(label=_("Your name"), max_length=200, help_text=_("We pass your first name to the group."))
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We do not give it to the group. We email you their reply."),
    )
    phone = SingleLineField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("If you would like the group to call you. We pass it to the group only if you give it."),
    )
    message = forms.CharField(
        label=_("Your message to the group"),
        max_length=MESSAGE_MAX_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say a little about yourself and when you could help."),
        error_messages={"required": _("Write a message to the group.")},
    )

    TEXT_FIELDS = ["name", "email", "phone", "message"]

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone and not all(character.isdigit() or character in "+ ()-" for character in phone):
            raise forms.ValidationError(
                _("Enter a phone number using only digits, spaces and +, ( ) or -."), code="phone"
            )
        return phone


class ReplyForm(forms.Form):
    """The group's reply: reached only through the signed link in the relayed email."""

    reply = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_MAX_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your reply.")},
    )
