"""Breadcrumbs from the parents that routing already loaded, so they cost no query."""

from django import template

from core.caching.wagtail_adapter import known_parent

register = template.Library()


@register.simple_tag
def breadcrumb_trail(page):
    """The page's ancestors below the tree's root, top first.

    Routing leaves each page's parent on it (the parent treebeard's get_parent would answer);
    a page reached some other way (a preview) asks the database.
    """
    trail = []
    node = page
    while node.depth > 2:
        node = known_parent(node)
        if node is None:
            return list(page.get_ancestors().filter(depth__gt=1))
        trail.append(node)
    return trail[::-1]
