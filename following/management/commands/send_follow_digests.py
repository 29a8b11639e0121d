from django.core.management.base import BaseCommand

from following.digests import digest_key, send_digests


class Command(BaseCommand):
    help = "Queue this week's digest emails to residents who follow things weekly (run weekly, by cron)."

    def handle(self, *args, **options):
        period_end = send_digests()
        self.stdout.write(f"Queued the weekly digests ({digest_key(period_end)}).")
