"""Blocks for consultation outcomes."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class YouSaidWeDidBlock(blocks.StructBlock):
    you_said = blocks.TextBlock(
        label=_("You said"), help_text=_("What residents told us, in their words where possible")
    )
    we_did = blocks.TextBlock(label=_("We did"), help_text=_("What the council decided or changed because of it"))
    pledge = blocks.PageChooserBlock(
        page_type="pledges.PledgePage", required=False, help_text=_("The pledge this led to, if any")
    )

    class Meta:
        icon = "openquote"
        template = "consultations/blocks/you_said_we_did_block.html"


class YouSaidWeDidStreamBlock(blocks.StreamBlock):
    item = YouSaidWeDidBlock()
