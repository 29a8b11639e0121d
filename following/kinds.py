"""What can be followed: each kind of thing registers how to list and name its things.

Apps above this one (stories, consultations, pledges, the fund, the directory) register
their kinds from AppConfig.ready; this app registers the strategy's themes and places. A
thing is (kind, key): the key is a string, a slug or a page id, stable across languages.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    kind: str
    label: str | Promise  # a noun for one thing: "Follow this {label}"
    choices: Callable[[], Iterable[tuple[str, str]]] | None  # None: followed only from its own page
    describe: Callable[[list[str]], dict[str, tuple[str, str]]]  # keys -> {key: (name, url)}
    heading: str | Promise | None = None  # the follow form's question for the kind's choices
    # The page's link, a whole sentence: "this" and the noun agree differently in each language.
    link_text: str | Promise = ""
    order: int = 100  # the follow form lists kinds by it: the strategy's themes and places first


_kinds: dict[str, Kind] = {}


def register_kind(kind, *, label, choices, describe, link_text, heading=None, order=100):
    """Make `kind` followable; registering it again replaces it (tests, reloads)."""
    _kinds[kind] = Kind(kind, label, choices, describe, heading, link_text, order)


def get_kind(kind):
    return _kinds.get(kind)


def kinds():
    return sorted(_kinds.values(), key=lambda registered: registered.order)  # stable: then as registered


def describe(pairs):
    """{(kind, key): (name, url)} for the things that still exist; one call per kind."""
    by_kind = {}
    for kind, key in pairs:
        by_kind.setdefault(kind, []).append(key)
    described = {}
    for kind, keys in by_kind.items():
        registered = _kinds.get(kind)
        if registered is None:
            continue
        for key, name_and_url in registered.describe(keys).items():
            described[(kind, key)] = name_and_url
    return described


# The strategy's own vocabulary, keyed by slug in the site's default language; names are
# shown in the visitor's language where a translation exists.


def default_language():
    return get_supported_language_variant(settings.LANGUAGE_CODE)


def localised_names(model):
    return {row.translation_key: row.name for row in model.objects.for_active_locale()}


def strategy_choices(model):
    def choices():
        names = localised_names(model)
        rows = model.objects.filter(locale__language_code=default_language())
        return [(row.slug, names.get(row.translation_key, row.name)) for row in rows]

    return choices


def describe_themes(keys):
    from strategy.models import Theme

    names = localised_names(Theme)
    rows = Theme.objects.filter(locale__language_code=default_language(), slug__in=keys)
    return {row.slug: (names.get(row.translation_key, row.name), row.get_url() or "") for row in rows}


def describe_places(keys):
    from strategy.models import Place

    names = localised_names(Place)
    rows = Place.objects.filter(locale__language_code=default_language(), slug__in=keys)
    # A place has no page of its own: what happens there reaches its followers by email.
    return {row.slug: (names.get(row.translation_key, row.name), "") for row in rows}


def register_strategy_kinds():
    from strategy.models import Place, Theme

    register_kind(
        "theme",
        label=_("theme"),
        link_text=_("Get emails about this theme"),
        order=10,
        heading=_("Themes of the strategy"),
        choices=strategy_choices(Theme),
        describe=describe_themes,
    )
    register_kind(
        "place",
        label=_("place"),
        link_text=_("Get emails about this place"),
        order=20,
        heading=_("Towns and parishes"),
        choices=strategy_choices(Place),
        describe=describe_places,
    )
