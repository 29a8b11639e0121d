"""The moderators' edit screen for a comment: its panels and the form that saves it.

Kept out of models.py: the form logs moderation through moderation.py, which imports the
models, and the model has no need to know how the admin edits it. CommentViewSet
(wagtail_hooks.py) puts the two together.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.log_actions import log

from . import moderation
from .admin_panels import AnswersPanel


class CommentAdminForm(WagtailAdminModelForm):
    """Stamps who wrote the council's reply, and logs moderation made from the edit form."""

    def save(self, commit=True):
        comment = super().save(commit=False)
        user = getattr(self, "for_user", None)
        if "council_reply" in self.changed_data:
            comment.council_reply_by = user if comment.council_reply else None
            comment.council_reply_at = timezone.now() if comment.council_reply else None
        if commit:
            comment.save()
            if "council_reply" in self.changed_data and comment.council_reply:
                log(comment, moderation.REPLY_ACTION, user=user)
            if "moderation_state" in self.changed_data:
                moderation.mark_reports_reviewed(comment)
                moderation.log_decision(comment, user)
            if {"outcome", "outcome_reason", "outcome_pledge"} & set(self.changed_data):
                log(comment, moderation.OUTCOME_ACTION, user=user, data={"outcome": comment.outcome})
        return comment


COMMENT_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("consultation", read_only=True),
            FieldPanel("display_name", read_only=True),
            FieldPanel("email", read_only=True),
            FieldPanel("text", read_only=True),
            FieldPanel("report_count", read_only=True),
        ],
        heading=_("What the resident sent"),
    ),
    AnswersPanel(),
    MultiFieldPanel([FieldPanel("moderation_state"), FieldPanel("rejection_reason")], heading=_("Moderation")),
    FieldPanel("council_reply"),
    MultiFieldPanel(
        [FieldPanel("outcome"), FieldPanel("outcome_reason"), FieldPanel("outcome_pledge")],
        heading=_("You said, we did"),
    ),
]

COMMENT_EDIT_HANDLER = ObjectList(COMMENT_PANELS, base_form_class=CommentAdminForm)
