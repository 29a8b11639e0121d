"""The Environment Agency's flood warnings become draft alerts; the tests use a recorded answer, never the network.

alerts/tests/recorded/floods_worcestershire.json follows the API's documented format
(/flood-monitoring/id/floods): the network was not reachable when it was made.
"""

import copy
import json
from pathlib import Path
from unittest import mock

from django.core.management import call_command

import pytest

from alerts import flood_warnings
from alerts.models import Alert

pytestmark = pytest.mark.django_db

RECORDED = json.loads((Path(__file__).parent / "recorded" / "floods_worcestershire.json").read_text())


@pytest.fixture
def recorded(settings):
    settings.FLOOD_WARNINGS_IMPORT = True
    answer = copy.deepcopy(RECORDED)
    with mock.patch.object(flood_warnings, "fetch_warnings", side_effect=lambda: copy.deepcopy(answer)) as fetch:
        yield answer, fetch


def test_warnings_naming_the_districts_places_become_drafts(site_with_places, recorded):
    created, updated = flood_warnings.import_flood_warnings()
    assert (created, updated) == (3, 0)
    alerts = {alert.source_reference.split(":")[1]: alert for alert in Alert.objects.all()}
    # Evesham is elsewhere in the county; a warning no longer in force makes nothing.
    assert set(alerts) == {"031WAF212", "031WAF201", "031WAF100"}
    assert all(not alert.live and alert.latest_revision is not None for alert in alerts.values())
    severe, warning, flood_alert = alerts["031WAF201"], alerts["031WAF212"], alerts["031WAF100"]
    assert severe.severity == Alert.Severity.EMERGENCY
    assert warning.severity == Alert.Severity.WARNING
    assert flood_alert.severity == Alert.Severity.WARNING
    assert warning.title == "Flood warning: River Teme at Tenbury Wells"
    assert warning.category == Alert.Category.FLOOD
    assert warning.link_url == "https://check-for-flooding.service.gov.uk/target-area/031WAF212"
    assert [place.name for place in warning.places.all()] == ["Tenbury Wells"]
    assert [place.name for place in severe.places.all()] == ["Upton-upon-Severn"]
    # Named only in the message.
    assert [place.name for place in flood_alert.places.all()] == ["Malvern"]
    assert all(len(alert.text) <= 300 for alert in alerts.values())


def test_running_again_creates_nothing(site_with_places, recorded):
    flood_warnings.import_flood_warnings()
    assert flood_warnings.import_flood_warnings() == (0, 0)
    assert Alert.objects.count() == 3


def test_a_changed_message_rewrites_an_unpublished_draft_and_updates_a_published_alert(site_with_places, recorded):
    answer, _fetch = recorded
    flood_warnings.import_flood_warnings()
    teme = Alert.objects.get(source_reference__contains="031WAF212")
    upton = Alert.objects.get(source_reference__contains="031WAF201")
    upton.save_revision().publish()
    for item in answer["items"]:
        item["timeMessageChanged"] = "2026-12-01T06:00:00"
        item["message"] = item["message"].replace("expected", "now happening")
    assert flood_warnings.import_flood_warnings() == (1, 2)
    teme.refresh_from_db()
    assert "now happening" in teme.text and not teme.live
    update = Alert.objects.get(updates=upton)
    assert not update.live and "now happening" in update.text
    assert flood_warnings.import_flood_warnings() == (0, 0)


def test_nothing_happens_when_the_setting_is_off(site_with_places, recorded, settings):
    settings.FLOOD_WARNINGS_IMPORT = False
    _answer, fetch = recorded
    assert flood_warnings.import_flood_warnings() is None
    call_command("import_flood_warnings")
    assert not fetch.called
    assert not Alert.objects.exists()


def test_the_command_queues_the_import_for_the_worker(site_with_places, recorded):
    call_command("import_flood_warnings")  # the test settings run tasks at once
    assert Alert.objects.count() == 3


def test_the_request_names_the_site_and_gives_up_in_time(settings):
    settings.FLOOD_WARNINGS_COUNTY = "Worcestershire"
    answer = mock.MagicMock()
    answer.__enter__.return_value.read.return_value = b'{"items": []}'
    with mock.patch("urllib.request.urlopen", return_value=answer) as urlopen:
        assert flood_warnings.fetch_warnings() == {"items": []}
    request = urlopen.call_args.args[0]
    assert request.full_url == "https://environment.data.gov.uk/flood-monitoring/id/floods?county=Worcestershire"
    assert "ConnectedCommunities" in request.get_header("User-agent")
    assert urlopen.call_args.kwargs["timeout"] == flood_warnings.TIMEOUT_SECONDS
