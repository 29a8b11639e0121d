"""alerts.going_live.alert_published: where the followers' emails will be connected."""

import pytest

from alerts.factories import AlertFactory, publish
from alerts.going_live import alert_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    calls = []

    def receiver(sender, alert_id, first_publication, **kwargs):
        calls.append((alert_id, first_publication))

    alert_published.connect(receiver)
    yield calls
    alert_published.disconnect(receiver)


def test_publishing_announces_the_alert_once_committed(home, heard, django_capture_on_commit_callbacks):
    alert = AlertFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(alert)
    assert heard == []  # not before the commit: a receiver's worker must find the alert
    for callback in callbacks:
        callback()
    assert heard == [(alert.pk, True)]
    with django_capture_on_commit_callbacks(execute=True):
        publish(alert)
    assert heard[-1] == (alert.pk, False)


def test_saving_a_draft_announces_nothing(home, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        AlertFactory().save_revision()
    assert heard == []
