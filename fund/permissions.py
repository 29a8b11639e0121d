"""Assessments: each assessor sees and changes only their own; panel members read them all."""

from wagtail.permission_policies.base import OwnershipPermissionPolicy

VIEW_ALL = "fund.view_all_assessments"


class AssessmentPermissionPolicy(OwnershipPermissionPolicy):
    """'add' lets an assessor write assessments and change their own (Wagtail's ownership
    rule); 'view' lets them read their own; 'view_all_assessments' lets the panel read every one."""

    def __init__(self, model):
        super().__init__(model, owner_field_name="assessor")

    def user_has_permission(self, user, action):
        if action == "view":
            return user.is_active and (user.is_superuser or user.has_perm(self._get_permission_name("view")))
        return super().user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if "view" in actions and self.user_may_view(user, instance):
            return True
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def user_may_view(self, user, instance):
        if not self.user_has_permission(user, "view"):
            return False
        return user.is_superuser or user.has_perm(VIEW_ALL) or instance.assessor_id == user.pk

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" in actions and self.user_has_permission(user, "view"):
            if user.is_superuser or user.has_perm(VIEW_ALL):
                return self.model._default_manager.all()
            return self.model._default_manager.filter(assessor=user)
        return super().instances_user_has_any_permission_for(user, actions)
