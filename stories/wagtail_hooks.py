from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import StoryPage, StorySubmission


@hooks.register("before_publish_page")
def refuse_to_publish_withdrawn_stories(request, page):
    """A group that withdrew consent must never see its story come back."""
    if not isinstance(page.specific_deferred, StoryPage):
        return None
    if StorySubmission.objects.filter(page_id=page.pk, consent_withdrawn_at__isnull=False).exists():
        messages.error(request, _("The group that sent this story withdrew its consent. It cannot be published."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    actions.register_action(
        "stories.submitted", _("Story sent by a community group"), _("Story sent by a community group")
    )
    actions.register_action(
        "stories.group_agreed", _("Community group agreed to this version"), _("Community group agreed")
    )
    actions.register_action("stories.consent_withdrawn", _("Community group withdrew consent"), _("Consent withdrawn"))


class StorySubmissionViewSet(SnippetViewSet):
    """Who sent each community story and what they agreed to, for staff to read (not to edit)."""

    model = StorySubmission
    icon = "user"
    menu_label = _("Story submissions")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["reference", "group_name", "page", "submitted_at", "consent_withdrawn_at"]
    list_filter = ["consent_to_publish", "people_pictured_agreed"]
    search_fields = ["reference", "group_name", "contact_name", "contact_email"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "reference",
        "page",
        "group_name",
        "contact_name",
        "contact_email",
        "consent_to_publish",
        "people_pictured_agreed",
        "submitted_at",
        "consent_withdrawn_at",
    ]


register_snippet(StorySubmissionViewSet)
