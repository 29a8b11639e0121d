"""The register in the admin: asset types and organisations under one 'Directory' menu, and the review report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import EntriesToReviewView
from .models import AssetType, Organisation


class AssetTypeViewSet(SnippetViewSet):
    model = AssetType
    icon = "tag"
    menu_label = _("Asset types")
    list_display = ["name", "plural_name", "snapshot_line", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "plural_name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "charity_number", "website", "updated_at"]
    search_fields = ["name", "charity_number"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "site"
    menu_order = 220
    items = (AssetTypeViewSet, OrganisationViewSet)


register_snippet(DirectoryViewSetGroup)


@hooks.register("register_admin_urls")
def register_entries_to_review_urls():
    return [
        path("reports/directory-review/", EntriesToReviewView.as_view(), name="directory_entries_to_review"),
        path(
            "reports/directory-review/results/",
            EntriesToReviewView.as_view(results_only=True),
            name="directory_entries_to_review_results",
        ),
    ]


class EntriesToReviewMenuItem(MenuItem):
    def is_shown(self, request):
        # The same test as the report's own: anyone who may edit pages.
        return PagePermissionPolicy().user_has_any_permission(request.user, EntriesToReviewView.any_permission_required)


@hooks.register("register_reports_menu_item")
def register_entries_to_review_menu_item():
    return EntriesToReviewMenuItem(
        _("Directory entries to review"), reverse("directory_entries_to_review"), icon_name="time", order=650
    )
