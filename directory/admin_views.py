"""The "Entries to review" report: entries nobody has confirmed for over a year (REVIEW_AFTER)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import PageReportView

from .models import REVIEW_AFTER, AssetPage


def stale_entries():
    """Entries whose details were last confirmed more than REVIEW_AFTER ago, the oldest first."""
    cutoff = timezone.localdate() - REVIEW_AFTER
    return AssetPage.objects.filter(last_confirmed_at__lt=cutoff).order_by("last_confirmed_at", "title")


class EntriesToReviewView(PageReportView):
    page_title = _("Entries to review")
    header_icon = "time"
    results_template_name = "directory/admin/entries_to_review_results.html"
    index_url_name = "directory_entries_to_review"
    index_results_url_name = "directory_entries_to_review_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {
        "title": _("Entry"),
        "asset_type": _("Type"),
        "place": _("Town or parish"),
        "organisation": _("Run by"),
        "last_confirmed_at": _("Last confirmed"),
        "status_string": _("Status"),
    }
    list_export = ["title", "asset_type", "place", "organisation", "last_confirmed_at", "status_string"]

    def get_queryset(self):
        allowed = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            stale_entries()
            .filter(pk__in=allowed.values("pk"))
            .select_related("asset_type", "place", "organisation", "locale", "content_type")
        )
        return super().get_queryset()
