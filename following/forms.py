"""The follow form and the manage page's form: validation and cleaning, nothing else."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.public_forms.forms import PublicForm

from .kinds import get_kind, kinds
from .models import Follow

EMAIL_MAX_LENGTH = 254


def field_name(kind):
    return "follow_" + kind.replace("-", "_")


class FollowForm(PublicForm):
    """An address, what to follow (each kind's choices, or the one thing a page linked from), how often."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("We email you a link to confirm. We use your address for nothing else."),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often do you want emails?"),
        choices=Follow.Frequency.choices,
        initial=Follow.Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )

    nothing_chosen_message = _("Choose at least one thing to follow")

    def __init__(self, *args, preselected=None, **kwargs):
        """`preselected`: (kind, key, name) of the thing the visitor came from, ticked."""
        super().__init__(*args, **kwargs)
        self.preselected = preselected
        self.kind_fields = {}
        fields = {}
        if preselected is not None and get_kind(preselected[0]).choices is None:
            kind, key, name = preselected
            fields["follow_this"] = forms.MultipleChoiceField(
                label=capfirst(get_kind(kind).label),
                choices=[(key, name)],
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.kind_fields["follow_this"] = kind
            if not self.is_bound:
                self.initial["follow_this"] = [key]
        for registered in kinds():
            if registered.choices is None:
                continue
            name = field_name(registered.kind)
            fields[name] = forms.MultipleChoiceField(
                label=registered.heading or capfirst(registered.label),
                choices=list(registered.choices()),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.kind_fields[name] = registered.kind
            if not self.is_bound and preselected is not None and preselected[0] == registered.kind:
                self.initial[name] = [preselected[1]]
        # The things first, then the address and how often: the order a person thinks in.
        self.fields = {**fields, **{name: field for name, field in self.fields.items() if name not in fields}}

    def clean(self):
        cleaned = super().clean()
        chosen = self.chosen()
        if not chosen and self.kind_fields:
            self.add_error(next(iter(self.kind_fields)), self.nothing_chosen_message)
        return cleaned

    def chosen(self):
        """The (kind, key) pairs ticked, in the order shown."""
        return [(kind, key) for name, kind in self.kind_fields.items() for key in (self.cleaned_data.get(name) or [])]


class ManageForm(forms.Form):
    """One radio group per follow: how often its emails come."""

    def __init__(self, *args, follows, **kwargs):
        super().__init__(*args, **kwargs)
        self.follows = follows
        for follow in follows:
            self.fields[f"frequency_{follow.pk}"] = forms.ChoiceField(
                label=_("How often"),
                choices=Follow.Frequency.choices,
                initial=follow.frequency,
                widget=forms.RadioSelect,
            )

    def changes(self):
        """{follow: new frequency} for the follows whose frequency changed."""
        return {
            follow: self.cleaned_data[f"frequency_{follow.pk}"]
            for follow in self.follows
            if self.cleaned_data[f"frequency_{follow.pk}"] != follow.frequency
        }
