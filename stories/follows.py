"""What a follower hears from stories: a story published in their place or one of their themes."""

from django.dispatch import receiver

from wagtail.signals import page_published

from core.caching.routing import is_public
from core.site_address import page_url
from following.announcements import announce
from following.due import is_news
from following.strategy_targets import strategy_targets

from .models import StoryPage


@receiver(page_published, sender=StoryPage, dispatch_uid="following-story-published")
def announce_story(sender, instance, **kwargs):
    # Once per story, in whichever language it is first published; a private story is not news.
    if not (is_public(instance) and is_news(instance)):
        return
    places = [instance.place] if instance.place_id else []
    targets = strategy_targets(themes=instance.themes.all(), places=places)
    if targets:
        announce(
            f"story-published:{instance.translation_key}",
            title=instance.title,
            summary=instance.summary,
            url=page_url(instance),
            targets=targets,
        )
