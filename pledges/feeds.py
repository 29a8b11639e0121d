"""An RSS feed of pledge progress updates (/pledges/feed/), newest first."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.caching.routing import public_pages
from core.site_address import SiteAddressFeed, page_url

from .models import PledgePage, PledgeUpdate

FEED_LENGTH = 50


class PledgeUpdatesFeed(SiteAddressFeed):
    description = _("Progress updates on the council's Connected Communities pledges.")

    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return _("Pledge progress updates")

    def link(self):
        return page_url(self.index)

    def items(self):
        pledges = public_pages(PledgePage.objects.live()).descendant_of(self.index)
        return (
            PledgeUpdate.objects.filter(pledge__in=pledges.values("pk"))
            .select_related("pledge")
            .order_by("-date", "-sort_order", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return f"{item.pledge.title}: {item.get_status_display()}"

    def item_description(self, item):
        if item.withdrawal_reason:
            return f"{item.text}\n\n{item.withdrawal_reason}"
        return item.text

    def item_link(self, item):
        return f"{page_url(item.pledge)}#update-{item.pk}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(12)))
