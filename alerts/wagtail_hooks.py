"""Alerts in the admin: a snippet listing of scheduled, live, ended and draft alerts, with a Publish bulk action."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from .bulk_actions import PublishAlertsBulkAction
from .models import Alert


class AlertFilterSet(WagtailFilterSet):
    timing = django_filters.ChoiceFilter(
        label=_("Status"), choices=Alert.Status.choices, method="filter_timing", empty_label=_("Any")
    )
    severity = django_filters.ChoiceFilter(choices=Alert.Severity.choices, empty_label=_("Any"))

    class Meta:
        model = Alert
        fields = []

    def filter_timing(self, queryset, name, value):
        return queryset.in_status(value, timezone.now())


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alerts")
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = AlertFilterSet
    # Newest start first: what is scheduled or live sits above what has ended.
    ordering = ["-starts_at", "-pk"]
    list_display = [
        "title",
        Column("severity", label=_("Severity"), accessor="get_severity_display"),
        Column("status", label=_("Status"), accessor="status_label"),
        Column("starts_at", label=_("Starts")),
        Column("ends_at", label=_("Ends")),
    ]
    search_fields = ["title", "text"]


register_snippet(AlertViewSet)
hooks.register("register_bulk_action", PublishAlertsBulkAction)
