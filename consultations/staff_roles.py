"""Who may moderate comments and download responses. Applied by core.staff_roles.apply_staff_roles()."""

from core.staff_roles import COMMUNICATIONS_TEAM, DATA_OFFICERS, MODERATORS, StaffRole, register

# Downloading every commenter's email and postcode at once (responses.csv) is for the named
# data officers only (and superusers), not for everyone who moderates or edits.
EXPORT_RESPONSES = "consultations.export_responses"
MODERATING = ("consultations.view_comment", "consultations.change_comment")

register(
    StaffRole(MODERATORS, model_permissions=MODERATING, withheld_permissions=(EXPORT_RESPONSES,)),
    StaffRole(COMMUNICATIONS_TEAM, model_permissions=MODERATING, withheld_permissions=(EXPORT_RESPONSES,)),
    StaffRole(DATA_OFFICERS, model_permissions=(EXPORT_RESPONSES,)),
)
