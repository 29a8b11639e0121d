"""Who may make a page private: editors and admins, not everyone who may publish it.

Wagtail lets anyone who may publish a page set its view restrictions. Moderators hold
publish on the stories and pledge indexes (approving a change publishes it), which let them
hide a whole section from the public and the API. Changing privacy also needs Wagtail's
model permission on view restrictions, which only the communications team holds
(core/staff_roles.py) and superusers have anyway.

Every page type uses this tester, so the privacy screen (GET and POST) and the "Change
privacy" control in the page's status panel follow the same rule.
"""

from wagtail.models import PagePermissionTester

PRIVACY_PERMISSION = "wagtailcore.change_pageviewrestriction"


class PrivacyByEditorsPermissionTester(PagePermissionTester):
    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and self.user.has_perm(PRIVACY_PERMISSION)


class PrivacyByEditorsMixin:
    def permissions_for_user(self, user):
        return PrivacyByEditorsPermissionTester(user, self)
