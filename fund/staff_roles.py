"""Who may do what with the fund.

- Fund officers: run the fund: add, edit and publish the fund's pages (rounds, projects),
  manage the priorities, and manage applications (eligibility, shortlisting).
- Assessors: read applications in the admin and add their own assessment of each; they see
  and change only their own (fund/wagtail_hooks.py).
- Panel members: read applications and every assessor's assessment, and record the panel's
  decision (fund.record_decision).

Applied by core.staff_roles.apply_staff_roles(); the page permissions once the fund page exists.
"""

from core.staff_roles import StaffRole, register

FUND_OFFICERS = "Fund officers"
ASSESSORS = "Assessors"
PANEL_MEMBERS = "Panel members"

FUND_PAGE = "fund.fundpage"


def crud(model):
    return tuple(f"fund.{action}_{model}" for action in ("add", "change", "delete", "view"))


register(
    StaffRole(
        FUND_OFFICERS,
        model_permissions=(
            *crud("priority"),
            # No "add": groups apply on the site; staff change only the assessment of it.
            "fund.change_application",
            "fund.view_application",
        ),
        page_permissions={FUND_PAGE: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")},
    ),
    StaffRole(
        ASSESSORS,
        model_permissions=(
            "fund.view_application",
            # 'add' without 'change': each assessor changes only their own (fund/permissions.py).
            "fund.add_assessment",
            "fund.view_assessment",
        ),
    ),
    StaffRole(
        PANEL_MEMBERS,
        model_permissions=(
            "fund.view_application",
            "fund.view_assessment",
            "fund.view_all_assessments",
            "fund.record_decision",
        ),
    ),
)
