"""Blocks for the evidence attached to a pledge's progress update."""

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.coreutils import resolve_model_string
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import Page


class PageTypeChooserBlock(blocks.PageChooserBlock):
    """A page chooser for a page type named by string, stable before that type exists.

    Stories and consultations are built alongside pledges: their page models may not be
    in the code base yet when this app's migrations are made or its admin is used. The
    migration records the string as written (not the resolved model), and until the model
    exists the chooser offers any page instead of failing.
    """

    def __init__(self, page_type, **kwargs):
        self.page_type_name = page_type
        super().__init__(page_type=page_type, **kwargs)

    @property
    def target_models(self):
        try:
            return [resolve_model_string(self.page_type_name)]
        except (LookupError, ValueError, ImproperlyConfigured):
            return [Page]

    @property
    def target_model(self):
        return self.target_models[0]

    def deconstruct(self):
        # Block.deconstruct keeps the constructor's arguments as given: the model name
        # stays a string, so the migration does not depend on the model existing.
        return blocks.Block.deconstruct(self)


class LinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Web address"))
    title = blocks.CharBlock(
        label=_("Link text"), max_length=200, help_text=_("What the link leads to, in a few words")
    )

    class Meta:
        icon = "link"


class EvidenceBlock(blocks.StreamBlock):
    story = PageTypeChooserBlock("stories.StoryPage", label=_("Story"))
    consultation = PageTypeChooserBlock("consultations.ConsultationPage", label=_("Consultation"))
    document = DocumentChooserBlock(label=_("Document"))
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "clipboard-list"
