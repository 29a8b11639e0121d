"""The page editor's form: pickers offer only what is in the page's own language.

Themes, workstreams, places and pledges are translated with wagtail-localize, so each
exists once per language. Wagtail's default form lists every copy side by side, and an
English story could be tagged with the Polish theme (which then shows on no English page).
"""

from wagtail.admin.forms import WagtailAdminPageForm


def has_locale(model):
    return any(field.name == "locale" for field in model._meta.get_fields())


class SameLocaleChoicesPageForm(WagtailAdminPageForm):
    """Limits every choice of translatable things to the page's locale (set before the form is
    built, for a new page from its parent): in what is shown and in what validates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and has_locale(queryset.model):
                field.queryset = queryset.filter(locale_id=locale_id)
