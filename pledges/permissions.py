"""Pledge leads may edit only the pledges they lead; everyone else keeps Wagtail's rules.

The "Pledge leads" group holds edit (not publish) permission on the pledge index, so what
they change goes to the "Pledge update review" workflow. Wagtail's page permissions reach
the whole subtree; this tester narrows them to the pledges naming the user as a lead.
Privacy follows the site-wide rule (core/page_privacy.py): editors and admins only.
"""

from core.page_privacy import PrivacyByEditorsPermissionTester
from core.staff_roles import PLEDGE_LEADS


class PledgeLeadPermissionTester(PrivacyByEditorsPermissionTester):
    def is_only_pledge_lead(self):
        """True for staff whose edit rights under /pledges/ come from being a pledge lead alone."""
        if self.user.is_superuser or "publish" in self.permissions:
            return False
        return any(group.name == PLEDGE_LEADS for group in self.user.groups.all())

    def can_edit(self):
        if not super().can_edit():
            return False
        if not self.is_only_pledge_lead():
            return True
        if self.page.current_workflow_task and self.page.current_workflow_task.user_can_access_editor(
            self.page, self.user
        ):
            return True
        # The published list of leads decides, not a draft's: a draft cannot grant itself access.
        return self.user.led_pledges.filter(pk=self.page.pk).exists()

    def can_delete(self, ignore_bulk=False):
        return not self.is_only_pledge_lead() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_add_subpage(self):
        return not self.is_only_pledge_lead() and super().can_add_subpage()


class PledgeLeadPermissionMixin:
    def permissions_for_user(self, user):
        return PledgeLeadPermissionTester(user, self)
