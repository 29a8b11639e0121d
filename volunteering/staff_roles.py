"""What the staff roles may do with volunteering opportunities, and their review workflow.

Applied by core.staff_roles.apply_staff_roles() (after migrate, by the loaders, and when a
volunteering listing is created: see signals.py). Nobody on the staff reads residents'
interest records in the admin: the site only relays them (see the app's README section in
the report); data requests about them go through the personal-data tool.
"""

from core.staff_roles import COMMUNICATIONS_TEAM, MODERATORS, StaffRole, StaffWorkflow, WorkflowStep, register

WORKFLOW_NAME = "Volunteering opportunity review"
REVIEW_TASK_NAME = "Volunteering moderator review"

INDEX = "volunteering.volunteeringpage"

register(
    # Staff read which group posted an opportunity (to contact it), and the communications
    # team may give a staff-written opportunity a group address for residents' messages.
    StaffRole(
        COMMUNICATIONS_TEAM,
        model_permissions=(
            "volunteering.view_opportunitysubmission",
            "volunteering.add_opportunitysubmission",
            "volunteering.change_opportunitysubmission",
        ),
    ),
    StaffRole(
        MODERATORS,
        model_permissions=("volunteering.view_opportunitysubmission",),
        page_permissions={INDEX: ("change_page", "publish_page", "lock_page", "unlock_page")},
    ),
    StaffWorkflow(
        WORKFLOW_NAME,
        page_type=INDEX,
        steps=(WorkflowStep(REVIEW_TASK_NAME, groups=(MODERATORS, COMMUNICATIONS_TEAM)),),
    ),
)


def get_workflow():
    from wagtail.models import Workflow

    return Workflow.objects.get(name=WORKFLOW_NAME)
