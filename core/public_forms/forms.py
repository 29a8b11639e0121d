"""What every form the public can send has in common: spam traps and one-submission tokens.

Stories, comments and sign-in requests all subclass PublicForm, so the rules are the
same everywhere and tested once.
"""

import time
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.public_forms.blocklist import is_blocked

STARTED_SALT = "public-form-started"


class SingleLineField(forms.CharField):
    """A name or title: line breaks and runs of spaces become one space.

    These values end up in email subjects and page titles, where a line break is at best
    a broken layout and at worst a header injection (Django refuses to send such a mail).
    """

    def to_python(self, value):
        return " ".join(super().to_python(value).split())


class PublicForm(forms.Form):
    """Adds a honeypot, a signed start time and a per-render token to a form.

    - `website` is hidden from people; a bot that fills it is refused.
    - `started` is signed so a bot cannot forge a fill time; a form sent faster than
      PUBLIC_FORM_MIN_SECONDS is refused, and so is one without a valid stamp (a bot that
      drops the field must not skip the check). The form comes back with what was typed
      and a fresh stamp, so a person only has to send it again.
    - `form_token` is unique per rendered form: the view stores it with what it creates,
      so a double-clicked submit finds the first row instead of making a second.
    """

    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    form_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    # Fields holding the sender's email address, checked against the moderators' block list.
    email_fields = ("email", "contact_email")
    blocked_message = _(
        "We cannot accept submissions from this email address. Contact the council if you think this is wrong."
    )

    spam_message = _(
        "Your submission could not be accepted. If you are a person, please wait a moment and send it again."
    )

    no_stamp_message = _(
        "We could not tell when you opened this form, perhaps because it was open for a long time. "
        "Everything you typed is still here: please check it and send it again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("started", signing.dumps(time.time(), salt=STARTED_SALT))
            self.initial.setdefault("form_token", uuid.uuid4())

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(self.spam_message, code="honeypot")
        return ""

    def clean_started(self):
        value = self.cleaned_data.get("started")
        try:
            started = signing.loads(value, salt=STARTED_SALT, max_age=60 * 60 * 24)
        except (signing.BadSignature, TypeError):  # missing, forged or over a day old
            if not settings.PUBLIC_FORM_MIN_SECONDS:
                return None  # the fill-time check is off
            self.restamp()
            raise forms.ValidationError(self.no_stamp_message, code="no_stamp") from None
        if time.time() - float(started) < settings.PUBLIC_FORM_MIN_SECONDS:
            raise forms.ValidationError(self.spam_message, code="too_fast")
        return started

    def restamp(self):
        """Give the re-rendered form a fresh start time, so sending it again can succeed."""
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = signing.dumps(time.time(), salt=STARTED_SALT)

    def clean_form_token(self):
        return self.cleaned_data.get("form_token") or uuid.uuid4()

    def clean(self):
        cleaned = super().clean()
        for name in self.email_fields:
            if name in self.fields and is_blocked(cleaned.get(name)):
                self.add_error(name, self.blocked_message)
        return cleaned

    @property
    def is_spam(self):
        return any(
            error.code in {"honeypot", "too_fast"}
            for field in ("website", "started")
            for error in self.errors.as_data().get(field, [])
        )

    def non_field_errors(self):
        # Spam-trap errors belong to hidden fields; show them at the top instead.
        errors = super().non_field_errors()
        for field in ("website", "started"):
            for error in self.errors.get(field, []):
                if error not in errors:
                    errors.append(error)
        return errors


def typed_text(form, field_names):
    """The text a person typed, with labels, to show back when it cannot be accepted."""
    return [
        (form.fields[name].label, form.data.get(form.add_prefix(name), ""))
        for name in field_names
        if form.data.get(form.add_prefix(name))
    ]
