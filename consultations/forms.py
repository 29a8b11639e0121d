"""The public comment form: validation and cleaning, nothing else."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.public_forms.forms import PublicForm, SingleLineField

from .models import ConsultationQuestion

MAX_LINKS = 2
TEXT_MAX_LENGTH = 3000
ANSWER_MAX_LENGTH = 1500

# Anything that looks like markup: a tag opening or closing, a comment, or a script URL.
# "2 < 3 and 5 > 4" is plain text: a tag's name follows "<" at once.
# A slash may stand for the space after a tag's name: <svg/onload=...> is a tag.
MARKUP = re.compile(r"</?[a-z][a-z0-9-]*([\s/][^>]*)?>|<!--|javascript\s*:", re.IGNORECASE)
LINK = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}$")


def check_plain_text(value):
    if MARKUP.search(value):
        raise forms.ValidationError(
            _("Remove the HTML or code from your text. Write in plain words; web addresses are fine."), code="markup"
        )
    links = len(LINK.findall(value))
    if links > MAX_LINKS:
        raise forms.ValidationError(
            ngettext(
                "Include no more than %(limit)d web address.",
                "Include no more than %(limit)d web addresses.",
                MAX_LINKS,
            )
            % {"limit": MAX_LINKS},
            code="links",
        )
    return value


class CommentForm(PublicForm):
    display_name = SingleLineField(
        label=_("Your name as it will be shown"),
        help_text=_("Shown with your comment. It can be your first name only."),
        max_length=80,
        error_messages={"required": _("Enter the name to show with your comment")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Never shown. We send a link to confirm your comment, and the outcome if you ask for it."),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        help_text=_("Never shown. It helps us see which areas responded."),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}),
    )
    text = forms.CharField(
        label=_("Your comment"),
        help_text=_("Up to 3,000 characters. Plain text only."),
        max_length=TEXT_MAX_LENGTH,
        error_messages={"required": _("Enter your comment")},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    notify_outcome = forms.BooleanField(
        label=_("Email me what the council did with my comment when the outcome is published"), required=False
    )
    privacy_agreed = forms.BooleanField(
        label=_("I have read the privacy notice and agree to my comment being used for this consultation"),
        error_messages={"required": _("Agree to the privacy notice to send your comment")},
    )

    answer_prefix = "question_"

    def __init__(self, consultation, *args, questions=None, **kwargs):
        self.consultation = consultation
        super().__init__(*args, **kwargs)
        self.questions = list(consultation.questions.all()) if questions is None else questions
        # Questions come before the personal details, in the order the editor set.
        fields = {}
        for question in self.questions:
            fields[self.answer_prefix + str(question.pk)] = self.question_field(question)
        self.fields = {**fields, **self.fields}
        for name in ("text", "display_name", "email"):
            self.fields[name].widget.attrs.setdefault("maxlength", self.fields[name].max_length)

    def question_field(self, question):
        label = question.question
        if question.kind == ConsultationQuestion.Kind.TEXT:
            return forms.CharField(
                label=label,
                help_text=question.help_text,
                required=question.required,
                max_length=ANSWER_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
                validators=[check_plain_text],
            )
        choices = [(choice, choice) for choice in question.choice_list]
        if question.kind == ConsultationQuestion.Kind.SINGLE:
            return forms.ChoiceField(
                label=label,
                help_text=question.help_text,
                required=question.required,
                choices=choices,
                widget=forms.RadioSelect,
            )
        return forms.MultipleChoiceField(
            label=label,
            help_text=question.help_text,
            required=question.required,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
        )

    def clean_display_name(self):
        return check_plain_text(self.cleaned_data["display_name"].strip())

    def clean_text(self):
        return check_plain_text(self.cleaned_data["text"].strip())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_postcode(self):
        postcode = " ".join(self.cleaned_data["postcode"].upper().split())
        if postcode and not POSTCODE.match(postcode):
            raise forms.ValidationError(_("Enter a real postcode, like WR14 3AF, or leave it empty"), code="postcode")
        return postcode

    def answers(self):
        """(question, value) pairs, one per ticked choice, skipping empty answers."""
        for question in self.questions:
            value = self.cleaned_data.get(self.answer_prefix + str(question.pk))
            values = value if isinstance(value, list) else [value]
            for item in values:
                if item:
                    yield question, item

    @property
    def typed_field_names(self):
        text_questions = [
            self.answer_prefix + str(q.pk) for q in self.questions if q.kind == ConsultationQuestion.Kind.TEXT
        ]
        return [*text_questions, "text", "display_name"]
