"""Admin: which group posted each opportunity (read by staff; its address editable by the
communications team), and the audit log's words for a group's posting.

Residents' interest records have no admin screen on purpose: the site relays a resident's
message to a group and the group's reply back; no council task needs staff to read them.
A resident's request for their data goes through the personal-data tool, which exports and
erases them by address.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OpportunitySubmission


@hooks.register("register_log_actions")
def register_volunteering_log_actions(actions):
    actions.register_action(
        "volunteering.submitted",
        _("Volunteering opportunity posted by a community group"),
        _("Posted by a community group"),
    )


class OpportunitySubmissionViewSet(SnippetViewSet):
    """Which group posted each opportunity, and where residents' messages about it go."""

    model = OpportunitySubmission
    icon = "group"
    menu_label = _("Volunteering groups")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["reference", "page", "submitted_at"]
    search_fields = ["reference", "group_email"]
    inspect_view_enabled = True
    inspect_view_fields = ["reference", "page", "group_email", "submitted_at"]


register_snippet(OpportunitySubmissionViewSet)
