"""The community groups' forms: signing in, and an entry of the register (new or updated).

The form cleans; directory/group_entries.py acts. Everything is checked here, so a draft
that reaches moderators already keeps the model's rules (a private person's contact details
only with their agreement, opening hours that close after they open, a point in the district).
"""

import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.public_forms.forms import PublicForm, SingleLineField
from strategy.models import Place, Theme

from .models import AssetType, OpeningTime, Organisation

# The district's rough bounding box (south, west, north, east): Malvern Hills by default.
# A point outside it is a typing mistake (a swapped sign, latitude and longitude swapped).
DEFAULT_BOUNDS = (Decimal("51.95"), Decimal("-2.70"), Decimal("52.40"), Decimal("-2.10"))

POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")

DESCRIPTION_MAX_CHARACTERS = 5000
NOTES_MAX_CHARACTERS = 1000
ADDRESS_MAX_CHARACTERS = 500
TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]

ENTRY_TEXT_FIELDS = [
    "name",
    "summary",
    "description",
    "organisation_name",
    "address",
    "postcode",
    "contact_email",
    "contact_phone",
    "contact_website",
    "accessibility_notes",
]


def district_bounds():
    return tuple(Decimal(str(edge)) for edge in getattr(settings, "DIRECTORY_DISTRICT_BOUNDS", DEFAULT_BOUNDS))


def normalise_postcode(value):
    """The postcode in capitals with one space ("WR14 3AF" from " wr143af "); None if not a UK postcode."""
    match = POSTCODE.match("".join((value or "").upper().split()))
    return f"{match.group(1)} {match.group(2)}" if match else None


def time_field(label):
    return forms.TimeField(
        label=label,
        required=False,
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
        error_messages={"invalid": _("Enter a time on the 24-hour clock, like 09:30 or 17:00.")},
    )


