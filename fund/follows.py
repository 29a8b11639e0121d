"""What a follower hears from the People Make Places Fund: a round opening, and its vote's results.

Both come with the clock (following/due.py), and at once when a round is published after
its moment. Followers of every round hear of a new one opening; followers of the round, or
of its places, hear both.
"""

from django.dispatch import receiver
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published

from core.caching.routing import is_public, public_pages
from core.site_address import page_url
from following import due
from following.page_kinds import EVERY, page_key, register_section_kind
from following.strategy_targets import strategy_targets

from .models import FundPage, FundRoundPage


def register():
    register_section_kind(
        "fund-round",
        section_model=FundPage,
        page_model=FundRoundPage,
        every=_("Every People Make Places Fund round"),
        label=_("fund round"),
        link_text=_("Get emails about this fund round"),
        heading=_("People Make Places Fund"),
    )
    due.register(find_due)


def _announcements(round_page, now, since):
    followers = [("fund-round", page_key(round_page))] + strategy_targets(places=round_page.places.all())
    key = round_page.translation_key
    url = page_url(round_page)
    if since < round_page.opens_at <= now < round_page.closes_at:
        closes = date_format(localtime(round_page.closes_at), "j F Y, H:i")
        yield due.Due(
            f"fund-round-open:{key}",
            str(_("Open for applications: %(title)s") % {"title": round_page.title}),
            str(
                _("Groups can apply until %(closes)s. %(summary)s") % {"closes": closes, "summary": round_page.summary}
            ),
            url,
            (("fund-round", EVERY), *followers),
        )
    results = round_page.voting_closes_at
    if results and since < results <= now:
        yield due.Due(
            f"fund-vote-results:{key}",
            str(_("The residents' vote has closed: %(title)s") % {"title": round_page.title}),
            str(_("The results of the vote are published.")),
            url,
            tuple(followers),
        )


def find_due(now, since):
    rounds = public_pages(FundRoundPage.objects.live()).prefetch_related("places")
    moments = rounds.filter(opens_at__gt=since, opens_at__lte=now) | rounds.filter(
        voting_closes_at__gt=since, voting_closes_at__lte=now
    )
    for round_page in moments.distinct().order_by("pk"):
        yield from _announcements(round_page, now, since)


@receiver(page_published, sender=FundRoundPage, dispatch_uid="following-fund-round-published")
def announce_what_is_already_due(sender, instance, **kwargs):
    if not is_public(instance):
        return
    due.announce_if_due(_announcements, instance)
