"""Announcement targets for the strategy's themes and places, whatever language they came in.

Themes and places are followed by their slug in the site's default language (the follow
form offers those); a Polish story names the Polish theme, whose slug may differ, so
targets are found through the translation_key.
"""

from wagtail.models import Locale

from strategy.models import Place, Theme


def _default_slugs(model, items):
    keys = {item.translation_key for item in items}
    if not keys:
        return []
    found = model.objects.filter(translation_key__in=keys, locale=Locale.get_default())
    return sorted(found.values_list("slug", flat=True))


def strategy_targets(*, themes=(), places=()):
    """[("theme", slug), ..., ("place", slug), ...] for these Theme and Place rows, in any locale."""
    return [("theme", slug) for slug in _default_slugs(Theme, themes)] + [
        ("place", slug) for slug in _default_slugs(Place, places)
    ]
