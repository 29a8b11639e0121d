"""The moderation queue, its bulk actions, audit-log actions and staff data tools."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from . import admin_views, moderation, outcomes, privacy, submissions
from .admin_forms import COMMENT_EDIT_HANDLER
from .admin_panels import render_answers
from .bulk_actions import ApproveBulkAction, RejectBulkAction, SetOutcomeBulkAction
from .models import Comment, ConsultationPage


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come only from residents through the public form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


register_permission_policy(Comment, CommentPermissionPolicy(Comment))


class CommentFilterSet(WagtailFilterSet):
    moderation_state = django_filters.ChoiceFilter(label=_("State"), choices=Comment.ModerationState.choices)
    consultation = django_filters.ModelChoiceFilter(label=_("Consultation"), queryset=ConsultationPage.objects.all())
    reported = django_filters.BooleanFilter(label=_("Reported"), method="filter_reported")
    confirmed = django_filters.BooleanFilter(
        label=_("Email confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=Comment.Outcome.choices)

    class Meta:
        model = Comment
        fields = ["moderation_state", "consultation", "outcome"]

    def filter_reported(self, queryset, name, value):
        return queryset.filter(report_count__gt=0) if value else queryset.filter(report_count=0)


class CommentInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "answers_to_questions":
            return _("Answers to the questions")
        return super().get_field_label(field_name, field)

    def get_answers_to_questions_display_value(self):
        return render_answers(self.object)


class CommentViewSet(SnippetViewSet):
    model = Comment
    edit_handler = COMMENT_EDIT_HANDLER
    icon = "comment"
    menu_label = _("Consultation comments")
    menu_name = "consultation-comments"
    add_to_admin_menu = True
    menu_order = 250
    filterset_class = CommentFilterSet
    list_per_page = 50
    list_display = [
        "__str__",
        "consultation",
        Column("email", label=_("Email")),
        "moderation_state",
        Column("report_count", label=_("Reports")),
        "outcome",
        DateColumn("created_at", label=_("Sent")),
    ]
    search_fields = ["text", "display_name", "email"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = CommentInspectView
    inspect_view_fields = [
        "consultation",
        "display_name",
        "email",
        "postcode",
        "text",
        "answers_to_questions",
        "created_at",
        "confirmed_at",
        "moderation_state",
        "rejection_reason",
        "report_count",
        "council_reply",
        "outcome",
        "outcome_reason",
        "outcome_pledge",
        "notify_outcome",
        "outcome_emailed_at",
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("consultation").hidden_by_reports_first()


register_snippet(CommentViewSet)

for action in (ApproveBulkAction, RejectBulkAction, SetOutcomeBulkAction):
    hooks.register("register_bulk_action", action)


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action(moderation.APPROVE_ACTION, _("Approve comment"), _("Comment approved"))
    actions.register_action(moderation.REJECT_ACTION, _("Reject comment"), _("Comment rejected"))
    actions.register_action(moderation.REPLY_ACTION, _("Reply to comment"), _("Council reply posted"))
    actions.register_action(moderation.OUTCOME_ACTION, _("Set comment outcome"), _("Comment outcome set"))
    actions.register_action(submissions.CONFIRM_ACTION, _("Confirm comment"), _("Email confirmed by the resident"))
    actions.register_action(submissions.AUTO_HIDE_ACTION, _("Hide reported comment"), _("Hidden after reports"))
    actions.register_action(outcomes.OUTCOME_EMAIL_ACTION, _("Email comment outcome"), _("Outcome emailed"))
    actions.register_action(privacy.ERASE_ACTION, _("Erase personal data"), _("Erased on request"))
    actions.register_action(
        admin_views.EXPORT_ACTION, _("Export responses with personal data"), _("Responses with personal data exported")
    )
    actions.register_action(privacy.PURGE_ACTION, _("Anonymise comment"), _("Personal data anonymised"))


@hooks.register("register_admin_urls")
def register_consultation_admin_urls():
    return [
        path("consultations/data/", admin_views.data_index, name="consultations_data"),
        path(
            "consultations/data/<int:page_id>/responses.csv", admin_views.export_responses, name="consultations_export"
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_consultation_data_menu_item():
    return PermissionMenuItem(
        _("Consultation data"),
        reverse("consultations_data"),
        icon_name="download",
        order=260,
        permission=admin_views.EXPORT_PERMISSION,
    )
