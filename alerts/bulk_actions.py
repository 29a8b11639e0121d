"""Publish from the alerts listing: tick the drafts (an imported flood warning, say) and publish them in one go.

Each alert's latest revision is published exactly as its own Publish button would, with the
same permission (alerts.publish_alert), signals, cache generation and CDN purge.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import Alert


class PublishAlertsBulkAction(SnippetBulkAction):
    display_name = _("Publish")
    action_type = "publish"
    aria_label = _("Publish the selected alerts")
    template_name = "alerts/admin/confirm_bulk_publish.html"
    action_priority = 10
    models = [Alert]

    def check_perm(self, snippet):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "publish", snippet)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for alert in objects:
            revision = alert.latest_revision or alert.save_revision(user=user)
            revision.publish(user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d alert published.", "%(count)d alerts published.", num_parent_objects) % {
            "count": num_parent_objects
        }
