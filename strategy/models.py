"""The strategy and the shared vocabulary every other app points to.

Themes, workstreams, places and survey figures are translatable snippets: stories,
pledges and consultations link to them, so they live here and other apps import them.
"""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.caching import wagtail_adapter
from core.caching.routing import CachedViewRestrictionsMixin, public_pages
from core.page_privacy import PrivacyByEditorsMixin

from .blocks import StrategyBodyBlock


class LocalizedQuerySet(models.QuerySet):
    def for_active_locale(self):
        """Rows in the visitor's language; rows not yet translated fall back to the default language.

        One query, no Locale look-up: the language codes come from the request's activation.
        """
        active = get_supported_content_language_variant(get_language())
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if active == default:
            return self.filter(locale__language_code=default)
        translated = self.model.objects.filter(
            locale__language_code=active, translation_key=models.OuterRef("translation_key")
        )
        return self.filter(
            models.Q(locale__language_code=active)
            | (models.Q(locale__language_code=default) & ~models.Exists(translated))
        )


class Theme(TranslatableMixin, ClusterableModel, index.Indexed):
    """One of the strategy's three themes, which stories, pledges and consultations serve."""

    name = models.CharField(max_length=100)
    short_name = models.CharField(max_length=40, help_text="For tags and filters, e.g. 'Healthier'")
    slug = models.SlugField(max_length=100)
    summary = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("sort_order"),
        InlinePanel("partnerships", label=_("Key partnerships and networks")),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("summary"), index.FilterField("locale_id")]
    api_fields = [APIField("name"), APIField("slug"), APIField("summary")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def get_url(self):
        page = ThemePage.objects.live().filter(theme=self).only("url_path").first()
        return page.url if page else None


class Partnership(Orderable):
    theme = ParentalKey(Theme, related_name="partnerships", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)

    panels = [FieldPanel("name")]

    def __str__(self):
        return self.name


class Workstream(TranslatableMixin, index.Indexed, models.Model):
    """A strand of work under a theme, e.g. 'Grow our digital community'."""

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="workstreams")
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("theme"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("description"), index.FilterField("locale_id")]
    api_fields = [APIField("title"), APIField("slug"), APIField("theme")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["theme__sort_order", "sort_order", "title"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.title


class Place(TranslatableMixin, index.Indexed, models.Model):
    """A town or parish of the district, which stories and consultations happen in."""

    class Kind(models.TextChoices):
        TOWN = "town", _("Town")
        PARISH = "parish", _("Parish")
        DISTRICT = "district", _("District-wide")

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PARISH)

    objects = LocalizedQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    api_fields = [APIField("name"), APIField("slug"), APIField("kind")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class SurveyFigure(TranslatableMixin, models.Model):
    """A finding of the residents' survey: a percentage with what it measures.

    Figures are data, not prose: pledges use them as indicator baselines and the
    strategy page draws them as charts.
    """

    class Section(models.TextChoices):
        KNOWING = "knowing", _("Knowing our communities")
        ABOUT_US = "about_us", _("What you think about us")
        COVID = "covid", _("Our response to COVID-19")

    section = models.CharField(max_length=20, choices=Section.choices)
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="survey_figures")
    value = models.PositiveSmallIntegerField(help_text="A percentage, 0 to 100")
    statement = models.CharField(
        max_length=255, help_text="What the percentage of residents said, e.g. 'feel safe after dark'"
    )
    counterpoint_value = models.PositiveSmallIntegerField(null=True, blank=True)
    counterpoint_statement = models.CharField(max_length=255, blank=True, help_text="The 'However, …' figure")
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("section"),
        FieldPanel("theme"),
        FieldPanel("value"),
        FieldPanel("statement"),
        FieldPanel("counterpoint_value"),
        FieldPanel("counterpoint_statement"),
        FieldPanel("sort_order"),
    ]
    api_fields = [APIField("section"), APIField("value"), APIField("statement"), APIField("theme")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["section", "theme__sort_order", "sort_order"]
        constraints = [
            models.CheckConstraint(condition=models.Q(value__lte=100), name="survey_figure_value_is_a_percentage"),
        ]

    def __str__(self):
        return f"{self.value}% {self.statement}"


class CommunityAsset(TranslatableMixin, models.Model):
    """One line of the community-assets snapshot, e.g. '48 village halls and community facilities'."""

    figure = models.CharField(
        max_length=20,
        blank=True,
        help_text="The number as it should read, e.g. '48' or 'Over 100'; blank when the strategy gives none",
    )
    description = models.CharField(max_length=255)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = LocalizedQuerySet.as_manager()

    panels = [FieldPanel("figure"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.figure} {self.description}".strip()


class StrategyPage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """The strategy itself, published as an accessible HTML document in sections."""

    introduction = models.TextField(blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    body = StreamField(StrategyBodyBlock(), blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["strategy.ThemePage"]

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("period_start"),
        FieldPanel("period_end"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [APIField("introduction"), APIField("period_start"), APIField("period_end"), APIField("body")]

    @cached_property
    def table_of_contents(self):
        return [(section.value["heading"], section_anchor(section.value)) for section in self.body]

    def route(self, request, path_components):
        # A theme page with its theme in one query, instead of Wagtail's two plus one for the theme.
        if len(path_components) == 1:
            theme_page = (
                ThemePage.objects.child_of(self).filter(slug=path_components[0]).select_related("theme").first()
            )
            if theme_page is not None:
                wagtail_adapter.remember_parent(theme_page, self)
                return theme_page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = public_pages(ThemePage.objects.live().child_of(self).select_related("theme"))
        context["strategy_data"] = strategy_page_data()
        return context


def strategy_page_data():
    """Everything the strategy's data blocks draw, one query each, however many sections show it."""
    figures_by_section = {}
    for figure in SurveyFigure.objects.for_active_locale().select_related("theme"):
        figures_by_section.setdefault(figure.section, []).append(figure)
    return {
        "figures_by_section": figures_by_section,
        "assets": list(CommunityAsset.objects.for_active_locale()),
        "workstreams": list(Workstream.objects.for_active_locale().select_related("theme")),
        "partnerships": list(
            Partnership.objects.filter(theme__in=Theme.objects.for_active_locale())
            .select_related("theme")
            .order_by("theme__sort_order", "sort_order")
        ),
    }


def section_anchor(section_value):
    return section_value.get("anchor") or slugify(section_value["heading"])


class ThemePage(CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """A public page for one theme: its purpose, its workstreams and what serves it."""

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")
    introduction = models.TextField(blank=True)

    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("theme"), FieldPanel("introduction")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.RelatedFields("theme", [index.SearchField("name"), index.SearchField("summary")]),
    ]
    api_fields = [APIField("theme"), APIField("introduction")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workstreams"] = self.theme.workstreams.all()
        context["survey_figures"] = self.theme.survey_figures.all()
        context["partnerships"] = self.theme.partnerships.all()
        return context
