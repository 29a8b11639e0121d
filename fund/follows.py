"""What a follower hears from the People Make Places Fund: a round opening, and its vote's results.

Both come with the clock (following/due.py), and at once when a round is published after
its moment. Followers of every round hear of a new one opening; followers of the round, or
of its places, hear both.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

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
    due.register_page_moments(
        FundRoundPage,
        _announcements,
        moments=("opens_at", "voting_closes_at"),
        related=("places",),
    )


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
