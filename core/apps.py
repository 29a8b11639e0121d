from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    """Site plumbing, no pages: caching, public-form guards, personal data, middleware, emails.

    Core names no content app. Apps above it register what it needs: their `personal_data`
    module (found here the way the admin finds `admin.py`) and, in their own ready(), the
    models whose change empties the page cache (core.caching.page_cache.invalidate_on_changes_in).
    """

    name = "core"
    verbose_name = "Site-wide"

    def ready(self):
        from core import admin_exports, emails, site_address, staff_roles
        from core.caching import page_cache
        from core.images import metadata, renditions

        metadata.connect_signals()
        page_cache.connect_signals()
        renditions.connect_signals()
        admin_exports.wrap_preprocess_field_value()
        # Wagtail's workflow emails are sent by the background worker, not in the editor's request.
        emails.queue_wagtail_workflow_emails()
        # Each app holding residents' data registers it in its personal_data.py.
        autodiscover_modules("personal_data")
        # Each app declares its part of the staff roles in its staff_roles.py; one function
        # applies them all after every migrate (core/staff_roles.py).
        autodiscover_modules("staff_roles")
        post_migrate.connect(staff_roles.apply_after_migrate, dispatch_uid="core-staff-roles")
        # Once per migrate (sender: this app), after every app's migrations have run.
        post_migrate.connect(site_address.apply_to_default_site, sender=self, dispatch_uid="home-site-address")
