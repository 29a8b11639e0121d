"""Forms of the residents' data tools: the staff look-up and the public link request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.public_forms.forms import PublicForm


class PersonLookupForm(forms.Form):
    """Staff: one email address to show, export or erase."""

    email = forms.EmailField(label=_("Email address"), max_length=254)


class ConfirmErasureForm(PersonLookupForm):
    confirm = forms.BooleanField(
        label=_("Yes, permanently erase everything held about this email address"),
        error_messages={"required": _("Tick the box to confirm the erasure")},
    )


class YourDataRequestForm(PublicForm):
    """Residents: the address to send a link to. Blocked addresses may still ask for their data."""

    email_fields = ()

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("The address you used to comment on a consultation or to send a story."),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


class ResidentErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase my comments, my stories and my photos. I understand this cannot be undone."),
        error_messages={"required": _("Tick the box to confirm that you want your data erased")},
    )
