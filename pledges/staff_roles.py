"""Who may do what with pledges, and the "Pledge update review" workflow.

- Communications team: add, edit and publish anything under /pledges/, and choose each
  pledge's leads.
- Pledge leads: edit the pledges naming them as leads (see permissions.py); without
  publish permission their changes go to the "Pledge update review" workflow.
- Moderators: approve or reject those changes (publish permission on the pledge index,
  which approving needs; Wagtail's site-wide default for the group is withheld in
  core/staff_roles.py).

Applied by core.staff_roles.apply_staff_roles(); the page permissions and the workflow's
page once the pledge index exists.
"""

from core.staff_roles import (
    COMMUNICATIONS_TEAM,
    MODERATORS,
    PLEDGE_LEADS,
    StaffRole,
    StaffWorkflow,
    WorkflowStep,
    register,
)

WORKFLOW_NAME = "Pledge update review"
TASK_NAME = "Moderators approve pledge changes"

INDEX = "pledges.pledgeindexpage"

register(
    StaffRole(
        COMMUNICATIONS_TEAM,
        model_permissions=("pledges.change_pledgepage",),  # choosing a pledge's leads
        page_permissions={INDEX: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")},
    ),
    StaffRole(PLEDGE_LEADS, page_permissions={INDEX: ("change_page",)}),
    # Approving the workflow's last task publishes the page as the approver, so moderators
    # need publish (not edit) rights here; they edit only what the task hands them.
    StaffRole(MODERATORS, page_permissions={INDEX: ("publish_page",)}),
    StaffWorkflow(WORKFLOW_NAME, page_type=INDEX, steps=(WorkflowStep(TASK_NAME, groups=(MODERATORS,)),)),
)
