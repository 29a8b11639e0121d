from django.apps import AppConfig

from core.caching.page_cache import invalidate_on_changes_in


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and standard pages"

    def ready(self):
        # The contact details sit in every page's footer.
        invalidate_on_changes_in(self.label)
