"""What a follower hears from pledges: a pledge's status changing.

A pledge's status is its latest progress update's; it has changed when that update's status
differs from the one before it (a first update changes it from "Not started").
"""

from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published

from core.caching.routing import is_public
from core.site_address import page_url
from following.announcements import announce
from following.kinds import register_kind
from following.page_kinds import describe_pages, page_key
from following.strategy_targets import strategy_targets

from .models import PledgePage
from .status import Status


def register():
    register_kind(
        "pledge",
        label=_("pledge"),
        link_text=_("Get emails about this pledge"),
        choices=None,
        describe=describe_pages(PledgePage),
    )


def status_change(pledge):
    """(old status, new status) if the latest update changed the pledge's status, else None."""
    updates = sorted(pledge.updates.all(), key=lambda update: (update.date, update.sort_order or 0, update.pk or 0))
    if not updates:
        return None
    before = updates[-2].status if len(updates) > 1 else Status.NOT_STARTED
    after = updates[-1]
    return (before, after) if after.status != before else None


@receiver(page_published, sender=PledgePage, dispatch_uid="following-pledge-status")
def announce_status_change(sender, instance, **kwargs):
    change = status_change(instance) if is_public(instance) else None
    if change is None:
        return
    before, update = change
    announce(
        # The update's date and status name the change: publishing it again, or its translation, announces nothing new.
        f"pledge-status:{instance.translation_key}:{update.date.isoformat()}:{update.status}",
        title=instance.title,
        summary=str(
            _("Status changed from %(before)s to %(after)s. %(text)s")
            % {"before": Status(before).label, "after": Status(update.status).label, "text": update.text}
        ),
        url=page_url(instance),
        targets=[("pledge", page_key(instance)), *strategy_targets(themes=[instance.theme])],
    )
