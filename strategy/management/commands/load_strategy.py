from django.core.management.base import BaseCommand

from strategy.loader import load_strategy


class Command(BaseCommand):
    help = "Load the strategy's real content and the sample content. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        home = load_strategy()
        # Each app's sample content follows, in dependency order.
        self.stdout.write(self.style.SUCCESS(f"Strategy content is in place under “{home.title}”."))
