from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide"

    def ready(self):
        from . import image_metadata, page_cache, renditions

        image_metadata.connect_signals()
        page_cache.connect_signals()
        renditions.connect_signals()
