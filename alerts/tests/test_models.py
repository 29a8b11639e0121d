from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from alerts.factories import AlertFactory, publish
from alerts.models import TEXT_MAX_LENGTH, Alert

pytestmark = pytest.mark.django_db


def test_an_alert_must_end_after_it_starts():
    now = timezone.now()
    alert = AlertFactory.build(starts_at=now, ends_at=now - timedelta(minutes=1))
    with pytest.raises(ValidationError) as error:
        alert.full_clean()
    assert "ends_at" in error.value.message_dict
    alert.ends_at = now
    with pytest.raises(ValidationError):
        alert.full_clean()
    alert.ends_at = now + timedelta(minutes=1)
    alert.full_clean()


def test_an_alert_text_is_short():
    alert = AlertFactory.build(text="x" * (TEXT_MAX_LENGTH + 1))
    with pytest.raises(ValidationError) as error:
        alert.full_clean()
    assert "text" in error.value.message_dict
    alert.text = "x" * TEXT_MAX_LENGTH
    alert.full_clean()


def test_a_new_alert_lasts_a_day_from_now_unless_told():
    alert = Alert(title="Boil water", text="Boil tap water before drinking.")
    assert timedelta(hours=23) < alert.ends_at - alert.starts_at <= timedelta(hours=24, seconds=1)
    alert.full_clean()


def test_an_alert_is_draft_scheduled_live_then_ended():
    now = timezone.now()
    alert = AlertFactory(starts_at=now + timedelta(hours=1), ends_at=now + timedelta(hours=2))
    assert alert.status(now) == Alert.Status.DRAFT
    publish(alert)
    assert alert.status(now) == Alert.Status.SCHEDULED
    assert alert.status(now + timedelta(minutes=90)) == Alert.Status.LIVE
    assert alert.status(now + timedelta(hours=2)) == Alert.Status.ENDED
