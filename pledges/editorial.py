"""Who may do what with pledges, set up in one idempotent place.

- Communications team: add, edit and publish anything under /pledges/, and choose each
  pledge's leads.
- Pledge leads: edit the pledges naming them as leads (see permissions.py); without
  publish permission their changes go to the "Pledge update review" workflow.
- Moderators: approve or reject those changes (publish permission on the pledge index,
  which approving needs; Wagtail's site-wide default for the group is removed in
  stories/editorial.py).

`ensure_groups` runs from a data migration; `ensure_editorial(index)` from the demo
loader and tests, once the pledge index exists. Both can run any number of times.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from core.staff_roles import COMMUNICATIONS_TEAM, MODERATORS, PLEDGE_LEADS

WORKFLOW_NAME = "Pledge update review"
TASK_NAME = "Moderators approve pledge changes"

PAGE_PERMISSIONS = {
    COMMUNICATIONS_TEAM: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    PLEDGE_LEADS: ["change_page"],
    # Approving the workflow's last task publishes the page as the approver, so moderators
    # need publish (not edit) rights here; they edit only what the task hands them.
    MODERATORS: ["publish_page"],
}


def ensure_groups(group_model=Group, permission_model=Permission, content_type_model=ContentType):
    """The three staff groups with admin access; the communications team may choose pledge leads."""
    admin_type, _ = content_type_model.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = permission_model.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    pledge_type, _ = content_type_model.objects.get_or_create(app_label="pledges", model="pledgepage")
    choose_leads, _ = permission_model.objects.get_or_create(
        content_type=pledge_type, codename="change_pledgepage", defaults={"name": "Can change pledge page"}
    )
    groups = {}
    for name in (COMMUNICATIONS_TEAM, MODERATORS, PLEDGE_LEADS):
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group
    groups[COMMUNICATIONS_TEAM].permissions.add(choose_leads)
    return groups


def ensure_editorial(index):
    groups = ensure_groups()
    for group_name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=groups[group_name], page=index, permission=permission)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([groups[MODERATORS]])
    # WorkflowTask rows directly: the workflow's own related manager only writes on save.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow
