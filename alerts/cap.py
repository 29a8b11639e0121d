"""Alerts as Common Alerting Protocol 1.2 documents (OASIS CAP-v1.2, alerts/schemas/CAP-v1.2.xsd).

One document per alert, at a stable address with a stable identifier. An alert that revises
an earlier one (a flood warning whose message changed) is an Update that references it; an
alert withdrawn after publication is a Cancel, with no <info>: its text may since have been
edited as a draft, which must not be published this way.
"""

from xml.etree import ElementTree

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core.site_address import absolute_url, page_url

from .models import Alert

NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
CONTENT_TYPE = "application/cap+xml"

CATEGORIES = {Alert.Category.FLOOD: "Met", Alert.Category.SAFETY: "Safety", Alert.Category.OTHER: "Other"}
EVENTS = {Alert.Category.FLOOD: "Flooding", Alert.Category.SAFETY: "Public safety", Alert.Category.OTHER: "Alert"}
SEVERITIES = {Alert.Severity.EMERGENCY: "Severe", Alert.Severity.WARNING: "Moderate"}


def cap_time(moment):
    # CAP's pattern: local time with a numeric offset, whole seconds, never "Z".
    return timezone.localtime(moment).isoformat(timespec="seconds")


def sender():
    return settings.SITE_URL.split("://", 1)[-1].split("/")[0].split(":")[0]


def identifier(alert):
    return f"{sender()}.alert.{alert.pk}"


def sent(alert):
    return alert.last_published_at or alert.first_published_at or timezone.now()


def reference(alert):
    """`sender,identifier,sent`, how CAP names an earlier message."""
    return f"{sender()},{identifier(alert)},{cap_time(sent(alert))}"


def cap_url(alert):
    return absolute_url(reverse("alerts:cap", args=[alert.pk]))


def is_public(alert):
    """Published now, or published once and withdrawn (a Cancel): never a draft nobody saw."""
    return alert.live or alert.first_published_at is not None


def area_description(alert):
    names = [place.name for place in alert.places.all()]
    return ", ".join(names) if names else settings.ALERTS_DISTRICT_NAME


def urgency(alert, now):
    if alert.ends_at <= now:
        return "Past"
    return "Immediate" if alert.starts_at <= now else "Expected"


def build(alert, now=None):
    """The alert's CAP 1.2 <alert> element."""
    now = now or timezone.now()
    ElementTree.register_namespace("", NAMESPACE)
    root = ElementTree.Element(f"{{{NAMESPACE}}}alert")

    def add(parent, name, text):
        element = ElementTree.SubElement(parent, f"{{{NAMESPACE}}}{name}")
        element.text = text
        return element

    add(root, "identifier", identifier(alert))
    add(root, "sender", sender())
    add(root, "sent", cap_time(sent(alert)))
    add(root, "status", "Actual")
    if not alert.live:
        add(root, "msgType", "Cancel")
    else:
        add(root, "msgType", "Update" if alert.updates_id else "Alert")
    add(root, "scope", "Public")
    if not alert.live:
        add(root, "note", "Withdrawn by the council.")
        return root
    if alert.updates is not None and is_public(alert.updates):
        add(root, "references", reference(alert.updates))

    info = add(root, "info", None)
    add(info, "language", "en-GB" if alert.language == "en" else alert.language)
    add(info, "category", CATEGORIES[alert.category])
    add(info, "event", EVENTS[alert.category])
    add(info, "urgency", urgency(alert, now))
    add(info, "severity", SEVERITIES[alert.severity])
    add(info, "certainty", "Likely")
    add(info, "effective", cap_time(alert.starts_at))
    add(info, "onset", cap_time(alert.starts_at))
    add(info, "expires", cap_time(alert.ends_at))
    add(info, "senderName", settings.ALERTS_SENDER_NAME)
    add(info, "headline", alert.title)
    add(info, "description", alert.text)
    link = alert.link_url or (page_url(alert.link_page) if alert.link_page is not None else None)
    add(info, "web", link or absolute_url("/"))
    area = add(info, "area", None)
    add(area, "areaDesc", area_description(alert))
    return root


def document(alert, now=None):
    return ElementTree.tostring(build(alert, now), encoding="utf-8", xml_declaration=True)
