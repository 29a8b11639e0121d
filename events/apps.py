from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import site_loaders
from core.caching.page_cache import invalidate_on_changes_in


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages and series appear on public pages
        # The site loader (home/loader.py) makes the listing at /events/ (after the directory: venues).
        site_loaders.register("events.loader.ensure_events_page", order=20)
