from django.apps import AppConfig

from core import site_loaders
from core.caching.page_cache import invalidate_on_changes_in, never_invalidate_on


class VolunteeringConfig(AppConfig):
    name = "volunteering"

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages appear in listings
        # Rows no public page shows: a resident's interest, a group's private contact.
        never_invalidate_on("volunteering.interestrecord", "volunteering.opportunitysubmission")
        from . import signals  # noqa: F401

        # The site loader (home/loader.py) makes the listing at /volunteering/.
        site_loaders.register("volunteering.loader.ensure_volunteering_page")
