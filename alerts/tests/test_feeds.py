"""The Atom feed of alerts in force, the CAP index and each alert's CAP 1.2 document, valid against OASIS's schema."""

from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree

from django.utils import timezone

import pytest
import xmlschema

from alerts.factories import AlertFactory, publish
from alerts.models import Alert
from strategy.models import Place

pytestmark = pytest.mark.django_db

CAP_SCHEMA = xmlschema.XMLSchema(Path(__file__).resolve().parent.parent / "schemas" / "CAP-v1.2.xsd")
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"
ATOM = "{http://www.w3.org/2005/Atom}"


def cap_of(client, alert):
    response = client.get(f"/alerts/{alert.pk}.cap")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/cap+xml")
    CAP_SCHEMA.validate(response.content.decode())  # raises with the reason when invalid
    return ElementTree.fromstring(response.content)


def text(element, path):
    return element.find(path.replace("cap:", CAP)).text


def test_an_alert_as_a_valid_cap_document(client, site_with_places):
    alert = AlertFactory(
        title="Flood warning: River Teme at Tenbury Wells",
        text="Flooding is expected. Move valuables upstairs.",
        severity=Alert.Severity.EMERGENCY,
        category=Alert.Category.FLOOD,
        link_url="https://check-for-flooding.service.gov.uk/target-area/122WAC953",
    )
    alert.places.set(Place.objects.filter(slug__in=["tenbury-wells", "malvern"]))
    publish(alert)
    document = cap_of(client, alert)
    assert text(document, "cap:identifier") == f"testserver.alert.{alert.pk}"
    assert text(document, "cap:sender") == "testserver"
    assert text(document, "cap:status") == "Actual"
    assert text(document, "cap:msgType") == "Alert"
    assert text(document, "cap:scope") == "Public"
    assert text(document, "cap:info/cap:language") == "en-GB"
    assert text(document, "cap:info/cap:category") == "Met"
    assert text(document, "cap:info/cap:severity") == "Severe"
    assert text(document, "cap:info/cap:urgency") == "Immediate"
    assert text(document, "cap:info/cap:headline") == "Flood warning: River Teme at Tenbury Wells"
    assert text(document, "cap:info/cap:web") == "https://check-for-flooding.service.gov.uk/target-area/122WAC953"
    assert text(document, "cap:info/cap:area/cap:areaDesc") == "Malvern, Tenbury Wells"
    # The same identifier however often it is read.
    assert text(cap_of(client, alert), "cap:identifier") == f"testserver.alert.{alert.pk}"


def test_a_warning_for_the_whole_district_scheduled_later(client, home):
    now = timezone.now()
    alert = publish(AlertFactory(starts_at=now + timedelta(hours=2), ends_at=now + timedelta(hours=4)))
    document = cap_of(client, alert)
    assert text(document, "cap:info/cap:severity") == "Moderate"
    assert text(document, "cap:info/cap:category") == "Safety"
    assert text(document, "cap:info/cap:urgency") == "Expected"
    assert text(document, "cap:info/cap:area/cap:areaDesc") == "Malvern Hills District"


def test_an_update_references_the_alert_it_revises_and_a_withdrawn_alert_is_a_cancel(client, home):
    first = publish(AlertFactory(title="Flood alert"))
    update = publish(AlertFactory(title="Flood warning", updates=first))
    document = cap_of(client, update)
    assert text(document, "cap:msgType") == "Update"
    assert text(document, "cap:references").startswith(f"testserver,testserver.alert.{first.pk},")
    first.unpublish()
    cancel = cap_of(client, first)
    assert text(cancel, "cap:msgType") == "Cancel"
    assert cancel.find(f"{CAP}info") is None


def test_a_draft_has_no_cap_document(client, home):
    assert client.get(f"/alerts/{AlertFactory().pk}.cap").status_code == 404


def test_the_atom_feed_lists_the_alerts_in_force(client, home):
    now = timezone.now()
    publish(AlertFactory(title="Road closed at Upton"))
    publish(AlertFactory(title="Later", starts_at=now + timedelta(hours=1), ends_at=now + timedelta(hours=2)))
    publish(AlertFactory(title="Over", starts_at=now - timedelta(hours=2), ends_at=now - timedelta(hours=1)))
    AlertFactory(title="A draft")
    response = client.get("/alerts/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Warning: Road closed at Upton"]
    summary = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}summary").text
    assert "Places affected: Malvern Hills District" in summary


def test_the_cap_index_leads_to_each_cap_document(client, home):
    now = timezone.now()
    live = publish(AlertFactory(title="Now"))
    later = publish(AlertFactory(title="Later", starts_at=now + timedelta(hours=1), ends_at=now + timedelta(hours=2)))
    feed = ElementTree.fromstring(client.get("/alerts/cap.atom").content)
    links = {link.get("href") for link in feed.iter(f"{ATOM}link") if link.get("type") == "application/cap+xml"}
    assert links == {f"http://testserver/alerts/{live.pk}.cap", f"http://testserver/alerts/{later.pk}.cap"}
    for alert in (live, later):
        cap_of(client, alert)


def test_every_page_links_the_alert_feeds(client, home):
    html = client.get("/").content.decode()
    assert 'href="/alerts/feed.atom"' in html
    assert 'href="/alerts/cap.atom"' in html
