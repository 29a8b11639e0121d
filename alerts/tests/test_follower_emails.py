"""Publishing an alert emails the followers of its places at once, weekly followers included."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from alerts.factories import AlertFactory, publish
from alerts.models import Alert
from following.models import Follow
from following.tests.followers import sent_to, subscribed

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def places(home):
    from wagtail.models import Locale

    from strategy.models import Place

    locale = Locale.get_default()
    return {
        slug: Place.objects.create(name=name, slug=slug, locale=locale, kind=Place.Kind.TOWN)
        for slug, name in (("upton-upon-severn", "Upton-upon-Severn"), ("malvern", "Malvern"))
    }


def test_followers_of_an_affected_place_hear_of_an_emergency_at_once(places):
    subscribed("upton@example.org", ("place", "upton-upon-severn"), frequency=Follow.Frequency.WEEKLY)
    subscribed("malvern@example.org", ("place", "malvern"))
    subscribed("theme@example.org", ("theme", "healthier"))
    mail.outbox.clear()

    alert = AlertFactory(
        severity=Alert.Severity.EMERGENCY,
        title="Severe flood warning: River Severn at Upton",
        text="Danger to life. Move to higher ground now.",
        link_url="https://check-for-flooding.service.gov.uk/",
    )
    alert.places.set([places["upton-upon-severn"]])
    publish(alert)

    (email,) = sent_to("upton@example.org")  # weekly, yet told at once
    assert email.subject.startswith("Emergency: Severe flood warning")
    assert "Move to higher ground now." in email.body
    assert "https://check-for-flooding.service.gov.uk/" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent_to("malvern@example.org") == []
    assert sent_to("theme@example.org") == []

    publish(alert)  # published again unchanged: a new revision, a new publication
    assert len(sent_to("upton@example.org")) == 2


def test_a_district_wide_alert_reaches_every_place_follower_once_and_an_ended_one_nobody(places):
    subscribed("both@example.org", ("place", "upton-upon-severn"), ("place", "malvern"))
    mail.outbox.clear()
    publish(AlertFactory(title="Water supply interrupted"))
    assert ["Warning: Water supply interrupted" in m.subject for m in sent_to("both@example.org")] == [True]

    mail.outbox.clear()
    now = timezone.now()
    publish(AlertFactory(title="Old news", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1)))
    assert mail.outbox == []
