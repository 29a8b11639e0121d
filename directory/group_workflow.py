"""The "Directory moderation" workflow: moderators approve what community groups send.

Imported by DirectoryConfig.ready(); core.staff_roles.apply_staff_roles() applies it (after
migrate, by the loaders, in tests) to the directory page once it exists, so every entry under
it is reviewed the same way. A group's new entry or change starts it (directory/group_entries.py);
a group cannot publish, only a moderator's approval does.
"""

from core.staff_roles import COMMUNICATIONS_TEAM, MODERATORS, StaffRole, StaffWorkflow, WorkflowStep, register

WORKFLOW_NAME = "Directory moderation"
REVIEW_TASK_NAME = "Directory entry review"

DIRECTORY = "directory.directorypage"

register(
    StaffRole(
        MODERATORS,
        model_permissions=("directory.view_directoryentryowner",),
        page_permissions={DIRECTORY: ("change_page", "publish_page", "lock_page", "unlock_page")},
    ),
    StaffRole(COMMUNICATIONS_TEAM, model_permissions=("directory.view_directoryentryowner",)),
    StaffWorkflow(
        WORKFLOW_NAME,
        page_type=DIRECTORY,
        steps=(WorkflowStep(REVIEW_TASK_NAME, groups=(MODERATORS, COMMUNICATIONS_TEAM)),),
    ),
)


def get_workflow():
    from wagtail.models import Workflow

    return Workflow.objects.get(name=WORKFLOW_NAME)
