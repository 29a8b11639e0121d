"""Which entries residents and other services see, and the filters they narrow them with.

One place decides what is public: live entries, outside any section with a view restriction,
in the visitor's language (an entry nobody has translated yet shows in the site's main
language). The map page, its GeoJSON, the CSV download and the Open Referral UK API all start
from `visible_entries()`, so none of them can show a draft or a private entry.
"""

from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant

from core.caching.routing import cached, public_pages
from strategy.models import Place, Theme

from .models import AssetPage, AssetType


def in_language(queryset, language):
    """Entries in `language`, and those in the main language that have no live translation in it."""
    active = get_supported_content_language_variant(language)
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if active == default:
        return queryset.filter(locale__language_code=default)
    translated = AssetPage.objects.live().filter(
        locale__language_code=active, translation_key=OuterRef("translation_key")
    )
    return queryset.filter(Q(locale__language_code=active) | (Q(locale__language_code=default) & ~Exists(translated)))


def visible_entries(language=None):
    """Live, public entries (not aliases) in the visitor's language, or in `language`."""
    entries = public_pages(AssetPage.objects.live().filter(alias_of__isnull=True))
    return in_language(entries, language or get_language() or settings.LANGUAGE_CODE)


def vocabulary():
    """{"type": [(slug, name)], "place": [...], "theme": [...]} in the visitor's language."""
    return {
        "type": list(AssetType.objects.for_active_locale().values_list("slug", "name")),
        "place": list(Place.objects.for_active_locale().values_list("slug", "name")),
        "theme": list(Theme.objects.for_active_locale().order_by("sort_order", "name").values_list("slug", "name")),
    }


class MapFilterForm(forms.Form):
    """The map's filters, sent by GET: the same in the page's form, the GeoJSON and the CSV."""

    type = forms.ChoiceField(label=_("Type"), required=False)
    place = forms.ChoiceField(label=_("Town or parish"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Types, places and themes change only with a save, which starts a new cache generation.
        choices = cached(f"directory-map-vocabulary:{get_language()}", vocabulary)
        self.fields["type"].choices = [("", _("All types")), *choices["type"]]
        self.fields["place"].choices = [("", _("All towns and parishes")), *choices["place"]]
        self.fields["theme"].choices = [("", _("All themes")), *choices["theme"]]

    def chosen(self):
        """{name: slug} of the filters chosen and valid; an unknown slug is ignored, not an error page."""
        if not self.is_bound:
            return {}
        chosen = {}
        for name, field in self.fields.items():
            value = self.data.get(name, "")
            if value and value in dict(field.choices):
                chosen[name] = value
        return chosen


def same_as(model, slug):
    """The translation keys of `model` rows with this slug: the same type, place or theme in
    every language, so an entry in English still matches a filter chosen on the Polish page."""
    return model.objects.filter(slug=slug).values("translation_key")


def filter_entries(entries, chosen):
    """Narrow `entries` by the filters {"type": slug, "place": slug, "theme": slug}."""
    if chosen.get("type"):
        entries = entries.filter(asset_type__translation_key__in=same_as(AssetType, chosen["type"]))
    if chosen.get("place"):
        entries = entries.filter(place__translation_key__in=same_as(Place, chosen["place"]))
    if chosen.get("theme"):
        themed = AssetPage.themes.through.objects.filter(
            assetpage_id=OuterRef("pk"), theme__translation_key__in=same_as(Theme, chosen["theme"])
        )
        entries = entries.filter(Exists(themed))
    return entries


def filter_key(chosen):
    """A cache key part for these filters, the same whatever order they came in."""
    return "&".join(f"{name}={chosen[name]}" for name in sorted(chosen))
