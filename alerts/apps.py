from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import page_sections
from core.caching.page_cache import invalidate_on_changes_in, register_page_lifetime_limit


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Emergency alerts")

    def ready(self):
        from . import banner, signals

        # Saving an alert starts a new cache generation: a published alert is on the very next page.
        invalidate_on_changes_in(self.label)
        # ...and no stored page outlives an alert's start or end.
        register_page_lifetime_limit(banner.upcoming_moments)
        # The banner, just inside <main> on every page (connected_communities/templates/base.html).
        page_sections.register("site_notices", "alerts/includes/banner.html", order=10)
        signals.connect()
        # Followers of the affected places get an email at once (following/announcements.py).
        from .follower_emails import email_followers
        from .going_live import alert_published

        alert_published.connect(email_followers, dispatch_uid="alerts-email-followers")
