"""RSS and Atom feeds of the latest published stories."""

import datetime

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from home.site_address import SiteAddressFeed, absolute_url, page_url

from .models import StoryIndexPage, StoryPage


class LatestStoriesFeed(SiteAddressFeed):
    title = _("Connected Communities: stories of change")
    description = _("Stories of change from the district's communities")

    def link(self):
        index = StoryIndexPage.objects.live().first()
        return page_url(index) if index else absolute_url("/stories/")

    def items(self):
        return StoryPage.objects.live().public().select_related("locale").order_by("-first_published_at")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return page_url(item)

    def item_pubdate(self, item):
        return item.first_published_at or timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_author_name(self, item):
        return item.told_by


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = Atom1Feed
    subtitle = LatestStoriesFeed.description
