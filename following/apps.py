from django.apps import AppConfig

from core import page_sections
from core.caching.page_cache import never_invalidate_on


class FollowingConfig(AppConfig):
    name = "following"

    def ready(self):
        # Rows no public page shows: subscribing must not empty the page cache.
        never_invalidate_on(
            "following.subscriber",
            "following.follow",
            "following.announcement",
            "following.announcementtarget",
            "following.delivery",
            "following.sendingledger",
        )
        from .kinds import register_strategy_kinds

        register_strategy_kinds()
        # A theme page offers to follow its theme (strategy's page names no app above it).
        page_sections.register("theme", "following/sections/theme_follow.html", order=90)
