"""Staff: the listing of scheduled, live, ended and draft alerts; who may publish."""

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from alerts.factories import AlertFactory, publish
from alerts.models import Alert
from core.staff_roles import COMMUNICATIONS_TEAM, apply_staff_roles

pytestmark = pytest.mark.django_db

LISTING = "wagtailsnippets_alerts_alert:list"


@pytest.fixture
def alerts(home):
    now = timezone.now()
    return {
        "draft": AlertFactory(title="Draft alert"),
        "scheduled": publish(
            AlertFactory(title="Scheduled alert", starts_at=now + timedelta(days=1), ends_at=now + timedelta(days=2))
        ),
        "live": publish(AlertFactory(title="Live alert")),
        "ended": publish(
            AlertFactory(title="Ended alert", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))
        ),
    }


@pytest.fixture
def communications_officer(django_user_model):
    apply_staff_roles()
    user = django_user_model.objects.create_user("comms", password="not-used-here-123")
    user.groups.add(Group.objects.get(name=COMMUNICATIONS_TEAM))
    return user


def test_the_listing_filters_by_status(client, admin_user, alerts):
    client.force_login(admin_user)
    everything = client.get(reverse(LISTING)).content.decode()
    for alert in alerts.values():
        assert alert.title in everything
    # The newest start first: scheduled above live above ended.
    assert everything.index("Scheduled alert") < everything.index("Live alert") < everything.index("Ended alert")
    for status, alert in alerts.items():
        html = client.get(reverse(LISTING), {"timing": status}).content.decode()
        shown = [other.title for other in alerts.values() if other.title in html]
        assert shown == [alert.title], status
        assert str(Alert.Status(status).label) in html


def test_the_communications_team_may_add_and_publish_alerts(client, communications_officer):
    assert communications_officer.has_perm("alerts.add_alert")
    assert communications_officer.has_perm("alerts.publish_alert")


def test_the_communications_team_publishes_with_wagtails_publish_action(client, home, communications_officer):
    alert = AlertFactory(title="Boil water notice")
    alert.save_revision()
    client.force_login(communications_officer)
    edit = reverse("wagtailsnippets_alerts_alert:edit", args=[alert.pk])
    data = {
        "severity": "warning",
        "category": "safety",
        "title": "Boil water notice",
        "text": "Boil tap water before drinking it.",
        "link_url": "",
        "starts_at": timezone.localtime(alert.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": timezone.localtime(alert.ends_at).strftime("%Y-%m-%d %H:%M"),
        "action-publish": "action-publish",
    }
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    alert.refresh_from_db()
    assert alert.live
    assert "Boil water notice" in Client().get("/").content.decode()


def test_someone_without_the_permission_cannot_publish(client, home, django_user_model):
    alert = AlertFactory(title="Not theirs to publish")
    alert.save_revision()
    editor = django_user_model.objects.create_user("editor", password="not-used-here-123")
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "change_alert", "view_alert"]))
    client.force_login(editor)
    edit = reverse("wagtailsnippets_alerts_alert:edit", args=[alert.pk])
    assert "action-publish" not in client.get(edit).content.decode()
    client.post(
        edit,
        {
            "severity": "warning",
            "category": "safety",
            "title": "Not theirs to publish",
            "text": "Text.",
            "starts_at": timezone.localtime(alert.starts_at).strftime("%Y-%m-%d %H:%M"),
            "ends_at": timezone.localtime(alert.ends_at).strftime("%Y-%m-%d %H:%M"),
            "action-publish": "action-publish",
        },
    )
    alert.refresh_from_db()
    assert not alert.live
    assert "Not theirs to publish" not in Client().get("/").content.decode()


def test_a_resident_cannot_reach_the_alerts_admin(client, home, django_user_model):
    client.force_login(django_user_model.objects.create_user("resident", password="not-used-here-123"))
    response = client.get(reverse(LISTING))
    assert response.status_code in (302, 403)


def test_staff_publish_drafts_from_the_listing_in_one_go(client, home, communications_officer):
    drafts = [AlertFactory(title="Flood warning: River Teme"), AlertFactory(title="Flood alert: Leigh Brook")]
    client.force_login(communications_officer)
    assert "Publish the selected alerts" in client.get(reverse(LISTING)).content.decode()
    url = reverse("wagtail_bulk_action", args=["alerts", "alert", "publish"])
    query = "?" + "&".join(f"id={alert.pk}" for alert in drafts)
    confirmation = client.get(url + query).content.decode()
    assert "Flood warning: River Teme" in confirmation and "Yes, publish" in confirmation
    response = client.post(url + query, {})
    assert response.status_code == 302
    assert all(Alert.objects.get(pk=alert.pk).live for alert in drafts)
    assert "Flood alert: Leigh Brook" in Client().get("/").content.decode()


def test_the_bulk_publish_needs_the_publish_permission(client, home, django_user_model):
    draft = AlertFactory(title="Not theirs to publish")
    editor = django_user_model.objects.create_user("editor", password="not-used-here-123")
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "change_alert", "view_alert"]))
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["alerts", "alert", "publish"]) + f"?id={draft.pk}"
    client.post(url, {})
    assert not Alert.objects.get(pk=draft.pk).live
