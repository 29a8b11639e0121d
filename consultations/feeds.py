"""/consultations/feed/: consultations as they open and outcomes as they are published."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.site_address import SiteAddressFeed, absolute_url, page_url

from .models import ConsultationPage

FEED_LENGTH = 30


class ConsultationFeed(SiteAddressFeed):
    title = _("Connected Communities: consultations and their outcomes")
    description = _("New consultations as they open, and what the council did with residents' views.")

    def link(self):
        return absolute_url("/consultations/")

    def items(self):
        now = timezone.now()
        consultations = ConsultationPage.objects.visible().filter(opens_at__lte=now)
        events = []
        for page in consultations.order_by("-opens_at")[:FEED_LENGTH]:
            events.append(("opened", page.opens_at, page))
        for page in consultations.filter(outcome_published_at__lte=now).order_by("-outcome_published_at")[:FEED_LENGTH]:
            events.append(("outcome", page.outcome_published_at, page))
        events.sort(key=lambda event: event[1], reverse=True)
        return events[:FEED_LENGTH]

    def item_title(self, item):
        kind, _when, page = item
        if kind == "outcome":
            return _("Outcome published: %(title)s") % {"title": page.title}
        return _("Consultation opened: %(title)s") % {"title": page.title}

    def item_description(self, item):
        return item[2].summary

    def item_link(self, item):
        kind, _when, page = item
        return page_url(page) + ("#outcome" if kind == "outcome" else "")

    def item_guid(self, item):
        kind, _when, page = item
        return f"consultation-{page.pk}-{kind}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item[1]
