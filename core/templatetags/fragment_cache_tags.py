"""{% generation_cache %}: rendered HTML shared by every visitor, kept until the next publication.

Parts of a page that every visitor sees the same way (the home page's pledge roll-up, the
story listing's filter form) cost more to render than the rest of the page. Their HTML is
kept under the page cache's generation (core/caching/routing.py: cached), so any
publication, or any saved theme, place, story or pledge, makes every entry stale at once.
The key also holds the language, the host and the given values, so a fragment that shows a
selection is kept once per selection.

Only for content that is the same for every visitor: never wrap anything with a CSRF
token, a user's name, a pending comment or a draft. Previews (Wagtail's, and a story
group's private preview of an edited story) render without the cache.

    {% generation_cache "story-filters" filters.data.theme filters.data.place %}...{% endgeneration_cache %}
"""

import hashlib

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

from core.caching.routing import cached

register = template.Library()


def fragment_key(request, name, vary_on):
    varies = hashlib.md5(repr([str(value) for value in vary_on]).encode(), usedforsecurity=False).hexdigest()
    language = translation.get_language() or ""
    return f"fragment:{name}:{language}:{request.get_host()}:{varies}"


class GenerationCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False) or context.get("is_private_preview"):
            return self.nodelist.render(context)
        key = fragment_key(request, self.name.resolve(context), [value.resolve(context) for value in self.vary_on])
        return mark_safe(cached(key, lambda: str(self.nodelist.render(context))))


@register.tag
def generation_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    nodelist = parser.parse(("endgeneration_cache",))
    parser.delete_first_token()
    return GenerationCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
