"""Admin side of the community groups' entries: their audit-log actions and who owns each entry.

Imported by DirectoryConfig.ready() (Wagtail finds only modules called wagtail_hooks).
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .group_entries import CONFIRMED, SUBMITTED, UPDATED
from .group_models import DirectoryEntryOwner


@hooks.register("register_log_actions")
def register_group_entry_log_actions(actions):
    actions.register_action(SUBMITTED, _("Entry sent by a community group"), _("Entry sent by a community group"))
    actions.register_action(UPDATED, _("Changes sent by a community group"), _("Changes sent by a community group"))
    actions.register_action(
        CONFIRMED, _("Details confirmed as still correct by the community group"), _("Details confirmed")
    )


class DirectoryEntryOwnerViewSet(SnippetViewSet):
    """Which community group keeps each directory entry up to date, for staff to read (not to edit)."""

    model = DirectoryEntryOwner
    icon = "user"
    menu_label = _("Directory entry owners")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["reference", "group_name", "page", "created_at"]
    search_fields = ["reference", "group_name", "group_email"]
    inspect_view_enabled = True
    inspect_view_fields = ["reference", "page", "group_name", "group_email", "created_at"]


register_snippet(DirectoryEntryOwnerViewSet)
