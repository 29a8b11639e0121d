"""Blocks for the strategy publication.

The strategy page body is a list of sections; each section has a heading (which feeds
the table of contents) and a stream of content blocks an editor can rearrange.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Locale

from core.blocks import CalloutBlock, ParagraphBlock, QuoteBlock, SubheadingBlock
from core.caching.routing import public_pages


class DefinitionsBlock(blocks.StructBlock):
    """Terms with their meaning: the seven areas of focus, the values, the framework."""

    items = blocks.ListBlock(blocks.StructBlock([("term", blocks.CharBlock()), ("description", blocks.TextBlock())]))

    class Meta:
        icon = "list-ul"
        template = "strategy/blocks/definitions_block.html"


class PrincipleBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    introduction = blocks.CharBlock(required=False)
    questions = blocks.ListBlock(blocks.CharBlock(label=_("Question or action")))


class PrinciplesBlock(blocks.StructBlock):
    """The numbered ABCD principles, each with the questions that put it into practice."""

    items = blocks.ListBlock(PrincipleBlock())

    class Meta:
        icon = "list-ol"
        template = "strategy/blocks/principles_block.html"


def page_data(parent_context, key):
    """Data the strategy page fetched once for all its blocks (see StrategyPage.get_context);
    fetched here only when a block is rendered somewhere else."""
    from .models import strategy_page_data  # models.py imports these blocks

    data = (parent_context or {}).get("strategy_data")
    return (strategy_page_data() if data is None else data)[key]


class SurveyFiguresBlock(blocks.StructBlock):
    """A chart of one section of the survey figures, drawn from the figures' data."""

    section = blocks.ChoiceBlock(
        choices=[
            ("knowing", _("Knowing our communities")),
            ("about_us", _("What you think about us")),
            ("covid", _("Our response to COVID-19")),
        ]
    )

    class Meta:
        icon = "table"
        template = "strategy/blocks/survey_figures_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["figures"] = page_data(parent_context, "figures_by_section").get(value["section"], [])
        return context


class AssetSnapshotBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False)

    class Meta:
        icon = "site"
        template = "strategy/blocks/asset_snapshot_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["assets"] = page_data(parent_context, "assets")
        return context


class InvestmentPriorityBlock(blocks.StructBlock):
    name = blocks.CharBlock()
    strapline = blocks.CharBlock(required=False)
    what_we_will_do = blocks.TextBlock()

    class Meta:
        icon = "pick"
        template = "strategy/blocks/investment_priority_block.html"


class PartnershipsBlock(blocks.StructBlock):
    """Each theme's key partnerships and networks, drawn from the managed themes."""

    heading = blocks.CharBlock(required=False)

    class Meta:
        icon = "group"
        template = "strategy/blocks/partnerships_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["partnerships"] = page_data(parent_context, "partnerships")
        return context


class WorkstreamsBlock(blocks.StructBlock):
    """Every theme with its workstreams, drawn from the managed themes."""

    heading = blocks.CharBlock(required=False)

    class Meta:
        icon = "list-ul"
        template = "strategy/blocks/workstreams_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["workstreams"] = page_data(parent_context, "workstreams")
        return context


class ThemePledgesBlock(blocks.StructBlock):
    """Under each theme's name, the pledges the council has published for it, linked.

    The printed strategy lists the three themes under "Our pledges" with nothing below
    them; the pledges themselves are published, and updated, as pledge pages.
    """

    heading = blocks.CharBlock(required=False)

    class Meta:
        icon = "tick"
        template = "strategy/blocks/theme_pledges_block.html"

    def get_context(self, value, parent_context=None):
        from .models import StrategyPage, ThemePage  # models.py imports these blocks

        context = super().get_context(value, parent_context)
        theme_pages = (parent_context or {}).get("theme_pages")
        if theme_pages is None:
            strategy = StrategyPage.objects.live().filter(locale=Locale.get_active()).first()
            theme_pages = (
                public_pages(ThemePage.objects.live().child_of(strategy).select_related("theme")) if strategy else []
            )
        context["theme_pages"] = theme_pages
        return context


class SignatoriesBlock(blocks.StructBlock):
    people = blocks.ListBlock(
        blocks.StructBlock([("name", blocks.CharBlock()), ("role", blocks.CharBlock(required=False))])
    )

    class Meta:
        icon = "user"
        template = "strategy/blocks/signatories_block.html"


class SectionContentBlock(blocks.StreamBlock):
    subheading = SubheadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    definitions = DefinitionsBlock()
    principles = PrinciplesBlock()
    survey_figures = SurveyFiguresBlock()
    asset_snapshot = AssetSnapshotBlock()
    investment_priority = InvestmentPriorityBlock()
    partnerships = PartnershipsBlock()
    workstreams = WorkstreamsBlock()
    theme_pledges = ThemePledgesBlock()
    signatories = SignatoriesBlock()


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    anchor = blocks.CharBlock(required=False, help_text=_("The in-page link name; made from the heading when blank"))
    content = SectionContentBlock()

    class Meta:
        icon = "doc-full"
        template = "strategy/blocks/section_block.html"


class StrategyBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
