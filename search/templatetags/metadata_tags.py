"""The <head> metadata of every page: description, Open Graph and schema.org JSON-LD."""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Page

from core.images.renditions import rendition
from core.site_address import absolute_url, page_url
from search.results import summary_of

register = template.Library()

# Escape what could close the <script> element or start markup: the same table json_script uses.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# The picture links to a page without one of its own show (tools/share_image.py draws it).
DEFAULT_SHARE_IMAGE = "brand/share.png"
DEFAULT_SHARE_SIZE = (1200, 630)


def _image_of(page):
    return getattr(page, "lead_image", None) or getattr(page, "image", None)


def default_share_image():
    """The site's share image: its absolute address, size and description."""
    width, height = DEFAULT_SHARE_SIZE
    return {
        "image_url": absolute_url(static(DEFAULT_SHARE_IMAGE)),
        "image_width": width,
        "image_height": height,
        "image_alt": _("Connected Communities"),
    }


@register.inclusion_tag("search/includes/page_meta.html", takes_context=True)
def page_meta(context, page=None):
    """Description, Open Graph tags and, where a schema.org type fits, JSON-LD for a page."""
    request = context.get("request")
    if not isinstance(page, Page):  # error pages and plain views may have no page, or a string
        return {"page": None, **default_share_image()}
    page = getattr(page, "specific_deferred", page)
    description = page.search_description or summary_of(page)
    image = _image_of(page)
    shared = rendition(image, "share") if image is not None else None
    if shared is not None:
        share = {
            "image_url": absolute_url(shared.url),
            "image_width": shared.width,
            "image_height": shared.height,
            "image_alt": getattr(page, "lead_image_alt_text", "") or "",
        }
    else:
        share = default_share_image()
    url = page_url(page, request)
    is_story = page._meta.label == "stories.StoryPage"
    json_ld = None
    if is_story:
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": page.title,
            "description": description,
            "url": url,
            "inLanguage": page.locale.language_code,
            "datePublished": (page.first_published_at or page.last_published_at).isoformat()
            if page.first_published_at or page.last_published_at
            else None,
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
            "author": {"@type": "Organization", "name": page.told_by},
        }
        if shared is not None:  # the story's own picture, not the site's
            data["image"] = share["image_url"]
        json_ld = mark_safe(json.dumps({k: v for k, v in data.items() if v}).translate(_JSON_ESCAPES))
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": description,
        "url": url,
        **share,
        "og_type": "article" if is_story else "website",
        "json_ld": json_ld,
    }


@register.simple_tag
def og_locale(language_code):
    return format_html("{}", (language_code or "en").replace("-", "_"))


@register.simple_tag(takes_context=True)
def canonical_link(context, page):
    """The page's own address in the visitor's language (stand-ins point to the original instead)."""
    if not isinstance(page, Page):
        return ""
    url = page_url(page, context.get("request"))
    return format_html('<link rel="canonical" href="{}">', url) if url else ""
