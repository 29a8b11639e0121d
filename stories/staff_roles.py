"""What the staff roles may do with community stories, and the "Community story review" workflow.

Applied by core.staff_roles.apply_staff_roles() (after migrate, by the loaders, and when a
stories index is created: see signals.py).
"""

from core.staff_roles import COMMUNICATIONS_TEAM, MODERATORS, StaffRole, StaffWorkflow, WorkflowStep, register

WORKFLOW_NAME = "Community story review"
REVIEW_TASK_NAME = "Moderator review"
AGREEMENT_TASK_NAME = "Community group agreement"

INDEX = "stories.storyindexpage"

register(
    # Staff read who sent a story (to contact them); nobody edits that record by hand.
    StaffRole(COMMUNICATIONS_TEAM, model_permissions=("stories.view_storysubmission",)),
    StaffRole(
        MODERATORS,
        model_permissions=("stories.view_storysubmission",),
        page_permissions={INDEX: ("change_page", "publish_page", "lock_page", "unlock_page")},
    ),
    StaffWorkflow(
        WORKFLOW_NAME,
        page_type=INDEX,
        steps=(
            WorkflowStep(REVIEW_TASK_NAME, groups=(MODERATORS, COMMUNICATIONS_TEAM)),
            WorkflowStep(AGREEMENT_TASK_NAME, task_type="stories.groupagreementtask"),
        ),
    ),
)


def get_workflow():
    from wagtail.models import Workflow

    return Workflow.objects.get(name=WORKFLOW_NAME)
