import pytest

from alerts.models import Alert
from sample_content.alerts import load_demo_alerts

pytestmark = pytest.mark.django_db


def test_the_demo_site_has_one_ended_alert_and_no_banner(client, strategy_site):
    load_demo_alerts()
    load_demo_alerts()
    [alert] = Alert.objects.all()
    assert alert.live and alert.status() == Alert.Status.ENDED
    assert "site-alert" not in client.get("/").content.decode()
