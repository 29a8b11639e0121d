from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page, Site

from strategy.loader import load_strategy


class Command(BaseCommand):
    help = (
        "Load the strategy's real content (themes, workstreams, places, figures, the strategy and theme pages) "
        "under the site's home page. `load_site` builds the whole site, this included. Safe to run again."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        # Wagtail's placeholder welcome page is a plain Page: the real home page is not there yet.
        if site is None or site.root_page.specific_class is Page:
            raise CommandError("No home page yet: run load_site, which builds it and the strategy under it.")
        strategy_page = load_strategy(site.root_page)
        self.stdout.write(self.style.SUCCESS(f"Strategy content is in place under “{strategy_page.title}”."))
