"""Event series in the admin, as snippets (events themselves are pages under the events page)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EventSeries


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "date"
    menu_label = _("Event series")
    list_display = ["name", "workstream", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


register_snippet(EventSeriesViewSet)
