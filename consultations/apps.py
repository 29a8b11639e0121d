from django.apps import AppConfig

from core import page_sections
from core.caching.page_cache import invalidate_on_changes_in


class ConsultationsConfig(AppConfig):
    name = "consultations"

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages and snippets appear on public pages
        # What it adds to pages of the apps below it (core/page_sections.py).
        page_sections.register("home", "consultations/sections/home_open_consultations.html", order=40)
        from . import follows, signals  # noqa: F401

        follows.register()  # what residents can follow (following/kinds.py)
