"""An RSS feed of pledge progress updates (/pledges/feed/), newest first."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FEED_LENGTH = 50


class PledgeUpdatesFeed(Feed):
    description = _("Progress updates on the council's Connected Communities pledges.")

    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return _("Pledge progress updates")

    def link(self):
        return self.index.url

    def items(self):
        from .models import PledgePage, PledgeUpdate

        pledges = PledgePage.objects.live().public().descendant_of(self.index)
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
        return f"{item.pledge.url}#update-{item.pk}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(12)))
