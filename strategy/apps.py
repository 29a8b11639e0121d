from django.apps import AppConfig

from core.caching.page_cache import invalidate_on_changes_in


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = "The strategy"

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages and snippets appear on public pages
