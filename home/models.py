from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import snapshot
from core.blocks import BaseBodyBlock
from core.caching.routing import CachedSectionRoutingMixin, CachedViewRestrictionsMixin, public_pages
from core.page_privacy import PrivacyByEditorsMixin
from strategy.models import CommunityAsset, StrategyPage, ThemePage


class HomePage(CachedSectionRoutingMixin, CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """The front page: what Connected Communities is, and what is happening now."""

    tagline = models.CharField(max_length=120, blank=True, help_text="A short line under the page title")
    introduction = models.TextField(blank=True, help_text="Two or three sentences on what Connected Communities is")

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("tagline"), APIField("introduction")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = public_pages(
            ThemePage.objects.live().filter(locale_id=self.locale_id).select_related("theme")
        )
        context["community_assets"] = community_assets_snapshot()
        context["strategy_page"] = public_pages(StrategyPage.objects.live().filter(locale_id=self.locale_id)).first()
        return context


def community_assets_snapshot():
    """The snapshot's lines, each with the register's figure once it counts any (core/snapshot.py).

    Each line gets `shown_figure`, `shown_description` and `from_register` (True: the register's
    live entries; False: the strategy's baseline).
    """
    register = snapshot.counts() or {}
    lines = list(CommunityAsset.objects.for_active_locale())
    for line in lines:
        counted = snapshot.line_figure(register.get(str(line.translation_key)))
        line.from_register = counted is not None
        line.shown_figure, line.shown_description = counted or (line.figure, line.description)
    return lines


class StandardPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """A plain content page: the accessibility statement, the privacy notice, help pages."""

    introduction = models.TextField(blank=True)
    body = StreamField(BaseBodyBlock(), blank=True)
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="Shown on statements that must say when they were reviewed"
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [APIField("introduction"), APIField("body"), APIField("last_reviewed")]


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """The council's contact details, shown in the footer and on every form."""

    organisation = models.CharField(max_length=200, default="Malvern Hills District Council")
    contact_name = models.CharField(max_length=200, blank=True)
    contact_role = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("contact_name"), FieldPanel("contact_role")], heading=_("Who")
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")], heading=_("How to reach us")
        ),
        MultiFieldPanel([FieldPanel("accessibility_page"), FieldPanel("privacy_page")], heading=_("Footer pages")),
    ]

    # The footer links to both pages on every request: fetch them with the settings.
    select_related = ["accessibility_page", "privacy_page"]

    @classmethod
    def for_site(cls, site):
        """Every page's footer needs these: keep them in the cache between saves.

        The key carries the page cache's generation, which any save in the home app bumps,
        so an edited setting (or a renamed footer page) is read fresh at once.
        """
        from core.caching.routing import cached

        return cached(f"contact-settings:{site.pk}", lambda: super(ContactSettings, cls).for_site(site))

    class Meta:
        verbose_name = "contact details"
