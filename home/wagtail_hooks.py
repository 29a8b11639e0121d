"""The moderators' block list of abusive email addresses, in the admin."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .abuse import email_hash
from .models import BlockedEmail


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

from . import personal_data_hooks  # noqa: E402, F401  (the residents' data tool)
