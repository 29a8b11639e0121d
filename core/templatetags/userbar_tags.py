"""Wagtail's userbar for a signed-in editor, rendered once per editor, page and language.

Rendering the userbar is most of the cost of a page an editor views: Wagtail checks the
editor's permissions on the page and its parent, reads their admin preferences and renders
the content checker's configuration, every time. What it shows changes only when the page
tree changes (a publication, a move: the cache generation moves on) or when the editor's
permissions or preferences change, which the short lifetime below covers; every admin
action the userbar links to checks permissions again anyway. Previews, revisions and the
preview panel are rendered as Wagtail renders them.
"""

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar

from core.caching.routing import cached

register = template.Library()

# After a change to an editor's groups or admin preferences, how long the old userbar may show.
USERBAR_SECONDS = 60


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or _rendered_for_one_revision(request):
        return wagtailuserbar(context, position)
    page = get_page_instance(context)
    key = f"userbar:{user.pk}:{getattr(page, 'pk', None)}:{position}:{translation.get_language()}"
    # A str in the cache (a "safe" string pickles as a plain one on some backends).
    return mark_safe(cached(key, lambda: str(wagtailuserbar(context, position)), timeout=USERBAR_SECONDS))


def _rendered_for_one_revision(request):
    return (
        getattr(request, "is_preview", False)
        or getattr(request, "in_preview_panel", False)
        or hasattr(request, "revision_id")
        or getattr(request, "is_dummy", False)
    )
