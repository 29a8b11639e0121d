from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import site_loaders, snapshot
from core.caching.page_cache import invalidate_on_changes_in, never_invalidate_on


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Community assets and services")

    def ready(self):
        invalidate_on_changes_in(self.label)  # entries, types and organisations appear on public pages
        # The asset types and the directory page are part of the real site (home/loader.py runs this).
        site_loaders.register("directory.loader.load_directory", order=10)
        # The home page's community-assets snapshot counts the register's live entries.
        snapshot.register_counts("directory.snapshot.register_counts")
        # Community groups' entries: who owns them is never on a public page; the workflow and
        # their personal data are registered like any app's (core/staff_roles.py, core/personal_data/).
        never_invalidate_on("directory.directoryentryowner")
        from . import follows, group_hooks, group_personal_data, group_signals, group_workflow  # noqa: F401

        follows.register()  # what residents can follow (following/kinds.py)
