"""Alerts as feeds: an Atom feed of the alerts in force, and a CAP index.

The CAP index is an Atom feed whose entries lead to each alert's CAP 1.2 document, the way
public alerting services publish (OASIS "CAP feeds"); aggregators poll it. Both are served
and cached like pages: stored copies expire at the next alert's start or end
(AlertsConfig.ready registers those moments with the page cache).
"""

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.site_address import SiteAddressFeed, absolute_url, page_url

from . import cap
from .models import Alert


class CapIndexAtom1Feed(Atom1Feed):
    """Atom whose entries' alternate links say they lead to CAP documents."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("link", "", {"rel": "related", "type": cap.CONTENT_TYPE, "href": item["link"]})


class AlertFeed(SiteAddressFeed):
    """What both feeds share: the site's home page as their link, an alert's publication times as an entry's."""

    def link(self):
        return absolute_url("/")

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class CurrentAlertsFeed(AlertFeed):
    feed_type = Atom1Feed
    title = _("Connected Communities: emergency alerts")
    subtitle = _("Warnings and emergencies in the district, while they are in force")

    def items(self):
        now = timezone.now()
        return Alert.objects.showing(now).select_related("link_page").prefetch_related("places")

    def item_title(self, item):
        return f"{item.get_severity_display()}: {item.title}"

    def item_description(self, item):
        return f"{item.text}\n\n{_('Places affected:')} {cap.area_description(item)}"

    def item_link(self, item):
        if item.link_url:
            return item.link_url
        if item.link_page is not None:
            return page_url(item.link_page) or absolute_url("/")
        return absolute_url("/")

    def item_guid(self, item):
        return cap.cap_url(item)

    item_guid_is_permalink = False


class CapIndexFeed(AlertFeed):
    feed_type = CapIndexAtom1Feed
    title = _("Connected Communities: CAP alerts")
    subtitle = _("Common Alerting Protocol 1.2 documents of the alerts in force or scheduled")

    def items(self):
        return Alert.objects.current_or_scheduled(timezone.now())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        return cap.cap_url(item)
