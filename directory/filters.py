"""The directory's search and filters, from the query string.

Plain GET parameters, so a filtered listing is a shareable address and works without
JavaScript. Unknown values are ignored rather than raising errors. "Near" sorts by distance
from the centre of a town or parish the resident chooses: the site never asks where they are.
"""

import math
import re
from urllib.parse import urlencode

from django import forms
from django.db.models import F, FloatField
from django.db.models.functions import Cast, Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from strategy.models import Place

from .models import ACCESSIBILITY_FACTS
from .opening import open_at
from .public_entries import filter_entries, vocabulary

MAX_QUERY_LENGTH = 200
# Miles in one degree of latitude; a degree of longitude is this times cos(latitude).
MILES_PER_DEGREE = 69.05


def search_words(query):
    """The words of a query for the search backend: quotes, brackets and operators dropped."""
    return " ".join(re.findall(r"\w+", query or ""))


class DirectoryFilters(forms.Form):
    capped = False  # True when a search found more entries than are listed (see listing.py)
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH, strip=True)
    type = forms.ChoiceField(label=_("Type"), required=False)
    place = forms.ChoiceField(label=_("Town or parish"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    access = forms.MultipleChoiceField(
        label=_("Accessibility"),
        required=False,
        choices=list(ACCESSIBILITY_FACTS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    near = forms.ChoiceField(
        label=_("Nearest first to"),
        required=False,
        help_text=_("Choose a town or parish to list what is closest to its centre first."),
    )

    def __init__(self, data=None, *, choices):
        """`choices` from `choice_lists`, which the directory keeps until the next publication."""
        super().__init__(data or None)
        self.centres = {slug: (latitude, longitude) for slug, _name, latitude, longitude in choices["near"]}
        self.fields["type"].choices = [("", _("All types")), *choices["type"]]
        self.fields["place"].choices = [("", _("Anywhere")), *choices["place"]]
        self.fields["theme"].choices = [("", _("All themes")), *choices["theme"]]
        self.fields["near"].choices = [("", _("Choose a town or parish"))] + [
            (slug, name) for slug, name, _lat, _lon in choices["near"]
        ]

    @staticmethod
    def choice_lists():
        """{field: [(value, label)]} in the visitor's language; "near" has each place's centre too."""
        places = list(Place.objects.for_active_locale().values_list("slug", "name", "latitude", "longitude"))
        return vocabulary() | {
            "near": [
                (slug, name, float(latitude), float(longitude))
                for slug, name, latitude, longitude in places
                if latitude is not None and longitude is not None
            ],
        }

    def values(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        # Keep the valid filters even when another one is not valid.
        return {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }

    @property
    def words(self):
        return search_words(self.values().get("q", ""))

    @property
    def centre(self):
        """(latitude, longitude) of the chosen town or parish, or None."""
        return self.centres.get(self.values().get("near", ""))

    @cached_property
    def options(self):
        """{select's name: [(value, label, selected)]}: rendered by the template's own loop, which
        is several times faster than Django's widget templates for 80 options."""
        values = self.values()
        return {
            name: [(value, label, value == values.get(name, "")) for value, label in self.fields[name].choices]
            for name in ("type", "place", "theme", "near")
        } | {
            "access": [
                (value, label, value in values.get("access", ())) for value, label in ACCESSIBILITY_FACTS.items()
            ]
        }

    @property
    def near_name(self):
        return dict(self.fields["near"].choices).get(self.values().get("near", ""), "")

    def apply(self, entries, now=None):
        """`entries` narrowed by every filter but the search words (see DirectoryPage.results)."""
        values = self.values()
        entries = filter_entries(entries, values)  # type, place and theme, as the map filters them
        if values.get("open_now"):
            entries = entries.filter(open_at(now))
        for feature in values.get("access", ()):
            entries = entries.filter(**{feature: True})
        return entries

    def by_distance(self, entries):
        """Nearest first to the chosen centre; entries with no point (nor a place's centre) last."""
        latitude, longitude = self.centre
        # Flat-earth distance (in degrees of latitude): exact enough to sort within a district.
        stretch = math.cos(math.radians(latitude))
        lat = Cast(Coalesce("latitude", "place__latitude"), FloatField())
        lon = Cast(Coalesce("longitude", "place__longitude"), FloatField())
        return entries.annotate(
            distance_squared=(lat - latitude) * (lat - latitude)
            + (lon - longitude) * stretch * (lon - longitude) * stretch
        ).order_by(F("distance_squared").asc(nulls_last=True), "title", "pk")

    def querystring(self):
        """The active filters, to carry across pagination links."""
        values = self.values()
        pairs = []
        for name, value in values.items():
            if isinstance(value, list):
                pairs.extend((name, item) for item in value)
            elif value is True:
                pairs.append((name, "on"))
            else:
                pairs.append((name, value))
        return urlencode(pairs)


def miles(distance_squared):
    """Degrees (squared, as by_distance annotates) to miles, to one decimal place."""
    if distance_squared is None:
        return None
    return round(math.sqrt(max(distance_squared, 0.0)) * MILES_PER_DEGREE, 1)
