from django.conf import settings
from django.core.management.base import BaseCommand

from alerts.tasks import import_flood_warnings


class Command(BaseCommand):
    help = "Queue the import of the Environment Agency's flood warnings as draft alerts (cron: every 15 minutes)."

    def handle(self, *args, **options):
        if not settings.FLOOD_WARNINGS_IMPORT:
            self.stdout.write("FLOOD_WARNINGS_IMPORT is off: nothing to do.")
            return
        import_flood_warnings.enqueue()
        self.stdout.write("Queued the flood warnings import for the background worker.")
