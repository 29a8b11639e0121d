"""Public forms of the stories app: sending a story, signing in, answering a preview."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.public_forms.forms import PublicForm, SingleLineField
from strategy.models import Place, Theme

from .photos import MAX_PHOTOS, check_photo, check_total_pixels
from .public_text import plain_summary

STORY_MAX_CHARACTERS = 10_000


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Up to MAX_PHOTOS photos from one file input, each checked by its content."""

    widget = MultiplePhotoInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if not uploads:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > MAX_PHOTOS:
            raise forms.ValidationError(
                _("Send up to %(count)s photos.") % {"count": MAX_PHOTOS}, code="too_many_photos"
            )
        errors, cleaned, total_pixels = [], [], 0
        for upload in uploads:
            try:
                cleaned.append(super().clean(upload, initial))
                total_pixels += check_photo(upload)
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        # Checked from the photos' headers, before any of them is decoded.
        check_total_pixels(total_pixels)
        return cleaned


class StorySubmissionForm(PublicForm):
    group_name = SingleLineField(label=_("Your community group's name"), max_length=200)
    contact_name = SingleLineField(label=_("Your name"), max_length=200, help_text=_("We will not publish it."))
    contact_email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We will not publish it. We use it to tell you about your story and to let you sign in."),
    )
    title = SingleLineField(label=_("Title of your story"), max_length=120)
    story = forms.CharField(
        label=_("Your story"),
        max_length=STORY_MAX_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("What happened, who took part, and what changed. Leave a blank line between paragraphs."),
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to 5 photos, JPEG, PNG or WebP, each up to 10 MB. We remove location data from them."),
    )
    photo_description = SingleLineField(
        label=_("What the photos show"),
        max_length=255,
        required=False,
        help_text=_("A short description for people who cannot see them. Needed if you send photos."),
    )
    place = forms.ModelChoiceField(
        label=_("Where it happened"), queryset=Place.objects.none(), required=False, empty_label=_("Choose a place")
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Which themes does it serve?"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent_to_publish = forms.BooleanField(
        label=_("I agree that the council may publish this story and the photos on this website."),
        error_messages={"required": _("Agree to publication, or we cannot publish your story.")},
    )
    people_pictured_agreed = forms.BooleanField(
        label=_(
            "Everyone who can be recognised in the photos, or their parent or carer, agreed to them being published."
        ),
        required=False,
    )

    TEXT_FIELDS = ["group_name", "contact_name", "contact_email", "title", "story", "photo_description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.for_active_locale()
        self.fields["themes"].queryset = Theme.objects.for_active_locale()

    def clean_story(self):
        story = self.cleaned_data["story"]
        # Markup alone (a bare <script>, say) is removed when the story is saved: nothing would be left.
        if not plain_summary(story):
            raise forms.ValidationError(
                _("Write your story in words. We remove HTML and code from stories."), code="no_words"
            )
        return story

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photos"):
            if not cleaned.get("people_pictured_agreed"):
                self.add_error(
                    "people_pictured_agreed",
                    _("Confirm that the people pictured agreed, or send the story without photos."),
                )
            if not cleaned.get("photo_description"):
                self.add_error("photo_description", _("Describe what the photos show."))
        return cleaned

    def photo_error_note(self):
        """Browsers cannot refill a file input: say so when the form comes back."""
        return bool(self.is_bound and self.files and self.errors)


class SignInForm(PublicForm):
    email = forms.EmailField(
        label=_("Email address"), max_length=254, help_text=_("The address you gave with your story.")
    )


class PreviewResponseForm(forms.Form):
    AGREE = "agree"
    COMMENT = "comment"

    decision = forms.ChoiceField(
        label=_("Do you agree to this version being published?"),
        choices=[(AGREE, _("Yes, publish this version")), (COMMENT, _("No, I have comments"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Your comments"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.COMMENT and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Tell us what should change."))
        return cleaned
