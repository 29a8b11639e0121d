"""The events listing's filters: place, theme, series and month, from the query string.

Plain GET parameters, so a filtered listing (and its calendar) is a shareable address and
works without JavaScript. Unknown values are ignored rather than raising errors.
"""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

from strategy.models import Theme

# The district's clock (events.models.EVENT_TIME_ZONE; not imported, models import this module).
DISTRICT_TIME_ZONE = ZoneInfo("Europe/London")


class EventFilters(forms.Form):
    place = forms.ChoiceField(label=_("Place"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    series = forms.ChoiceField(label=_("Series"), required=False)
    month = forms.ChoiceField(label=_("Month"), required=False)

    def __init__(self, data=None, *, choices):
        """`choices` from `choice_lists`, which the listing keeps until the next publication."""
        super().__init__(data or None)
        everything = [("", _("All"))]
        for name, options in choices.items():
            self.fields[name].choices = everything + list(options)
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-select"

    @staticmethod
    def choice_lists(events):
        """{field name: [(value, label)]} for the events in `events`, without the "All" choice."""
        # Places, series and months that have events come from one query over the events.
        places, series, months = {}, {}, set()
        for place_slug, place_name, series_slug, series_name, start in events.order_by().values_list(
            "place__slug", "place__name", "series__slug", "series__name", "start"
        ):
            if place_slug:
                places[place_slug] = place_name
            if series_slug:
                series[series_slug] = series_name
            local = timezone.localtime(start, DISTRICT_TIME_ZONE)
            months.add(datetime.date(local.year, local.month, 1))
        return {
            "place": sorted(places.items(), key=lambda item: item[1]),
            "theme": [(theme.slug, theme.name) for theme in Theme.objects.for_active_locale()],
            "series": sorted(series.items(), key=lambda item: item[1]),
            "month": [(month.strftime("%Y-%m"), format_date(month, "F Y")) for month in sorted(months)],
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

    def apply(self, events):
        values = self.values()
        if values.get("place"):
            events = events.filter(place__slug=values["place"])
        if values.get("theme"):
            events = events.filter(themes__slug=values["theme"]).distinct()
        if values.get("series"):
            events = events.filter(series__slug=values["series"])
        if values.get("month"):
            first, after = month_bounds(values["month"])
            events = events.filter(start__gte=first, start__lt=after)
        return events

    def querystring(self):
        """The active filters, to carry across pagination links and into the calendar's address."""
        return urlencode(self.values())


def month_bounds(value):
    """("2026-03") -> the first moment of March 2026 and of April 2026, UK time."""
    year, month = (int(part) for part in value.split("-"))
    first = datetime.datetime(year, month, 1, tzinfo=DISTRICT_TIME_ZONE)
    after = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=DISTRICT_TIME_ZONE)
    return first, after
