from django.core.management.base import BaseCommand

from sample_content.loader import load_sample_content


class Command(BaseCommand):
    help = (
        "Load the site's real content and the sample stories, pledges and consultations (development and "
        "tests). Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        home = load_sample_content()
        self.stdout.write(self.style.SUCCESS(f"Strategy content is in place under “{home.title}”."))
