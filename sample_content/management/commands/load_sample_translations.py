from django.core.management.base import BaseCommand

from home.models import HomePage
from sample_content.translations import load_sample_translations


class Command(BaseCommand):
    help = (
        "Add the Polish and Romanian sample translations of the home page, the strategy and its themes "
        "(after load_site). Safe to run again: existing translations are left as they are."
    )

    def handle(self, *args, **options):
        home = HomePage.objects.filter(locale__language_code="en").first()
        if home is None:
            self.stderr.write("No English home page yet: run load_site first.")
            return
        load_sample_translations(home)
        self.stdout.write(self.style.SUCCESS("Sample translations are in place."))
