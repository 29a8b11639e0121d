from django.conf import settings
from django.core.management.base import BaseCommand

from core.backups import backup


class Command(BaseCommand):
    help = "Back up the database and the media folder into a new timestamped folder (default var/backups/)."

    def add_arguments(self, parser):
        parser.add_argument("--to", default=str(settings.VAR_DIR / "backups"), help="Folder to hold the backups")

    def handle(self, *args, to, **options):
        folder = backup(to)
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}"))
