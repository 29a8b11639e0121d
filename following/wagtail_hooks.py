"""The followers report under Reports: counts per followed thing, no addresses."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import PERMISSION, following_report


@hooks.register("register_admin_urls")
def register_following_report_url():
    return [path("reports/followers/", following_report, name="following_report")]


class FollowingReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_following_report_menu_item():
    return FollowingReportMenuItem(_("Followers"), reverse("following_report"), icon_name="mail", order=720)
