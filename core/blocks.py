"""StreamField blocks shared by every app's pages."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "core/blocks/paragraph_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(help_text="What the image shows, for people who can't see it")
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "core/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)
    role = blocks.CharBlock(required=False, help_text="Their role or organisation")

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A YouTube or Vimeo address")
    transcript = blocks.TextBlock(
        required=False, help_text="A transcript or description, for people who can't watch it"
    )

    class Meta:
        icon = "media"
        template = "core/blocks/video_block.html"


class KeyFactsBlock(blocks.StructBlock):
    facts = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("figure", blocks.CharBlock(help_text="For example: 40, Over 30, £500,000")),
                ("description", blocks.CharBlock()),
            ]
        )
    )

    class Meta:
        icon = "list-ul"
        template = "core/blocks/key_facts_block.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False)
    text = blocks.TextBlock()

    class Meta:
        icon = "warning"
        template = "core/blocks/callout_block.html"


class SubheadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "core/blocks/subheading_block.html"


class BaseBodyBlock(blocks.StreamBlock):
    """The blocks every page body offers."""

    subheading = SubheadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    key_facts = KeyFactsBlock()
    callout = CalloutBlock()


def with_block_ids(stream_block, raw_data):
    """`raw_data` as stored by the page editor: every nested block and list item with its own id.

    Content written as JSON by a loader has no ids below the top level, and list items
    then get a new random id each time the page is read. wagtail-localize addresses each
    translatable string by these ids, so without stable ones a page cannot be translated.
    """
    value = stream_block.to_python(raw_data)
    _bind(stream_block, value)
    return stream_block.get_prep_value(value)


def _bind(block, value):
    # Reading each child turns it from raw data into a bound block that keeps its id when saved.
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            _bind(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _bind(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for child in value.bound_blocks:
            _bind(child.block, child.value)
