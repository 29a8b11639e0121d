from django.apps import AppConfig

from core import page_sections
from core.caching.page_cache import invalidate_on_changes_in


class StoriesConfig(AppConfig):
    name = "stories"

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages and snippets appear on public pages
        # What it adds to pages of the apps below it (core/page_sections.py).
        page_sections.register("home", "stories/sections/home_latest_stories.html", order=20)
        page_sections.register("theme", "stories/sections/theme_stories.html", order=20)
        from . import follows, signals  # noqa: F401  (follows: announcements to followers)
