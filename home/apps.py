from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide"

    def ready(self):
        from .page_cache import connect_signals

        connect_signals()
