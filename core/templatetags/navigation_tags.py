"""Breadcrumbs from the parents that routing already loaded, so they cost no query."""

from django import template

register = template.Library()


@register.simple_tag
def breadcrumb_trail(page):
    """The page's ancestors below the tree's root, top first.

    Routing leaves each page's parent on it (Wagtail's `_cached_parent_obj`, which treebeard's
    get_parent reads); a page reached some other way (a preview) asks the database.
    """
    trail = []
    node = page
    while node.depth > 2:
        node = getattr(node, "_cached_parent_obj", None)
        if node is None:
            return list(page.get_ancestors().filter(depth__gt=1))
        trail.append(node)
    return trail[::-1]
