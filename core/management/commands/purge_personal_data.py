from django.core.management.base import BaseCommand

from core.personal_data.registry import purge_all


class Command(BaseCommand):
    help = (
        "Purge personal data past its retention period, for every app that holds some (see "
        "core/personal_data/registry.py): consultation comments a set time after their outcome (and comments "
        "never confirmed), contact details of community stories declined or withdrawn. Run daily; "
        "safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention in days for every source, instead of each source's setting "
            "(CONSULTATION_PERSONAL_DATA_RETENTION_DAYS, STORY_CONTACT_RETENTION_DAYS)",
        )

    def handle(self, *args, days, **options):
        for name, rows in purge_all(days=days).items():
            self.stdout.write(f"{name}: purged personal data from {rows} rows.")
