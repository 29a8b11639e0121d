from django.apps import AppConfig

from core import page_sections
from core.caching.page_cache import invalidate_on_changes_in


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and standard pages"

    def ready(self):
        # The contact details sit in every page's footer.
        invalidate_on_changes_in(self.label)
        # The home page's own sections; the content apps add theirs between them.
        page_sections.register("home", "home/sections/themes.html", order=10)
        page_sections.register("home", "home/sections/assets_snapshot.html", order=30)
