"""Untranslated pages fall back to the default language instead of a 404.

A visitor at /pl/accessibility-statement/ before anyone has translated that page gets
the English page, with a notice in Polish saying so (base.html shows it whenever the
page's language differs from the visitor's). Only Wagtail's page serving falls back;
every other 404 stays a 404.
"""

from django.conf import settings
from django.http import Http404
from django.utils import translation

from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant

from core.caching import wagtail_adapter
from core.caching.routing import localized_root, site_for_request


class UntranslatedPageFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404):
            return None
        match = request.resolver_match
        if match is None or match.url_name != "wagtail_serve":
            return None
        default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if get_supported_content_language_variant(translation.get_language()) == default_language:
            return None
        path = match.args[0] if match.args else match.kwargs.get("path", "")
        route = route_in_default_language(request, path)
        if route is None:
            return None
        # Wagtail's serve() reuses the route cached on the request, so its hooks
        # (privacy restrictions, on_serve_page) apply to the fallback page as usual.
        wagtail_adapter.remember_route(request, route)
        return wagtail_views.serve(request, path)


def route_in_default_language(request, path):
    """(page, args, kwargs) for `path` in the default language's page tree, or None."""
    site = site_for_request(request)
    if site is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        root = localized_root(site)
    try:
        return root.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None
