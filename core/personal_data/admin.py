"""Admin registration of the staff data tool (imported by core/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

import core.personal_data.views as views
from core.personal_data.registry import ERASE_ACTION, EXPORT_ACTION


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return [
        path("personal-data/", views.staff_personal_data, name="home_personal_data"),
        path("personal-data/erase/", views.staff_erase, name="home_personal_data_erase"),
    ]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Residents' data"), reverse("home_personal_data"), icon_name="user", order=270, name="residents-data"
    )


@hooks.register("register_log_actions")
def register_personal_data_log_actions(actions):
    actions.register_action(EXPORT_ACTION, _("Export one person's data"), _("Personal data exported on request"))
    actions.register_action(ERASE_ACTION, _("Erase one person's data"), _("Personal data erased on request"))
