from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide"

    def ready(self):
        from . import admin_exports, page_cache, renditions

        page_cache.connect_signals()
        renditions.connect_signals()
        admin_exports.wrap_preprocess_field_value()
