"""What a follower hears from the register of community assets: a new entry, in the register or their place."""

from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published

from core.caching.routing import is_public
from core.site_address import page_url
from following.announcements import announce
from following.due import is_news
from following.page_kinds import EVERY, register_section_kind
from following.strategy_targets import strategy_targets

from .models import AssetPage, DirectoryPage


def register():
    register_section_kind(
        "directory",
        section_model=DirectoryPage,
        every=_("New places and services in the register of community assets"),
        label=_("register"),
        link_text=_("Get emails about new places and services in the register"),
        heading=_("Community assets and services"),
    )


@receiver(page_published, sender=AssetPage, dispatch_uid="following-directory-entry")
def announce_new_entry(sender, instance, **kwargs):
    # Once per entry (its later confirmations and changes are not news); a private entry is not news.
    if not (is_public(instance) and is_news(instance)):
        return
    places = [instance.place] if instance.place_id else []
    announce(
        f"directory-entry:{instance.translation_key}",
        title=str(_("New in the register: %(title)s") % {"title": instance.title}),
        summary=instance.summary,
        url=page_url(instance),
        targets=[("directory", EVERY), *strategy_targets(places=places)],
    )
