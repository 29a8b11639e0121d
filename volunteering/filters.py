"""The volunteering listing's filters: place and theme, from the query string.

Plain GET parameters, so a filtered listing is a shareable address and works without
JavaScript. Unknown values are ignored rather than raising errors.
"""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from strategy.models import Place, Theme


class OpportunityFilters(forms.Form):
    place = forms.ChoiceField(label=_("Place"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data=None):
        super().__init__(data or None)
        everything = [("", _("All"))]
        self.fields["place"].choices = everything + list(
            Place.objects.for_active_locale().order_by("name").values_list("slug", "name")
        )
        self.fields["theme"].choices = everything + list(Theme.objects.for_active_locale().values_list("slug", "name"))
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-select"

    def values(self):
        if not self.is_bound:
            return {}
        # Keep the valid filter even when the other one is not valid.
        return {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }

    def apply(self, opportunities):
        self.is_valid()
        values = self.values()
        if values.get("place"):
            opportunities = opportunities.filter(place__slug=values["place"])
        if values.get("theme"):
            opportunities = opportunities.filter(themes__slug=values["theme"]).distinct()
        return opportunities

    def querystring(self):
        """The active filters, to carry across pagination links."""
        self.is_valid()
        return urlencode(self.values())
