from django.conf import settings
from django.core.management.base import BaseCommand

from consultations.privacy import purge_personal_data


class Command(BaseCommand):
    help = (
        "Anonymise consultation comments a set time after their outcome is published, and delete "
        "comments never confirmed. Safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CONSULTATION_PERSONAL_DATA_RETENTION_DAYS,
            help="Days after an outcome is published to keep personal data (default from settings)",
        )

    def handle(self, *args, days, **options):
        anonymised, deleted = purge_personal_data(retention_days=days)
        self.stdout.write(f"Anonymised {anonymised} comments; deleted {deleted} unconfirmed comments.")
