"""The strategy and the shared vocabulary every other app points to.

Themes, workstreams, places and survey figures are translatable snippets: stories,
pledges and consultations link to them, so they live here and other apps import them.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.caching import wagtail_adapter
from core.caching.routing import CachedViewRestrictionsMixin, cached, public_pages, translations_of
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
    # Its centre, for "near me": a resident chooses their town or parish, never shares a location.
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)

    objects = LocalizedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]
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


# The address, below the strategy's, of the whole text on one page.
FULL_TEXT = "full"


class StrategyPage(RoutablePageMixin, CachedViewRestrictionsMixin, PrivacyByEditorsMixin, Page):
    """The strategy itself, published as an accessible HTML document in chapters.

    Each top-level section of the body is a chapter with its own address
    (/strategy/<anchor>/); the strategy's own address shows the first chapter and the
    list of all of them, and /strategy/full/ the whole text on one page, for printing.
    """

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
        FieldPanel(
            "body", help_text=_("Each section is a chapter of its own, at the strategy's address plus its anchor")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [APIField("introduction"), APIField("period_start"), APIField("period_end"), APIField("body")]

    @cached_property
    def chapters(self):
        """The body's sections as chapters, numbered from 1, each with its own address suffix."""
        chapters = []
        seen = set()
        for number, section in enumerate(self.body, start=1):
            slug = section_anchor(section.value)
            # Two sections with one anchor would share an address: the later one gets its number.
            if slug in seen or slug == FULL_TEXT:
                slug = f"{slug}-{number}"
            seen.add(slug)
            chapters.append(
                Chapter(
                    number=number,
                    block_id=section.id,
                    slug=slug,
                    anchor=section_anchor(section.value),
                    heading=section.value["heading"],
                    section=section,
                    outline=chapter_outline(section),
                )
            )
        return chapters

    def chapters_with_urls(self, request):
        base = self.get_url(request)
        for chapter in self.chapters:
            chapter.url = base + self.chapter_suffix(chapter)
        return self.chapters

    def chapter_suffix(self, chapter):
        """The chapter's address below the strategy's: '' for the first, which the strategy's own address shows."""
        return "" if chapter.number == 1 else f"{chapter.slug}/"

    def route(self, request, path_components):
        # A chapter costs no query: its address is one of the body's anchors.
        # A theme page with its theme in one query, instead of Wagtail's two plus one for the theme.
        if len(path_components) == 1 and not self.is_own_address(path_components[0]):
            theme_page = (
                ThemePage.objects.child_of(self).filter(slug=path_components[0]).select_related("theme").first()
            )
            if theme_page is not None:
                wagtail_adapter.remember_parent(theme_page, self)
                return theme_page.route(request, [])
        return super().route(request, path_components)

    def is_own_address(self, slug):
        return slug == FULL_TEXT or any(chapter.slug == slug for chapter in self.chapters)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = public_pages(ThemePage.objects.live().child_of(self).select_related("theme"))
        context["strategy_data"] = StrategyData()
        return context

    # The first chapter, at the strategy's own address.
    @path("")
    def first_chapter(self, request):
        if not self.chapters:
            return self.render(request, context_overrides={"chapters": []})
        return self.chapter_response(request, self.chapters[0])

    @path(f"{FULL_TEXT}/", name="full_text")
    def full_text(self, request):
        """The whole strategy on one page: for printing, saving, or reading straight through."""
        return self.render(
            request,
            template="strategy/strategy_full_text.html",
            context_overrides={
                "chapters": self.chapters_with_urls(request),
                "language_urls": self.language_urls(request, f"{FULL_TEXT}/"),
            },
        )

    @path("<slug:slug>/", name="chapter")
    def chapter(self, request, slug):
        chapter = next((chapter for chapter in self.chapters if chapter.slug == slug), None)
        if chapter is None:
            raise Http404
        if chapter.number == 1:
            return redirect(self.get_url(request), permanent=True)
        return self.chapter_response(request, chapter)

    def chapter_response(self, request, chapter):
        chapters = self.chapters_with_urls(request)
        position = chapter.number - 1
        base = self.get_url(request)

        def same_chapter(page_chapters):
            match = next((c for c in page_chapters if c[0] == chapter.block_id), None)
            if match is None and position < len(page_chapters):
                match = page_chapters[position]  # a translation made before the block had an id
            return None if match is None else ("" if match[2] == 1 else f"{match[1]}/")

        return self.render(
            request,
            context_overrides={
                "chapter": chapter,
                "chapters": chapters,
                "previous_chapter": chapters[position - 1] if position > 0 else None,
                "next_chapter": chapters[position + 1] if position + 1 < len(chapters) else None,
                "full_text_url": base + self.reverse_subpage("full_text"),
                "language_urls": self.language_urls(request, same_chapter) if position else None,
            },
        )

    def language_urls(self, request, suffix_for):
        """{language code: address} of this sub-page in each live translation (hreflang, canonical).

        `suffix_for` is the address below each translation's own, or a function that gets a
        translation's [(block id, slug, number)] and gives that address, or None when the
        translation has no such chapter. No query between publications.
        """
        urls = {}
        for code, (page_id, url) in translations_of(self, request).items():
            if isinstance(suffix_for, str):
                if url:
                    urls[code] = url + suffix_for
                continue
            if page_id == self.pk:
                page_chapters = [(c.block_id, c.slug, c.number) for c in self.chapters]
            else:
                page_chapters = cached(f"strategy-chapters:{page_id}", lambda page_id=page_id: chapter_keys(page_id))
            suffix = suffix_for(page_chapters or [])
            if url and suffix is not None:
                urls[code] = url + suffix
        return urls

    def sitemap_subpages(self):
        """(key, address suffix) of each chapter and the full text; the key is the same in every translation."""
        return [(chapter.block_id, self.chapter_suffix(chapter)) for chapter in self.chapters[1:]] + [
            (FULL_TEXT, f"{FULL_TEXT}/")
        ]


