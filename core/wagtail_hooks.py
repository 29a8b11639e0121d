"""The moderators' block list of abusive email addresses, and who may make pages private, in the admin."""

from django import forms
from django.contrib.auth.models import Permission

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import BlockedEmail
from core.page_privacy import PRIVACY_PERMISSION
from core.public_forms.blocklist import email_hash


class BlockedEmailForm(WagtailAdminModelForm):
    email = forms.EmailField(help_text="Kept only as a fingerprint: it cannot be read back from the list")

    def save(self, commit=True):
        self.instance.email_hash = email_hash(self.cleaned_data["email"])
        return super().save(commit=commit)


class BlockedEmailViewSet(SnippetViewSet):
    model = BlockedEmail
    icon = "cross"
    menu_label = "Blocked emails"
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["reason", "blocked_at"]
    edit_handler = ObjectList([FieldPanel("email"), FieldPanel("reason")], base_form_class=BlockedEmailForm)


register_snippet(BlockedEmailViewSet)


@hooks.register("register_permissions")
def register_page_privacy_permission():
    """Lets admins give a group the right to make pages private, in Settings > Groups (core/page_privacy.py)."""
    app_label, codename = PRIVACY_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


import core.personal_data.admin  # noqa: E402, F401  (the residents' data tool)
