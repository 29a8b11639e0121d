"""The district-wide ripple view: what communities' projects led to, by capital and theme."""

from collections import Counter

from strategy.models import Theme

from .blocks import Capital, walk_ripples


def ripple_summary(index):
    stories = index.stories().only("pk", "ripples").prefetch_related("themes")
    by_capital, by_theme_capital = Counter(), Counter()
    story_count = 0
    for story in stories:
        capitals = [ripple.get("capital") for _depth, ripple in walk_ripples(story.ripples.raw_data)]
        capitals = [capital for capital in capitals if capital in Capital.values]
        if not capitals:
            continue
        story_count += 1
        by_capital.update(capitals)
        for theme in story.themes.all():
            by_theme_capital.update((theme.pk, capital) for capital in capitals)
    largest = max(by_capital.values(), default=0)
    capital_rows = [
        {"capital": label, "count": by_capital[value], "width": width(by_capital[value], largest)}
        for value, label in Capital.choices
    ]
    themes = list(Theme.objects.for_active_locale())
    theme_rows = [
        {"theme": theme, "counts": [by_theme_capital[(theme.pk, value)] for value in Capital.values]}
        for theme in themes
    ]
    return {
        "capital_rows": capital_rows,
        "theme_rows": theme_rows,
        "capital_labels": Capital.labels,
        "ripple_total": sum(by_capital.values()),
        "story_count": story_count,
    }


def width(count, largest):
    """Bar width in steps of one percent, for the chart__bar w-NN classes."""
    return round(100 * count / largest) if largest else 0


def ripple_tree(raw_ripples, live_stories):
    """A story's ripple map as nested dicts, with every linked story fetched in one query.

    StreamField would fetch the linked stories one query per level of the tree; here the
    count stays the same however deep or wide the map grows. Links to stories that are no
    longer live or public are dropped: `live_stories` is the queryset of those that are.
    """
    linked_ids = {ripple.get("linked_story") for _depth, ripple in walk_ripples(raw_ripples)} - {None, ""}
    linked = live_stories.filter(pk__in=linked_ids).only("id", "title", "url_path").in_bulk() if linked_ids else {}

    def build(items):
        tree = []
        for item in items or []:
            value = item.get("value", item) if isinstance(item, dict) else item
            if isinstance(value, dict):
                tree.append(
                    {
                        "text": value.get("text", ""),
                        "capital": value.get("capital", ""),
                        "linked_story": linked.get(value.get("linked_story")),
                        "led_to": build(value.get("led_to")),
                    }
                )
        return tree

    return build(raw_ripples)
