"""What a follower hears from consultations: one opening, closing soon, and its outcome published.

Those moments come with the clock (following/due.py finds them), and at once when a page is
published after its moment has passed. Followers of every consultation hear of one opening;
followers of the consultation, or of its themes or places, hear all three.
"""

from datetime import timedelta

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from core.site_address import page_url
from following import due
from following.page_kinds import EVERY, page_key, register_section_kind
from following.strategy_targets import strategy_targets

from .models import ConsultationIndexPage, ConsultationPage

# "Closing soon": a week before it closes, time enough to take part.
CLOSING_SOON = timedelta(days=7)


def register():
    register_section_kind(
        "consultation",
        section_model=ConsultationIndexPage,
        page_model=ConsultationPage,
        every=_("Every new consultation"),
        label=_("consultation"),
        link_text=_("Get emails about this consultation"),
        heading=_("Consultations"),
    )
    due.register_page_moments(
        ConsultationPage,
        _announcements,
        moments=("opens_at", "outcome_published_at"),
        upcoming={"closes_at": CLOSING_SOON},
        related=("themes", "places"),
    )


def _when(moment):
    return date_format(localtime(moment), "j F Y, H:i")


def _announcements(consultation, now, since):
    """The Due announcements of one consultation whose moment is in (since, now]."""
    followers = [("consultation", page_key(consultation))] + strategy_targets(
        themes=consultation.themes.all(), places=consultation.places.all()
    )
    key = consultation.translation_key
    url = page_url(consultation)
    if since < consultation.opens_at <= now < consultation.closes_at:
        yield due.Due(
            f"consultation-open:{key}",
            str(_("Consultation open: %(title)s") % {"title": consultation.title}),
            str(
                _("Open until %(closes)s. %(summary)s")
                % {"closes": _when(consultation.closes_at), "summary": consultation.summary}
            ),
            url,
            (("consultation", EVERY), *followers),
        )
    closing_from = consultation.closes_at - CLOSING_SOON
    if consultation.opens_at < closing_from and since < closing_from <= now < consultation.closes_at:
        yield due.Due(
            f"consultation-closing:{key}",
            str(_("Closing soon: %(title)s") % {"title": consultation.title}),
            str(_("This consultation closes on %(closes)s.") % {"closes": _when(consultation.closes_at)}),
            url,
            tuple(followers),
        )
    outcome = consultation.outcome_published_at
    if outcome and since < outcome <= now:
        yield due.Due(
            f"consultation-outcome:{key}",
            str(_("What we heard and what we did: %(title)s") % {"title": consultation.title}),
            str(_("The outcome of this consultation is published.")),
            url,
            tuple(followers),
        )
