"""The Environment Agency's flood warnings, imported as draft alerts for staff to publish.

Off unless settings.FLOOD_WARNINGS_IMPORT. Every 15 minutes cron runs
`manage.py import_flood_warnings`, which queues `tasks.import_flood_warnings`; it reads the
EA's real-time flood-monitoring API (the warnings in FLOOD_WARNINGS_COUNTY) and, for each
warning that names one of the district's places, makes a draft alert. Nothing is published
without staff: a flood warning is the EA's word, the banner is the council's.

Severity (EA severityLevel): 1 "Severe flood warning" (danger to life) -> emergency;
2 "Flood warning" (flooding expected) and 3 "Flood alert" (flooding possible) -> warning;
4 "Warning no longer in force" -> nothing is created (staff end or withdraw the alert).

One alert per warning and raised time (source_reference), so running again creates nothing.
When the EA changes a warning's message: a draft nobody has published yet is rewritten; a
published one gets a new draft that updates it (CAP msgType Update).
"""

import json
import logging
import re
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from strategy.models import Place

from .models import TEXT_MAX_LENGTH, Alert

logger = logging.getLogger(__name__)

USER_AGENT = "ConnectedCommunities-alerts/1.0 (council community site; flood warnings import)"
TIMEOUT_SECONDS = 20
SEVERITIES = {1: Alert.Severity.EMERGENCY, 2: Alert.Severity.WARNING, 3: Alert.Severity.WARNING}
# The EA updates a warning at least daily; staff shorten or lengthen the alert as needed.
DURATION = timedelta(hours=24)
TARGET_AREA_URL = "https://check-for-flooding.service.gov.uk/target-area/{}"


def fetch_warnings():
    """The API's JSON answer: {"items": [...]}. Tests patch this; they never reach the network."""
    query = urllib.parse.urlencode({"county": settings.FLOOD_WARNINGS_COUNTY})
    request = urllib.request.Request(
        f"{settings.FLOOD_WARNINGS_URL}?{query}", headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return json.load(response)


def parse_time(value):
    # The API writes UTC times, sometimes without a zone ("2026-11-30T09:15:00").
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)


def shorten(text, limit):
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _pattern(name):
    # "Upton-upon-Severn" matches "Upton upon Severn" too.
    words = re.split(r"[\s-]+", name.strip())
    return re.compile(r"\b" + r"[\s-]+".join(re.escape(word) for word in words) + r"\b", re.IGNORECASE)


def matching_places(item, places):
    """The district's places the warning names: in its area description, else in its message."""
    for text in (item.get("description", ""), item.get("message", "")):
        found = [place for place in places if _pattern(place.name).search(text or "")]
        if found:
            return found
    return []


def _fill(alert, item, places, now):
    alert.severity = SEVERITIES[item["severityLevel"]]
    alert.category = Alert.Category.FLOOD
    alert.title = shorten(f"{item.get('severity') or 'Flood warning'}: {item.get('description', '')}", 120)
    alert.text = shorten(item.get("message") or item.get("description", ""), TEXT_MAX_LENGTH)
    alert.link_url = TARGET_AREA_URL.format(urllib.parse.quote(item["floodAreaID"]))
    alert.starts_at = now
    alert.ends_at = now + DURATION
    alert.source_version = item.get("timeMessageChanged") or item["timeRaised"]
    alert.full_clean(exclude=["places", "link_page", "updates"])
    alert.places.set(places)  # a parental relation: written by the save below
    alert.save()
    alert.save_revision(log_action=True)
    return alert


def import_warnings(data, now=None):
    """Draft alerts from one API answer. Returns (created, updated)."""
    now = now or timezone.now()
    district = list(Place.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    created = updated = 0
    for item in data.get("items", []):
        if item.get("severityLevel") not in SEVERITIES or not item.get("floodAreaID") or not item.get("timeRaised"):
            continue
        places = matching_places(item, district)
        if not places:
            continue  # elsewhere in the county
        reference = f"ea:{item['floodAreaID']}:{parse_time(item['timeRaised']).isoformat()}"
        version = item.get("timeMessageChanged") or item["timeRaised"]
        with transaction.atomic():
            latest = Alert.objects.select_for_update().filter(source_reference=reference).order_by("-pk").first()
            if latest is None:
                _fill(Alert(live=False, source_reference=reference), item, places, now)
                created += 1
            elif latest.source_version == version:
                continue
            elif latest.first_published_at is None:
                _fill(latest, item, places, now)  # nobody has published it: rewrite the draft
                updated += 1
            else:
                _fill(Alert(live=False, source_reference=reference, updates=latest), item, places, now)
                created += 1
    return created, updated


def import_flood_warnings():
    """The scheduled job: nothing at all unless settings.FLOOD_WARNINGS_IMPORT."""
    if not settings.FLOOD_WARNINGS_IMPORT:
        return None
    return import_warnings(fetch_warnings())
