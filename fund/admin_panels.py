"""Read-only panels: what the group sent (budget, documents), shown to staff, never edited by them."""

from wagtail.admin.panels import Panel


class ApplicationRecordPanel(Panel):
    """Renders `template` with the application; staff read it, the form never carries it."""

    def __init__(self, template, *args, **kwargs):
        self.template = template
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "template": self.template}

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return self.panel.template

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["application"] = self.instance
            return context