@dataclass
class Chapter:
    number: int
    block_id: str
    slug: str
    anchor: str
    heading: str
    section: object = field(repr=False)
    outline: list = field(default_factory=list)  # (text, id, block id) of the headings in the chapter
    url: str = ""


def chapter_keys(page_id):
    page = StrategyPage.objects.filter(pk=page_id).only("body").first()
    return [(c.block_id, c.slug, c.number) for c in page.chapters] if page else []


# Blocks whose heading is listed under "On this page", with where their text is.
OUTLINED_BLOCKS = {
    "subheading": lambda value: value,
    "investment_priority": lambda value: value["name"],
    "callout": lambda value: value["heading"],
    "asset_snapshot": lambda value: value["heading"],
}


def chapter_outline(section):
    """[(heading, id, block id)] of the headings inside a chapter, for its "On this page" list.

    The ids start with the chapter's anchor so they stay unique on the full-text page.
    """
    anchor = section_anchor(section.value)
    outline = []
    used = set()
    for block in section.value["content"]:
        text_of = OUTLINED_BLOCKS.get(block.block_type)
        text = text_of(block.value) if text_of else None
        if not text:
            continue
        heading_id = f"{anchor}-{slugify(text)}"
        if heading_id in used:
            heading_id = f"{heading_id}-{len(outline) + 1}"
        used.add(heading_id)
        outline.append((text, heading_id, block.id))
    return outline


class StrategyData(dict):
    """What the strategy's data blocks draw, each fetched in one query the first time a block asks.

    A chapter reads only what its own blocks show; however many sections show it, one query.
    """

    loaders = {
        "figures_by_section": lambda: figures_by_section(),
        "assets": lambda: list(CommunityAsset.objects.for_active_locale()),
        "workstreams": lambda: list(Workstream.objects.for_active_locale().select_related("theme")),
        "partnerships": lambda: list(
            Partnership.objects.filter(theme__in=Theme.objects.for_active_locale())
            .select_related("theme")
            .order_by("theme__sort_order", "sort_order")
        ),
    }

    def __missing__(self, key):
        value = self[key] = self.loaders[key]()
        return value


def figures_by_section():
    by_section = {}
    for figure in SurveyFigure.objects.for_active_locale().select_related("theme"):
        by_section.setdefault(figure.section, []).append(figure)
    return by_section


def strategy_page_data():
    """Everything the strategy's data blocks draw, one query each, however many sections show it."""
    return StrategyData()


def section_anchor(section_value):
    # Slugified even when given: an editor's or translator's anchor becomes an id and an address.
    return slugify(section_value.get("anchor") or "") or slugify(section_value["heading"])


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
