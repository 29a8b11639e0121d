"""The fund in the admin: priorities, applications and assessments under one 'Fund' menu."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, InspectView, SnippetViewSet, SnippetViewSetGroup

from . import crowdfunding, decision_views, decisions, document_views
from .admin_panels import ApplicationRecordPanel
from .forms import AssessmentAdminForm
from .models import Application, Assessment, Priority
from .permissions import VIEW_ALL, AssessmentPermissionPolicy

register_permission_policy(Assessment, AssessmentPermissionPolicy(Assessment))


class PriorityViewSet(SnippetViewSet):
    model = Priority
    icon = "tag"
    list_display = ["name", "short_name", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


# What the group wrote is theirs: staff see it read-only and change only the assessment of it.
GROUP_FIELDS = [
    "group_name",
    "group_email",
    "organisation_type",
    "charity_number",
    "company_number",
    "project_title",
    "summary",
    "priority",
    "place",
    "amount_requested",
    "declares_information_true",
    "declares_funds_managed",
    "agrees_privacy_notice",
    "submitted_at",
]


class SentApplicationMixin:
    """A draft is the group's own until they send it: the admin answers as if it were not there."""

    def get_object(self, queryset=None):
        application = super().get_object(queryset)
        if application.state == Application.State.DRAFT:
            raise Http404
        return application


# Every change of state goes through the decision screens (fund/decision_views.py): each is
# logged and the group is told. The edit form shows the record, and changes none of it.
DECISION_FIELDS = ["state", "eligibility_notes", "decision_reasons", "decided_at"]


class ApplicationEditView(SentApplicationMixin, EditView):
    """The application is the group's and its state the decision screens': both read in the inspect view."""

    def get(self, request, *args, **kwargs):
        return redirect(decision_views.INSPECT_URL, self.object.pk)

    post = get


class ApplicationInspectView(SentApplicationMixin, InspectView):
    template_name = "fund/admin/application_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, application = self.request.user, self.object
        context["application"] = application
        if user.has_perm(VIEW_ALL):
            context["summary"] = decisions.assessment_summary(application)
        context["next_steps"] = next_steps(user, application)
        return context


def next_steps(user, application):
    """The decision screens this member of staff may open for this application now."""
    steps = []
    if decisions.may_check_eligibility(user, application):
        steps.append({"label": _("Check eligibility"), "url": reverse("fund_eligibility", args=[application.pk])})
    if decisions.may_decide(user, application):
        steps.append(
            {"label": _("Record the panel's decision"), "url": reverse("fund_decision", args=[application.pk])}
        )
    if (
        user.has_perm(decisions.RECORD_DECISION)
        and application.state == Application.State.SHORTLISTED
        and decisions.voting.voting_has_closed(application.round)
    ):
        steps.append(
            {"label": _("Record the residents' vote"), "url": reverse("fund_vote_results", args=[application.round_id])}
        )
    return steps


class ApplicationViewSet(SnippetViewSet):
    model = Application
    icon = "form"
    menu_label = _("Applications")
    list_display = ["reference", "project_title", "group_name", "round", "state", "amount_requested", "submitted_at"]
    list_filter = ["state", "round", "priority", "place"]
    search_fields = ["reference", "project_title", "group_name"]
    ordering = ["-submitted_at", "-created_at"]
    edit_view_class = ApplicationEditView
    inspect_view_class = ApplicationInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["reference", "round", *GROUP_FIELDS, *DECISION_FIELDS]
    edit_handler = ObjectList(
        [
            FieldPanel("round", read_only=True),
            MultiFieldPanel(
                [FieldPanel(name, read_only=True) for name in GROUP_FIELDS], heading=_("What the group sent")
            ),
            ApplicationRecordPanel("fund/admin/budget_lines.html", heading=_("Budget")),
            ApplicationRecordPanel("fund/admin/documents.html", heading=_("Supporting documents")),
            MultiFieldPanel(
                [FieldPanel(name, read_only=True) for name in DECISION_FIELDS], heading=_("Eligibility and decision")
            ),
        ]
    )

    def get_queryset(self, request):
        # A draft is the group's work in progress: staff see an application once it is sent.
        return Application.objects.exclude(state=Application.State.DRAFT).select_related("round", "priority", "place")


class OwnAssessmentEditView(EditView):
    """Wagtail's edit view checks the model permission only: this adds the assessor's own rule."""

    def get_object(self, queryset=None):
        assessment = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", assessment):
            raise PermissionDenied
        return assessment


class OwnAssessmentInspectView(InspectView):
    """Assessors read their own assessments; panel members every one (fund/permissions.py)."""

    def get_object(self, queryset=None):
        assessment = super().get_object(queryset)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, ["view", "change"], assessment
        ):
            raise PermissionDenied
        return assessment


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Assessments")
    list_display = ["application", "assessor", "conflict_of_interest", "submitted_at"]
    list_filter = ["conflict_of_interest", "application__round"]
    search_fields = ["application__reference"]
    edit_view_class = OwnAssessmentEditView
    inspect_view_class = OwnAssessmentInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "application",
        "assessor",
        "conflict_of_interest",
        "conflict_note",
        "comments",
        "submitted_at",
    ]
    edit_handler = ObjectList(Assessment.panels, base_form_class=AssessmentAdminForm)

    def get_queryset(self, request):
        policy = AssessmentPermissionPolicy(Assessment)
        return policy.instances_user_has_any_permission_for(request.user, ["view", "change"]).select_related(
            "application", "assessor"
        )


class FundViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Fund")
    menu_icon = "pick"
    menu_order = 210
    items = (ApplicationViewSet, AssessmentViewSet, PriorityViewSet)


register_snippet(FundViewSetGroup)


@hooks.register("register_admin_urls")
def register_fund_admin_urls():
    return [
        path("fund/documents/<int:document_id>/", document_views.download_document, name="fund_document"),
        path("fund/applications/<int:pk>/eligibility/", decision_views.eligibility, name="fund_eligibility"),
        path("fund/applications/<int:pk>/decision/", decision_views.decision, name="fund_decision"),
        path("fund/rounds/<int:round_id>/vote-results/", decision_views.vote_results, name="fund_vote_results"),
    ]


@hooks.register("register_log_actions")
def register_fund_log_actions(actions):
    actions.register_action(decisions.ELIGIBILITY_ACTION, _("Check eligibility"), _("Eligibility checked"))
    actions.register_action(decisions.DECISION_ACTION, _("Record decision"), _("Decision recorded"))
    actions.register_action(decisions.VOTE_RESULT_ACTION, _("Record vote results"), _("Residents' vote recorded"))
    actions.register_action(decisions.DECISION_EMAIL_ACTION, _("Email decision"), _("Decision emailed to the group"))

    @actions.register_action(crowdfunding.UPDATED_ACTION)
    class CrowdfundingUpdated(LogFormatter):
        label = _("Update crowdfunding figures")

        def format_message(self, log_entry):
            return _("Crowdfunding figures updated and published by the group of application %(reference)s") % {
                "reference": (log_entry.data or {}).get("reference", "")
            }
