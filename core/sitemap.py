"""sitemap.xml: every live, public page in every language it is published in.

Wagtail's own sitemap walks the tree under the site's root page, which is the English
home page; each translation of the site lives in a tree of its own (the Polish home page
and everything under it), so those trees are walked too. Each entry names its language
versions as hreflang alternates, the same ones the page's <head> lists; a page with addresses
of its own below it (the strategy's chapters, `sitemap_subpages()`) has them listed too. Addresses are on
SITE_URL (core/site_address.py), not on the Site row Wagtail's own sitemap reads.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from core.caching.routing import public_pages
from core.site_address import page_url


class MultilingualSitemap(Sitemap):
    def site_pages(self):
        """Live, public pages under the site's root page or any of its translations."""
        root = self.get_wagtail_site().root_page
        trees = Q()
        for path in root.get_translations(inclusive=True).values_list("path", flat=True):
            trees |= Q(path__startswith=path)
        return public_pages(Page.objects.filter(trees).live())

    def items(self):
        return self.site_pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        alternates = self.alternates_by_location()
        urls = []
        subpages = []
        for item in self.paginator.page(page).object_list.iterator():
            location = page_url(item, self.request)
            # As Wagtail's own sitemap: the last publication, else the latest revision.
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append({"location": location, "lastmod": lastmod, "alternates": alternates.get(location, [])})
            # A page with addresses of its own below it (the strategy's chapters) lists them as
            # (key, suffix); a key names the same sub-page in every translation of the page.
            if location and hasattr(item, "sitemap_subpages"):
                for key, suffix in item.sitemap_subpages():
                    subpages.append(((item.translation_key, key), item.locale_id, location + suffix, lastmod))
        urls += self.subpage_urls(subpages)
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def subpage_urls(self, subpages):
        """Entries for sub-page addresses, each naming the same sub-page in its other languages."""
        if not subpages:
            return []
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        versions = defaultdict(list)
        for group, locale_id, location, _lastmod in subpages:
            versions[group].append((languages[locale_id], location))
        urls = []
        for group, _locale_id, location, lastmod in subpages:
            links = [{"lang_code": code, "location": loc} for code, loc in sorted(versions[group])]
            links += [
                {"lang_code": "x-default", "location": loc}
                for code, loc in versions[group]
                if code == settings.LANGUAGE_CODE
            ]
            urls.append({"location": location, "lastmod": lastmod, "alternates": links})
        return urls

    def alternates_by_location(self):
        """{page address: [{lang_code, location}, ...]} for every page, in one query."""
        versions = defaultdict(list)
        pages = self.site_pages().select_related("locale").only("path", "url_path", "translation_key", "locale")
        for page in pages.order_by("locale__language_code"):
            versions[page.translation_key].append((page.locale.language_code, page_url(page, self.request)))
        alternates = {}
        for group in versions.values():
            links = [{"lang_code": code, "location": location} for code, location in group]
            links += [
                {"lang_code": "x-default", "location": loc} for code, loc in group if code == settings.LANGUAGE_CODE
            ]
            for _code, location in group:
                alternates[location] = links
        return alternates
