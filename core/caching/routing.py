"""What every page view asks the database the same way, answered from the cache instead.

Wagtail, on every request, finds the Site, the home page in the visitor's language, the
section page below it, and the view restrictions above the page; the language switcher
then looks up the page's translations. None of these change between publications, so
they are kept under the page cache's generation (core/caching/page_cache.py), in the shared cache
and in each worker's own memory: publishing, unpublishing, moving or deleting a page, or
saving a site, locale or view restriction, starts a new generation, and every entry here
is read fresh from then on. That takes six to eight queries off every page view, cached
or not by the page cache, and leaves one shared-cache round trip: the generation.

Only public facts are kept: which pages exist and are live, and their addresses. A page
behind a view restriction is still checked against the restriction on every request.
"""

from django.db import DatabaseError
from django.db.models import F, Q
from django.http import Http404
from django.utils import translation

from wagtail.models import Locale, Page, PageViewRestriction, Site

from core.caching import wagtail_adapter
from core.caching.page_cache import current_generation, page_cache, worker_cache

TIMEOUT = 60 * 60


def cached(key, compute, timeout=TIMEOUT):
    """`compute()`, a value from published content, kept until the next publication.

    For any app. Kept in this worker's memory, then in the shared cache.

    The key names the generation, so a copy a worker holds is never out of date: after a
    publication every key is new. Only the generation itself is read from the shared cache
    on every request. Both layers store a pickled copy, so no request sees another's changes
    to a cached object.
    """
    full_key = f"serving:{current_generation()}:{key}"
    local = worker_cache()
    value = local.get(full_key)
    if value is None:
        shared = page_cache()
        value = shared.get(full_key)
        if value is None:
            value = compute()
            if value is None:
                return None
            shared.set(full_key, value, timeout)
        local.set(full_key, value, timeout)
    return value


def site_for_request(request):
    """Site.find_for_request, from the cache; also primes the request for Wagtail's own calls."""
    if not wagtail_adapter.site_is_known(request):
        key = f"site:{request.get_host()}:{request.get_port()}"
        wagtail_adapter.remember_site(request, cached(key, lambda: Site.find_for_request(request)))
    return Site.find_for_request(request)


def localized_root(site):
    """The site's home page in the active language, as its specific class."""
    language = translation.get_language() or ""
    return cached(f"root:{site.pk}:{language}", lambda: site.root_page.localized.specific)


def cached_section(root, slug):
    """A child of the home page (a section: strategy, stories...) by slug, specific, or None.

    The slugs of the home page's children are one cache entry, so an unknown address costs
    no query and adds no entry; each section page is an entry of its own.
    """
    sections = cached(f"sections:{root.pk}", lambda: dict(root.get_children().values_list("slug", "pk")))
    if slug not in sections:
        return None
    child = cached(f"section:{sections[slug]}", lambda: Page.objects.get(pk=sections[slug]).specific)
    wagtail_adapter.remember_parent(child, root)
    return child


class CachedRoutingMiddleware:
    """Routes Wagtail page requests from the cached site, home page and sections.

    Placed after LocaleMiddleware so the visitor's language is known. Hands the answers to
    Wagtail through core/caching/wagtail_adapter.py, so Site.find_for_request,
    Page.route_for_request (the serve view), hooks and template tags use them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            site = site_for_request(request)
            # Wagtail reads the site root paths from the request when they are there: one
            # lookup per request instead of a shared-cache round trip per page URL.
            wagtail_adapter.remember_site_root_paths(request, cached("site-root-paths", Site.get_site_root_paths))
            match = request.resolver_match
            if site is not None and match is not None and match.url_name == "wagtail_serve":
                self.route(request, site, view_args, view_kwargs)
        except DatabaseError:
            # Let the view meet the outage, where DatabaseUnavailableMiddleware answers 503.
            wagtail_adapter.forget_routing(request)
        return None

    def route(self, request, site, view_args, view_kwargs):
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        try:
            route = localized_root(site).route(request, [component for component in path.split("/") if component])
        except Http404:
            route = None
        wagtail_adapter.remember_route(request, route)


class CachedSectionRoutingMixin:
    """For the home page: its children come from the cache, not two queries per request."""

    def route(self, request, path_components):
        if path_components:
            child = cached_section(self, path_components[0])
            if child is None:
                raise Http404
            return child.route(request, path_components[1:])
        return super().route(request, path_components)


# View restrictions -------------------------------------------------------------------------


def restricted_paths():
    """[(path, restriction)] for every view restriction on the site: usually none."""
    return cached(
        "restrictions",
        lambda: [
            (restriction.page_path, restriction)
            for restriction in PageViewRestriction.objects.annotate(page_path=F("page__path")).order_by("page_path")
        ],
    )


def restrictions_above(page):
    return [restriction for path, restriction in restricted_paths() if page.path.startswith(path)]


def private_q():
    """Matches pages in a private section, like PageQuerySet.private_q() but without its query."""
    q = Q()
    for path, _restriction in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


class CachedViewRestrictionsMixin:
    """The restrictions on a page and its ancestors, from the cache (Wagtail asks twice per view)."""

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        # A queryset, as Wagtail's callers expect (copy_page calls .exists()). With no
        # restriction above the page, the usual case, it is empty without asking the database.
        ids = [restriction.pk for restriction in restrictions_above(self)]
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()


# Is this page public? The site's one answer, for a page and for a queryset: outside every
# section with a view restriction (on the page itself or an ancestor), from the cached
# restrictions, so asking costs no query between publications. Wagtail's own
# PageQuerySet.public() asks the database for the restrictions each time: not used here.


def public_pages(queryset):
    """The pages of `queryset` (of any page type) that no view restriction applies to."""
    return queryset.exclude(private_q())


def is_public(page):
    """True when no view restriction applies to `page`: the page-object form of public_pages."""
    if page.alias_of_id:
        # Serving an alias checks its source's restrictions too (Page.get_view_restrictions).
        return not Page.get_view_restrictions(page).exists()
    return not restrictions_above(page)


def translations_of(page, request):
    """{language code: (page id, url)} for the live translations of `page`, from the cache."""

    def fetch():
        found = page.get_translations(inclusive=True).live().select_related("locale")
        return {version.locale.language_code: (version.pk, version.get_url(request)) for version in found}

    return cached(f"translations:{request.get_host()}:{page.translation_key}", fetch)


def active_locale_id():
    """Locale.get_active().pk, from the cache."""

    return cached(f"locale:{translation.get_language()}", lambda: Locale.get_active().pk)


def cached_in_bulk(model):
    """{pk: object} of a small vocabulary (themes, places), from the cache."""
    return cached(f"in_bulk:{model._meta.label_lower}", lambda: model.objects.in_bulk())
