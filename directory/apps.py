from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.caching.page_cache import invalidate_on_changes_in


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Community assets and services")

    def ready(self):
        invalidate_on_changes_in(self.label)  # entries, types and organisations appear on public pages
