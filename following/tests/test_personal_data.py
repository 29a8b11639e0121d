"""Subscribers in the site-wide personal-data registry: export, erasure, retention."""

from datetime import timedelta

from django.utils import timezone

import pytest

from core.personal_data.registry import erase_person, export_person, holds_data, purge_all
from following.announcements import announce
from following.models import Delivery, Follow, Subscriber

from .followers import subscribed

pytestmark = pytest.mark.django_db


def test_export_lists_what_they_follow(things):
    subscribed("sam@example.org", ("place", "malvern"))
    exported = export_person("Sam@Example.org")["following"]
    assert exported["following"][0]["name"] == "Malvern"
    assert exported["following"][0]["frequency"] == "immediate"
    assert holds_data("sam@example.org") and not holds_data("jo@example.org")


def test_erasure_removes_the_address_its_follows_and_deliveries(things, mailoutbox):
    subscribed("sam@example.org", ("place", "malvern"))
    subscribed("jo@example.org", ("place", "malvern"))
    announce("story:1", title="News", summary="", url="/news/", targets=[("place", "malvern")])
    erase_person("sam@example.org")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["jo@example.org"]
    assert Follow.objects.count() == 1 and Delivery.objects.count() == 1


def test_retention_deletes_unconfirmed_addresses_and_old_delivery_records(things, mailoutbox, settings):
    old = timezone.now() - timedelta(days=settings.FOLLOWING_UNCONFIRMED_DAYS + 1)
    stale = Subscriber.objects.create(email="never@example.org", language="en")
    Subscriber.objects.filter(pk=stale.pk).update(created_at=old)
    Subscriber.objects.create(email="recent@example.org", language="en")
    sam = subscribed("sam@example.org", ("place", "malvern"))
    waiting = Follow.objects.create(subscriber=sam, kind="place", key="upton")
    Follow.objects.filter(pk=waiting.pk).update(created_at=old)
    announce("story:1", title="News", summary="", url="/news/", targets=[("place", "malvern")])
    Delivery.objects.update(created_at=timezone.now() - timedelta(days=settings.FOLLOWING_DELIVERY_RETENTION_DAYS + 1))
    purge_all()
    assert set(Subscriber.objects.values_list("email", flat=True)) == {"recent@example.org", "sam@example.org"}
    assert list(Follow.objects.values_list("key", flat=True)) == ["malvern"]
    assert not Delivery.objects.exists()
