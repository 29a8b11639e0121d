from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import page_sections
from core.caching.page_cache import invalidate_on_changes_in, never_invalidate_on


class FundConfig(AppConfig):
    name = "fund"
    verbose_name = _("People Make Places Fund")

    def ready(self):
        invalidate_on_changes_in(self.label)  # its pages and priorities appear on public pages
        # Applications, assessments and ballots are never on a public page: a vote or a saved
        # step of an application must not empty the whole page cache.
        never_invalidate_on(
            "fund.application",
            "fund.budgetline",
            "fund.supportingdocument",
            "fund.assessment",
            "fund.score",
            "fund.ballot",
            "fund.ballotchoice",
        )
        # What it adds to pages of the apps below it (core/page_sections.py).
        page_sections.register("home", "fund/sections/home_fund.html", order=55)
        from . import follows

        follows.register()  # what residents can follow (following/kinds.py)
