"""What publishing or withdrawing an alert sets off, beyond the new cache generation."""

from wagtail.signals import published, unpublished

from core.caching.frontend_cache import purge_whole_site_after_commit

from . import going_live
from .models import Alert


def alert_published(sender, instance, **kwargs):
    # The CDN's copies predate the banner; the site's own cache starts a new generation by itself.
    purge_whole_site_after_commit()
    going_live.announce(instance, first_publication=instance.first_published_at == instance.last_published_at)


def alert_unpublished(sender, instance, **kwargs):
    purge_whole_site_after_commit()


def connect():
    published.connect(alert_published, sender=Alert, dispatch_uid="alerts-published")
    unpublished.connect(alert_unpublished, sender=Alert, dispatch_uid="alerts-unpublished")
