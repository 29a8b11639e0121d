"""RSS and Atom feeds of the latest published stories."""

import datetime

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.caching.routing import public_pages
from core.site_address import SiteAddressFeed, absolute_url, page_url

from .models import StoryIndexPage, StoryPage


class PlainTextSummaryAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are plain text (`type="text"`), not HTML as Django writes them.

    A story's summary is plain text: a reader must show its characters, never render them.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestStoriesFeed(SiteAddressFeed):
    """RSS 2.0: readers take an item's description as HTML, so the plain summary is escaped."""

    title = _("Connected Communities: stories of change")
    description = _("Stories of change from the district's communities")

    def link(self):
        index = StoryIndexPage.objects.live().first()
        return page_url(index) if index else absolute_url("/stories/")

    def items(self):
        return public_pages(StoryPage.objects.live()).select_related("locale").order_by("-first_published_at")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.summary)

    def item_link(self, item):
        return page_url(item)

    def item_pubdate(self, item):
        return item.first_published_at or timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_author_name(self, item):
        return item.told_by


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = PlainTextSummaryAtom1Feed
    subtitle = LatestStoriesFeed.description

    def item_description(self, item):
        return item.summary
