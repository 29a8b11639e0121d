"""The district-wide ripple view: what communities' projects led to, by capital and theme."""

import itertools
import math
from collections import Counter

from django.db.models import Prefetch

from core.caching.routing import public_pages
from strategy.models import Theme

from .blocks import Capital, walk_ripples


def funded_projects():
    """The fund's live, public, funded projects, read through StoryPage.projects.

    The fund sits above the stories, so its model is reached through the relation rather
    than imported; a project is funded once it has a grant amount.
    """
    from .models import StoryPage

    project_model = StoryPage._meta.get_field("projects").related_model
    return public_pages(project_model.objects.live()).filter(grant_amount__isnull=False)


def ripple_summary(index):
    stories = (
        index.stories()
        .only("pk", "ripples")
        .prefetch_related("themes", Prefetch("projects", queryset=funded_projects().order_by("title")))
    )
    by_capital, by_theme_capital = Counter(), Counter()
    by_project, projects = Counter(), {}
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
        for project in story.projects.all():
            projects.setdefault(project.pk, project)
            by_project[project.pk] += len(capitals)
    # (label, value, display) rows for {% bar_chart %}.
    capital_rows = [(label, by_capital[value], str(by_capital[value])) for value, label in Capital.choices]
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
        # The funded projects whose stories reported ripples: most ripples first.
        "project_rows": [
            {"project": projects[pk], "ripples": count}
            for pk, count in sorted(by_project.items(), key=lambda item: (-item[1], projects[item[0]].title))
        ],
    }


def ripple_tree(raw_ripples, live_stories):
    """A story's ripple map as nested dicts, with every linked story fetched in one query.

    StreamField would fetch the linked stories one query per level of the tree; here the
    count stays the same however deep or wide the map grows. Links to stories that are no
    longer live or public are dropped: `live_stories` is the queryset of those that are.
    """
    linked_ids = {ripple.get("linked_story") for _depth, ripple in walk_ripples(raw_ripples)} - {None, ""}
    linked = live_stories.filter(pk__in=linked_ids).only("id", "title", "url_path").in_bulk() if linked_ids else {}

    numbers = itertools.count(1)

    def build(items):
        tree = []
        for item in items or []:
            value = item.get("value", item) if isinstance(item, dict) else item
            if isinstance(value, dict):
                tree.append(
                    {
                        # Numbered parents first, as the list reads: the diagram shows the same numbers.
                        "number": next(numbers),
                        "text": value.get("text", ""),
                        "capital": value.get("capital", ""),
                        "linked_story": linked.get(value.get("linked_story")),
                        "led_to": build(value.get("led_to")),
                    }
                )
        return tree

    return build(raw_ripples)


# The diagram's geometry, in SVG user units: the gap between rings, and the largest node.
RING_GAP = 48
NODE_RADIUS = 14
CENTRE_RADIUS = 16


def ripple_diagram(tree):
    """A story's ripple map as concentric rings: the activity at the centre, each ripple on the
    ring of its step away from it, joined to what it came from.

    Each ripple gets an arc of its parent's arc in proportion to how many ripples end below
    it, so a branch's ripples stay together. Returns None for a map without ripples.
    """
    if not tree:
        return None
    nodes, links = [], []
    depth_counts = Counter()

    def leaves(ripple):
        return sum(leaves(child) for child in ripple["led_to"]) or 1

    def place(ripples, start, span, depth, parent):
        total = sum(leaves(ripple) for ripple in ripples)
        for ripple in ripples:
            share = span * leaves(ripple) / total
            angle = start + share / 2
            x = round(depth * RING_GAP * math.cos(angle), 1)
            y = round(depth * RING_GAP * math.sin(angle), 1)
            depth_counts[depth] += 1
            links.append((parent[0], parent[1], x, y))
            nodes.append({"x": x, "y": y, "number": ripple["number"], "capital": ripple["capital"]})
            if ripple["led_to"]:
                place(ripple["led_to"], start, share, depth + 1, (x, y))
            start += share

    place(tree, -math.pi / 2, 2 * math.pi, 1, (0, 0))
    depth = max(depth_counts)
    # Nodes shrink when a ring is crowded, so neighbours on the same ring do not overlap.
    spacing = min(2 * math.pi * ring * RING_GAP / count for ring, count in depth_counts.items())
    radius = max(4, min(NODE_RADIUS, round(spacing / 2.4)))
    extent = depth * RING_GAP + radius + 4
    return {
        "view_box": f"{-extent} {-extent} {2 * extent} {2 * extent}",
        "rings": [ring * RING_GAP for ring in range(1, depth + 1)],
        "links": links,
        "nodes": nodes,
        "node_radius": radius,
        "show_numbers": radius >= 10,
        "centre_radius": CENTRE_RADIUS,
        "ripple_count": len(nodes),
        "ring_count": depth,
        "per_ring": [depth_counts[ring] for ring in range(1, depth + 1)],
    }
