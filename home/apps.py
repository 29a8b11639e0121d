from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide"

    def ready(self):
        from . import admin_exports, emails, image_metadata, page_cache, renditions, site_address

        image_metadata.connect_signals()
        page_cache.connect_signals()
        renditions.connect_signals()
        admin_exports.wrap_preprocess_field_value()
        emails.queue_wagtail_workflow_emails()
        # Once per migrate (sender: this app), after every app's migrations have run.
        post_migrate.connect(site_address.apply_to_default_site, sender=self, dispatch_uid="home-site-address")
