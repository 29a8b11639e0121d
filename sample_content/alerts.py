"""One past alert, so staff see the alerts listing's shape; never a live one in the demo site."""

from datetime import timedelta

from django.utils import timezone

from alerts.models import Alert
from strategy.models import Place

SAMPLE_REFERENCE = "sample:upton-flood-2026"


def load_demo_alerts():
    """Safe to run again: the sample alert is found by its reference."""
    if Alert.objects.filter(source_reference=SAMPLE_REFERENCE).exists():
        return
    ended = timezone.now() - timedelta(days=30)
    alert = Alert(
        live=False,
        severity=Alert.Severity.WARNING,
        category=Alert.Category.FLOOD,
        title="Flood warning: River Severn at Upton upon Severn",
        text="The River Severn is high at Upton upon Severn. The B4211 is closed at the bridge: use the A38.",
        link_url="https://check-for-flooding.service.gov.uk/",
        starts_at=ended - timedelta(hours=36),
        ends_at=ended,
        source_reference=SAMPLE_REFERENCE,
    )
    alert.places.set(Place.objects.filter(slug__startswith="upton", locale__language_code="en"))
    alert.save()
    alert.save_revision().publish()
