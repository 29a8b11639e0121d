"""What the banner on every public page shows, without a query per request.

The published alerts that have not ended are read once per cache generation (saving an alert
starts a new one) and kept as plain values; each request then keeps those whose time has
come and not passed, so an alert appears at its start and disappears at its end without
anyone acting. Pages stored in the page cache expire at those moments too
(core.caching.page_cache.register_page_lifetime_limit, from AlertsConfig.ready).
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone, translation

from core.caching.routing import cached
from strategy.models import Place

from .models import Alert


@dataclass(frozen=True)
class BannerAlert:
    pk: int
    severity: str
    severity_label: str
    title: str
    text: str
    link: str
    places: tuple[str, ...]
    starts_at: datetime
    ends_at: datetime
    language: str

    @property
    def is_emergency(self):
        return self.severity == Alert.Severity.EMERGENCY


def upcoming_moments(now):
    """Every start and end still ahead: the moments at which every page may change."""
    rows = Alert.objects.current_or_scheduled(now).values_list("starts_at", "ends_at")
    return [moment for row in rows for moment in row if moment > now]


def _place_names(alerts, language):
    """Each alert's place names, in the visitor's language where a translation exists."""
    chosen = {place.pk: place for alert in alerts for place in alert.places.all()}
    translated = {
        place.translation_key: place.name
        for place in Place.objects.filter(
            translation_key__in=[place.translation_key for place in chosen.values()], locale__language_code=language
        )
    }
    return {pk: translated.get(place.translation_key, place.name) for pk, place in chosen.items()}


def link_for(alert):
    if alert.link_url:
        return alert.link_url
    if alert.link_page is not None:
        # The page in the visitor's language where it is translated (Wagtail's `localized`).
        return alert.link_page.localized.url or ""
    return ""


def _read(language, now):
    alerts = list(
        Alert.objects.current_or_scheduled(now)
        .select_related("link_page")
        .prefetch_related("places")
        .order_by("severity", "-starts_at", "-pk")  # emergencies first ("emergency" < "warning")
    )
    names = _place_names(alerts, language)
    return [
        BannerAlert(
            pk=alert.pk,
            severity=alert.severity,
            severity_label=str(alert.get_severity_display()),
            title=alert.title,
            text=alert.text,
            link=link_for(alert),
            places=tuple(sorted(names[place.pk] for place in alert.places.all())),
            starts_at=alert.starts_at,
            ends_at=alert.ends_at,
            language=alert.language,
        )
        for alert in alerts
    ]


def showing_alerts(now=None):
    """The alerts to show on a page rendered now, in the active language."""
    now = now or timezone.now()
    language = translation.get_language() or settings.LANGUAGE_CODE
    known = cached(f"alerts-banner:{language}", lambda: _read(language, now))
    return [alert for alert in known if alert.starts_at <= now < alert.ends_at]
