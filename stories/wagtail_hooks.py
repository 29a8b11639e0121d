from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    actions.register_action(
        "stories.submitted", _("Story sent by a community group"), _("Story sent by a community group")
    )
    actions.register_action(
        "stories.group_agreed", _("Community group agreed to this version"), _("Community group agreed")
    )
    actions.register_action("stories.consent_withdrawn", _("Community group withdrew consent"), _("Consent withdrawn"))
