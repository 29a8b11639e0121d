from django.apps import AppConfig

from core.caching.page_cache import invalidate_on_changes_in, never_invalidate_on


class VolunteeringConfig(AppConfig):
    name = "volunteering"

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages appear in listings
        # Rows no public page shows: a resident's interest, a group's private contact.
        never_invalidate_on("volunteering.interestrecord", "volunteering.opportunitysubmission")
        # The site loader (home/loader.py) makes the listing at /volunteering/.
        from home.loader import register_section

        from . import signals  # noqa: F401
        from .loader import ensure_volunteering_page

        register_section(ensure_volunteering_page)
