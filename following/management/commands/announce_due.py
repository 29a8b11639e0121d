from django.core.management.base import BaseCommand

from following.due import announce_due


class Command(BaseCommand):
    help = "Announce to followers what falls due with the clock (consultations opening, a vote's results). Run from cron every 5 minutes."

    def handle(self, *args, **options):
        asked = announce_due()
        if options["verbosity"] > 1:
            self.stdout.write(f"{asked} announcement(s) due.")