class EntryForm(PublicForm):
    """An entry of the register as a community group sends it: what, who, where, when, how to reach it."""

    asset_type = forms.ModelChoiceField(
        label=_("What kind of place or service is it?"),
        queryset=AssetType.objects.none(),
        empty_label=_("Choose a kind"),
        error_messages={"required": _("Choose what kind of place or service it is.")},
    )
    name = SingleLineField(
        label=_("Name"),
        max_length=200,
        help_text=_("As people know it, e.g. 'Upton Memorial Hall'."),
        error_messages={"required": _("Enter the name of the place or service.")},
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences for the directory's list and search results."),
        error_messages={"required": _("Enter a short summary.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX_CHARACTERS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What it offers and who it is for."),
    )
    organisation_name = SingleLineField(
        label=_("Organisation that runs it"),
        max_length=200,
        help_text=_("A charity, club, parish council or group."),
        error_messages={"required": _("Enter the name of the organisation that runs it.")},
    )
    organisation_website = forms.URLField(
        label=_("Organisation's website"), max_length=200, required=False, assume_scheme="https"
    )
    charity_number = forms.CharField(
        label=_("Registered charity number"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        validators=[
            RegexValidator(r"^\d{6,8}(-\d{1,2})?$", _("Enter a charity number of 6 to 8 digits, like 1234567."))
        ],
    )
    place = forms.ModelChoiceField(
        label=_("Town or parish"),
        queryset=Place.objects.none(),
        empty_label=_("Choose a place"),
        error_messages={"required": _("Choose the town or parish it is in.")},
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=ADDRESS_MAX_CHARACTERS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One part per line. Leave empty for a service with no building."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "autocomplete": "off"}),
    )
    latitude = forms.DecimalField(
        label=_("Latitude"),
        max_digits=8,
        decimal_places=5,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
        help_text=_("For the map, e.g. 52.06123. Leave both empty if you do not know them."),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        max_digits=8,
        decimal_places=5,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "decimal"}),
        help_text=_("e.g. -2.21789 (west of Greenwich, so it starts with a minus sign)."),
    )
    contact_email = forms.EmailField(label=_("Email address for the public"), max_length=254, required=False)
    contact_phone = forms.CharField(
        label=_("Phone number for the public"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "type": "tel", "autocomplete": "off"}),
        validators=[RegexValidator(r"^\+?[0-9 ()-]{6,40}$", _("Enter a phone number, like 01684 123456."))],
    )
    contact_website = forms.URLField(
        label=_("Website for the public"), max_length=200, required=False, assume_scheme="https"
    )
    contact_is_a_person = forms.BooleanField(
        label=_("The email address or phone number above reaches a private person, not an organisation"),
        required=False,
    )
    person_agreed_to_publish = forms.BooleanField(
        label=_("That person agreed to their email address or phone number being published in the directory"),
        required=False,
    )
    step_free_access = forms.BooleanField(label=_("Step-free access"), required=False)
    accessible_toilet = forms.BooleanField(label=_("Accessible toilet"), required=False)
    hearing_loop = forms.BooleanField(label=_("Hearing loop"), required=False)
    accessible_parking = forms.BooleanField(label=_("Accessible parking"), required=False)
    accessibility_notes = forms.CharField(
        label=_("More about access"),
        max_length=NOTES_MAX_CHARACTERS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anything else a disabled visitor would want to know before they come."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Which of the strategy's themes does it serve?"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    # The sender's address is the signed-in group's, not a field; the public contact address
    # is checked against the moderators' block list like any typed address.
    email_fields = ("contact_email",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["asset_type"].queryset = AssetType.objects.for_active_locale()
        self.fields["place"].queryset = Place.objects.for_active_locale().exclude(kind=Place.Kind.DISTRICT)
        self.fields["themes"].queryset = Theme.objects.for_active_locale()
        for day, _label in OpeningTime.Weekday.choices:
            self.fields[f"opens_{day}"] = time_field(_("Opens"))
            self.fields[f"closes_{day}"] = time_field(_("Closes"))

    def weekdays(self):
        """(day label, opens field, closes field) for each weekday, for the template."""
        return [(label, self[f"opens_{day}"], self[f"closes_{day}"]) for day, label in OpeningTime.Weekday.choices]

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if not value.strip():
            return ""
        postcode = normalise_postcode(value)
        if postcode is None:
            raise forms.ValidationError(_("Enter a full postcode, like WR14 3AF."), code="invalid")
        return postcode

    def clean(self):
        cleaned = super().clean()
        self.clean_map_point(cleaned)
        self.clean_contact(cleaned)
        self.clean_opening_times(cleaned)
        return cleaned

    def clean_map_point(self, cleaned):
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if "latitude" in self.errors or "longitude" in self.errors:
            return
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(missing, _("Give both the latitude and the longitude, or neither."))
            return
        if latitude is None:
            return
        south, west, north, east = district_bounds()
        if not south <= latitude <= north:
            self.add_error(
                "latitude",
                _("This latitude is outside the district. It should be between %(south)s and %(north)s.")
                % {"south": south, "north": north},
            )
        if not west <= longitude <= east:
            self.add_error(
                "longitude",
                _("This longitude is outside the district. It should be between %(west)s and %(east)s.")
                % {"west": west, "east": east},
            )

    def clean_contact(self, cleaned):
        email, phone, website = (cleaned.get(name) for name in ("contact_email", "contact_phone", "contact_website"))
        if not (email or phone or website) and not any(
            name in self.errors for name in ("contact_email", "contact_phone", "contact_website")
        ):
            self.add_error(
                "contact_email",
                _("Give at least one way to get in touch: an email address, a phone number or a website."),
            )
        if cleaned.get("contact_is_a_person") and (email or phone) and not cleaned.get("person_agreed_to_publish"):
            self.add_error(
                "person_agreed_to_publish",
                _(
                    "A private person's email or phone is published only with their agreement. "
                    "Confirm they agreed, or give the organisation's contact details instead."
                ),
            )

    def clean_opening_times(self, cleaned):
        for day, label in OpeningTime.Weekday.choices:
            opens_name, closes_name = f"opens_{day}", f"closes_{day}"
            if opens_name in self.errors or closes_name in self.errors:
                continue
            opens, closes = cleaned.get(opens_name), cleaned.get(closes_name)
            if opens is None and closes is None:
                continue
            if closes is None:
                self.add_error(closes_name, _("Enter when it closes on %(day)s.") % {"day": label})
            elif opens is None:
                self.add_error(opens_name, _("Enter when it opens on %(day)s.") % {"day": label})
            elif closes <= opens:
                self.add_error(
                    closes_name, _("On %(day)s, the closing time must be after the opening time.") % {"day": label}
                )

    def opening_times(self):
        """[(weekday, opens, closes)] from a valid form, in weekday order."""
        times = []
        for day, _label in OpeningTime.Weekday.choices:
            opens, closes = self.cleaned_data.get(f"opens_{day}"), self.cleaned_data.get(f"closes_{day}")
            if opens is not None and closes is not None:
                times.append((day, opens, closes))
        return times


class NewEntryForm(EntryForm):
    """A new entry: the form also asks who the group is (the address is the signed-in one)."""

    group_name = SingleLineField(
        label=_("Your community group's name"),
        max_length=200,
        help_text=_("We will not publish it. It tells our moderators who sent the entry."),
        error_messages={"required": _("Enter your community group's name.")},
    )

    field_order = ["group_name"]


def in_active_locale(model, pks):
    """The rows the form offers (in the visitor's language) for these rows of the entry's language."""
    keys = model.objects.filter(pk__in=[pk for pk in pks if pk]).values("translation_key")
    return list(model.objects.for_active_locale().filter(translation_key__in=keys).values_list("pk", flat=True))


def initial_from_entry(page):
    """The form's starting values from a version of an entry (its latest revision, as an object)."""
    asset_types = in_active_locale(AssetType, [page.asset_type_id])
    places = in_active_locale(Place, [page.place_id])
    initial = {
        "asset_type": asset_types[0] if asset_types else None,
        "name": page.title,
        "summary": page.summary,
        "description": page.description,
        "place": places[0] if places else None,
        "address": page.address,
        "postcode": page.postcode,
        "latitude": page.latitude,
        "longitude": page.longitude,
        "contact_email": page.contact_email,
        "contact_phone": page.contact_phone,
        "contact_website": page.website,
        "contact_is_a_person": page.contact_is_a_person,
        "person_agreed_to_publish": page.person_agreed_to_publish,
        "step_free_access": page.step_free_access,
        "accessible_toilet": page.accessible_toilet,
        "hearing_loop": page.hearing_loop,
        "accessible_parking": page.accessible_parking,
        "accessibility_notes": page.accessibility_notes,
        "themes": in_active_locale(Theme, [theme.pk for theme in page.themes.all()]),
    }
    # A revision may name an organisation staff have since deleted.
    organisation = Organisation.objects.filter(pk=page.organisation_id).first() if page.organisation_id else None
    if organisation is not None:
        initial.update(
            organisation_name=organisation.name,
            organisation_website=organisation.website,
            charity_number=organisation.charity_number,
        )
    for opening in page.opening_times.all():
        initial[f"opens_{opening.weekday}"] = opening.opens
        initial[f"closes_{opening.weekday}"] = opening.closes
    return initial
