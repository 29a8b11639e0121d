"""The communications team sees how many residents follow each thing (never who)."""

from core.staff_roles import COMMUNICATIONS_TEAM, StaffRole, register

register(StaffRole(COMMUNICATIONS_TEAM, model_permissions=("following.view_following_report",)))
