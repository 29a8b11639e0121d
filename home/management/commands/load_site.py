from django.core.management.base import BaseCommand

from home.loader import load_site


class Command(BaseCommand):
    help = (
        "Build the site's real content: home page, strategy, accessibility statement, privacy notice and "
        "contact details. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        home = load_site()
        self.stdout.write(self.style.SUCCESS(f"The site's content is in place under “{home.title}”."))
