"""The communications team writes, publishes and withdraws alerts (core.staff_roles applies it)."""

from core.staff_roles import COMMUNICATIONS_TEAM, StaffRole, register

register(
    StaffRole(
        COMMUNICATIONS_TEAM,
        model_permissions=tuple(
            f"alerts.{action}_alert" for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")
        ),
    ),
)
