"""Followers of the places an alert affects hear of it at once, whatever how often they chose.

An alert for the whole district (no places) reaches the followers of every place. Each
publication of an alert is announced once (the key holds its live revision), so an edited
alert republished ("the water is still rising") reaches them again, as its CAP Update does.
An alert already ended when it is published is history, not news, and sends nothing.
"""

from django.utils import timezone
from django.utils.translation import gettext

from wagtail.models import Locale

from core.site_address import absolute_url, site_url
from following.announcements import announce
from following.strategy_targets import strategy_targets
from strategy.models import Place

from .banner import link_for
from .models import Alert


def email_followers(sender, alert_id, **kwargs):
    alert = Alert.objects.filter(pk=alert_id, live=True).select_related("link_page").first()
    if alert is None or alert.ends_at <= timezone.now():
        return
    places = list(alert.places.all()) or list(Place.objects.filter(locale=Locale.get_default()))
    label = gettext("Emergency") if alert.is_emergency else gettext("Warning")
    announce(
        f"alert:{alert.pk}:{alert.live_revision_id}",
        title=f"{label}: {alert.title}",
        summary=alert.text,
        url=absolute_url(link_for(alert)) or site_url(),
        targets=strategy_targets(places=places),
        urgent=True,
    )
