"""Telling the CDN in front to forget pages and files (Wagtail's frontend-cache module).

Wagtail purges a page's own URLs when it is published or unpublished, and nothing else. A
page deleted outright, the listing that showed it, and files under /media/ (an image's
original and its renditions) stay in the CDN until told, so code that takes something down
for good names them here. Without WAGTAILFRONTENDCACHE backends (the default) this does
nothing.
"""

from urllib.parse import urlsplit

from django.db import transaction

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site


def absolute_urls(url):
    """`url` on every site's address, unless it already names its host (a storage's own domain)."""
    if urlsplit(url).netloc:
        return [url]
    return sorted({site.root_url + url for site in Site.objects.all()})


def image_file_urls(image):
    """Where an image's files are served: the original and every rendition made so far."""
    return [image.file.url, *(rendition.url for rendition in image.renditions.all())]


def purge_after_commit(pages=(), urls=()):
    """Purge these pages' URLs and these URLs once the transaction that removed them commits.

    The URLs are worked out now, while the pages exist: after a deletion they have none. Not
    before the commit: a request in between could put the old answer back in the CDN.
    """
    batch = PurgeBatch()
    batch.add_pages(pages)
    for url in urls:
        batch.add_urls(absolute_urls(url))
    transaction.on_commit(batch.purge)
    return batch.urls


def purge_whole_site_after_commit():
    """Every public page's URLs on every site and in every language, once the change commits.

    For a change that shows on every page (an emergency alert's banner). Wagtail's backends
    purge listed URLs only (none exposes Cloudflare's or CloudFront's "everything"), so this
    lists every live page. URLs served by plain views (feeds, downloads, search) are not
    listed: their copies in the CDN age out by s-maxage. Without WAGTAILFRONTENDCACHE
    backends this does nothing and reads no page.
    """
    from django.conf import settings

    from wagtail.models import Page

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public())
    transaction.on_commit(batch.purge)
    return batch.urls
