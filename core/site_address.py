"""The site's one public address (settings.SITE_URL) and every absolute URL built from it.

Emails, feeds, the sitemap, canonical and Open Graph links, hreflang alternates, the API and
the open-data downloads name pages by absolute URL. They are all built here, from the
setting: never from the request's Host header (behind a proxy that is an internal name, or
a port the visitor never saw) nor from a Wagtail Site row (which Wagtail's first migration
creates as localhost:80). `apply_to_default_site` keeps that row in step, after every
`migrate`, for what Wagtail itself reads from it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core import checks

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_url():
    """The public address, scheme and host (and port when it is not the scheme's), no slash at the end."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(url):
    """A path on this site ("/stories/") as an absolute URL; an absolute URL, or None, is left as it is."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:  # another site's address, or a file on a CDN
        return url
    return site_url() + ("" if url.startswith("/") else "/") + url


def page_url(page, request=None):
    """A page's absolute URL in its own language, or None when it is not routable."""
    return absolute_url(page.get_url(request))


class SiteAddressFeed(Feed):
    """Django's feed, with its own address on SITE_URL; subclasses give absolute links too.

    Django makes a relative link absolute with the request's host, so `link` and
    `item_link` return absolute_url(...) / page_url(...) themselves.
    """

    def get_object(self, request, *args, **kwargs):
        # The request is the feed's object only so that feed_url can name the feed's path.
        return request

    def feed_url(self, request):
        return absolute_url(request.path)


def hostname_and_port():
    parts = urlsplit(site_url())
    return parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def apply_to_default_site(using="default", **kwargs):
    """Give the default Site the hostname and port of SITE_URL; idempotent.

    Connected to post_migrate, so `make setup` and every deployment's `migrate` run it.
    Saving the Site starts a new cache generation (core/caching/page_cache.py), and Wagtail clears
    its cached site root paths, so no server keeps an answer naming the old address.
    """

    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return None
    site.hostname, site.port = hostname_and_port()
    site.save(using=using)
    return site


@checks.register(checks.Tags.compatibility)
def check_site_url(app_configs, **kwargs):
    """SITE_URL is a bare address, and Wagtail's own base URLs are the same address."""
    errors = []
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path.strip("/") or parts.query:
        errors.append(
            checks.Error(
                f"SITE_URL must be the site's address, scheme and host only (and :port), not {settings.SITE_URL!r}.",
                hint="For example https://connected-communities.example or http://127.0.0.1:8000.",
                id="core.E101",
            )
        )
    elif parts.scheme == "https" and (parts.port or 443) != 443:
        errors.append(
            checks.Warning(
                "Wagtail's Site row cannot say https on a port other than 443: links Wagtail builds from it "
                "(the API's html_url, the admin's live links) will say http.",
                hint="Serve https on 443, or accept those links; every other link uses SITE_URL.",
                id="core.W103",
            )
        )
    for name in ("WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL"):
        if getattr(settings, name, None) != settings.SITE_URL:
            errors.append(
                checks.Error(
                    f"{name} differs from SITE_URL: links would name two addresses.",
                    hint=f"Set SITE_URL only; the settings derive {name} from it.",
                    id="core.E102",
                )
            )
    return errors
