"""What residents call each kind of page, for the search page's type filter and result labels.

The models' names are the editors' words ("story page", "theme page"); a resident filters
search results by "Stories" or "Themes".
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# model label: (one, several)
PAGE_TYPES = {
    "home.homepage": (_("Home page"), _("Home page")),
    "home.standardpage": (_("Information page"), _("Information pages")),
    "strategy.strategypage": (_("The strategy"), _("The strategy")),
    "strategy.themepage": (_("Theme"), _("Themes")),
    "stories.storyindexpage": (_("Section"), _("Sections")),
    "stories.storypage": (_("Story"), _("Stories")),
    "pledges.pledgeindexpage": (_("Section"), _("Sections")),
    "pledges.pledgepage": (_("Pledge"), _("Pledges")),
    "pledges.reviewindexpage": (_("Section"), _("Sections")),
    "pledges.revieweditionpage": (_("Annual review"), _("Annual reviews")),
    "consultations.consultationindexpage": (_("Section"), _("Sections")),
    "consultations.consultationpage": (_("Consultation"), _("Consultations")),
    "events.eventspage": (_("Section"), _("Sections")),
    "events.eventpage": (_("Event"), _("Events")),
    "directory.directorypage": (_("Section"), _("Sections")),
    "directory.assetpage": (_("Community asset"), _("Community assets")),
}


def one(model):
    """A result's label: "Story", "Pledge"..."""
    names = PAGE_TYPES.get(model._meta.label_lower)
    return names[0] if names else capfirst(model._meta.verbose_name)


def several(model):
    """A type filter's label: "Stories", "Pledges"..."""
    names = PAGE_TYPES.get(model._meta.label_lower)
    return names[1] if names else capfirst(model._meta.verbose_name_plural)


@dataclass
class TypeFacet:
    pk: int
    name: str


def type_facet(content_type_id):
    return TypeFacet(content_type_id, several(ContentType.objects.get_for_id(content_type_id).model_class()))
