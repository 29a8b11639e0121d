"""Read-API fields shared by the page types: links to other pages, never to unpublished ones."""

from rest_framework import serializers

from core.caching.routing import is_public, public_pages
from core.site_address import page_url


def page_link(page, request=None):
    """What a partner needs to follow a link to another page: its id, title, slug and address."""
    return {"id": page.pk, "title": page.title, "slug": page.slug, "url": page_url(page, request)}


def public_page_link(page, request=None):
    """`page_link` for a live page outside any private section, else None (a draft is never named)."""
    if page is None or not page.live or not is_public(page):
        return None
    return page_link(page, request)


class PublicPageLinksField(serializers.Field):
    """A many-to-many of pages, as links to those that are live and public, by title."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, pages):
        request = self.context.get("request")
        return [page_link(page, request) for page in public_pages(pages.live()).order_by("title")]
