"""StreamField blocks of a story: its body and its ripple-effect map."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import ImageBlock, KeyFactsBlock, ParagraphBlock, QuoteBlock, SubheadingBlock, VideoBlock

# How many levels of "what that led to" editors can add below each outcome.
RIPPLE_DEPTH = 4


class Capital(models.TextChoices):
    """The community capitals a ripple strengthens."""

    NATURAL = "natural", _("Natural")
    CULTURAL = "cultural", _("Cultural")
    HUMAN = "human", _("Human")
    SOCIAL = "social", _("Social")
    POLITICAL = "political", _("Political")
    FINANCIAL = "financial", _("Financial")
    BUILT = "built", _("Built")


class StoryBodyBlock(blocks.StreamBlock):
    subheading = SubheadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    key_facts = KeyFactsBlock()


def ripple_block(levels_below):
    """One ripple, with up to `levels_below` further levels of what it led to.

    StreamField blocks cannot recurse, so the tree is built to a fixed depth: deep enough
    for ripple-effect mapping sessions, which rarely go past four steps.
    """
    children = [
        ("text", blocks.CharBlock(max_length=255, label=_("What happened"))),
        ("capital", blocks.ChoiceBlock(choices=Capital.choices, label=_("Community capital"))),
        (
            "linked_story",
            blocks.PageChooserBlock(page_type="stories.StoryPage", required=False, label=_("Story about it")),
        ),
    ]
    if levels_below:
        children.append(
            (
                "led_to",
                blocks.ListBlock(ripple_block(levels_below - 1), default=[], min_num=0, label=_("What it led to")),
            )
        )
    return blocks.StructBlock(children, icon="site")


class RippleMapBlock(blocks.StreamBlock):
    """The outcomes of the story's central activity, each with what it led to in turn."""

    ripple = ripple_block(RIPPLE_DEPTH - 1)

    class Meta:
        required = False


def walk_ripples(raw_ripples, depth=1):
    """Yield (depth, ripple dict) for every ripple in stored (raw JSON) form, parents first."""
    for item in raw_ripples or []:
        value = item.get("value", item) if isinstance(item, dict) else item
        if not isinstance(value, dict):
            continue
        yield depth, value
        yield from walk_ripples(value.get("led_to"), depth + 1)
