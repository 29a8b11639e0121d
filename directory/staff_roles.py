"""What the staff roles may do with the register.

- Communications team: every entry (as every page: core/staff_roles.py gives them the whole
  tree) and the asset types and organisations behind entries.

Applied by core.staff_roles.apply_staff_roles(). How community groups' own entries are moderated
belongs with the groups' part of the register.
"""

from core.staff_roles import COMMUNICATIONS_TEAM, StaffRole, register

register(
    StaffRole(
        COMMUNICATIONS_TEAM,
        model_permissions=(
            "directory.add_assettype",
            "directory.change_assettype",
            "directory.view_assettype",
            "directory.add_organisation",
            "directory.change_organisation",
            "directory.delete_organisation",
            "directory.view_organisation",
        ),
    ),
)
