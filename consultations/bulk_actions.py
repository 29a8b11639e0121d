"""Moderation queue bulk actions: approve, reject with a house-rules reason, set outcome."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.widgets import AdminPageChooser
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from pledges.models import PledgePage

from . import moderation
from .models import Comment


class CommentBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "consultations/admin/confirm_bulk_action.html"

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    def get_execution_context(self):
        return {"user": self.request.user, **(self.cleaned_form.cleaned_data if self.cleaned_form else {})}


class ApproveBulkAction(CommentBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    question = _("Publish these comments?")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderation.approve(objects, user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment approved.", "%(count)d comments approved.", num_parent_objects) % {
            "count": num_parent_objects
        }


class RejectForm(forms.Form):
    reason = forms.ChoiceField(label=_("Which house rule does it break?"), choices=Comment.RejectionReason.choices)


class RejectBulkAction(CommentBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    action_priority = 20
    form_class = RejectForm
    question = _("Reject these comments? They will not appear on the site.")

    @classmethod
    def execute_action(cls, objects, user=None, reason="", **kwargs):
        return moderation.reject(objects, reason, user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", num_parent_objects) % {
            "count": num_parent_objects
        }


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Comment.Outcome.choices)
    outcome_reason = forms.CharField(label=_("Short reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    pledge = forms.ModelChoiceField(
        label=_("Pledge it led to"),
        queryset=PledgePage.objects.all(),
        required=False,
        widget=AdminPageChooser(target_models=[PledgePage]),
    )


class SetOutcomeBulkAction(CommentBulkAction):
    display_name = _("Set outcome")
    action_type = "set_outcome"
    aria_label = _("Set the outcome of the selected comments")
    action_priority = 30
    form_class = OutcomeForm
    question = _("Record this outcome for each of these comments?")

    @classmethod
    def execute_action(cls, objects, user=None, outcome="", outcome_reason="", pledge=None, **kwargs):
        return moderation.set_outcome(objects, outcome, outcome_reason, pledge, user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Outcome recorded for %(count)d comment.", "Outcome recorded for %(count)d comments.", num_parent_objects
        ) % {"count": num_parent_objects}
