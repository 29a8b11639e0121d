from django.apps import AppConfig

from core.caching.page_cache import invalidate_on_changes_in


class EventsConfig(AppConfig):
    name = "events"

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages and series appear on public pages
