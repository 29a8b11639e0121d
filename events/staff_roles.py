"""What the staff roles may do with events.

The communications team already adds, edits and publishes any page, events among them (its
page permissions are on the root, core/staff_roles.py); here it also manages the series
events belong to. Applied by core.staff_roles.apply_staff_roles().
"""

from core.staff_roles import COMMUNICATIONS_TEAM, StaffRole, register

register(
    StaffRole(
        COMMUNICATIONS_TEAM,
        model_permissions=tuple(f"events.{action}_eventseries" for action in ("add", "change", "delete", "view")),
    ),
)
