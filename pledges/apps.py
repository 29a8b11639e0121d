from django.apps import AppConfig

from core import page_sections
from core.caching.page_cache import invalidate_on_changes_in


class PledgesConfig(AppConfig):
    name = "pledges"

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages and snippets appear on public pages
        # What it adds to pages of the apps below it (core/page_sections.py).
        page_sections.register("home", "pledges/sections/home_pledge_progress.html", order=50)
        page_sections.register("theme", "pledges/sections/theme_pledges.html", order=10)
        page_sections.register("strategy:pledges-by-theme", "pledges/sections/strategy_pledges_by_theme.html", order=10)
        from . import follows, signals  # noqa: F401  (connects the review-edition freeze)

        follows.register()  # what residents can follow (following/kinds.py)
