from django.conf import settings
from django.core.management.base import BaseCommand

from core.backups import backup


class Command(BaseCommand):
    help = (
        "Back up the database and the media (wherever they are stored) into a new timestamped folder "
        "(default: the dbbackup storage, var/backups/)."
    )

    def add_arguments(self, parser):
        default = settings.STORAGES["dbbackup"]["OPTIONS"]["location"]
        parser.add_argument("--to", default=str(default), help="Folder to hold the backups")

    def handle(self, *args, to, verbosity, **options):
        folder = backup(to, verbosity=verbosity)
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}"))
