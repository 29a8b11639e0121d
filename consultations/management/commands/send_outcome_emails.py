from django.core.management.base import BaseCommand

from consultations.outcomes import send_outcome_emails


class Command(BaseCommand):
    help = "Email opted-in commenters their comment's outcome once the outcome is published. Safe to run often."

    def handle(self, *args, **options):
        queued = send_outcome_emails()
        self.stdout.write(f"Queued {queued} outcome emails for the background worker.")
