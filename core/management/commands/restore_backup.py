from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.backups import restore


class Command(BaseCommand):
    help = "Restore a folder made by `backup` into the configured database and media storage, then rebuild search."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, verbosity, **options):
        restore(folder, verbosity=verbosity)
        # The search index is derived data: rebuild it rather than trust the copy.
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Restored {folder}"))
