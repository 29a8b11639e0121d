"""The story listing's filters: theme, place, tag and year, from the query string.

Plain GET parameters, so a filtered listing is a shareable address and works without
JavaScript. Unknown values are ignored rather than raising errors.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from strategy.models import Theme


class StoryFilters(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    place = forms.ChoiceField(label=_("Place"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data=None, *, choices):
        """`choices` from `choice_lists`, which the listing keeps until the next publication."""
        super().__init__(data or None)
        everything = [("", _("All"))]
        for name, options in choices.items():
            self.fields[name].choices = everything + options
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-select"

    @staticmethod
    def choice_lists(live):
        """{field name: [(value, label)]} for the stories in `live`, without the "All" choice."""
        # Places and years that have stories come from one query over the stories themselves.
        places, years = {}, set()
        for place_slug, place_name, date in (
            live.order_by().values_list("place__slug", "place__name", "date").distinct()
        ):
            if place_slug:
                places[place_slug] = place_name
            years.add(date.year)
        return {
            "theme": [(t.slug, t.name) for t in Theme.objects.for_active_locale()],
            "place": sorted(places.items(), key=lambda item: item[1]),
            "tag": list(
                Tag.objects.filter(stories_storypagetag_items__content_object__in=live)
                .values_list("slug", "name")
                .distinct()
                .order_by("name")
            ),
            "year": [(year, year) for year in sorted(years, reverse=True)],
        }

    def values(self):
        if not self.is_bound:
            return {}
        # Keep the valid filters even when another one is not valid.
        return {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }

    def apply(self, stories):
        self.is_valid()
        values = self.values()
        if values.get("theme"):
            stories = stories.filter(themes__slug=values["theme"])
        if values.get("place"):
            stories = stories.filter(place__slug=values["place"])
        if values.get("tag"):
            stories = stories.filter(tags__slug=values["tag"])
        if values.get("year"):
            stories = stories.filter(date__year=values["year"])
        return stories.distinct() if values else stories

    def querystring(self):
        """The active filters, to carry across pagination links."""
        self.is_valid()
        return urlencode(self.values())
