"""The only place that touches Wagtail's (and treebeard's) private per-request caches.

The cached routing (core/caching/routing.py) answers from the page cache what Wagtail would
otherwise ask the database on every request. Wagtail has no public way to be told those
answers, but it memoises each one on an object under a private attribute and reads it back
from there; so the routing hands its answers over by setting those attributes, here and
nowhere else. Each function mirrors one attribute of Wagtail 8.0.1 (django-treebeard 5.3.1 for
the parent) and names the source it mirrors. core/tests/test_wagtail_adapter.py sets each one
through this module, then calls Wagtail's public API and asserts Wagtail used it without a
query: if an upgrade renames or stops reading an attribute, that test fails, instead of the
site silently going back to the database (or serving the wrong page).
"""

# Site.find_for_request (wagtail/models/sites.py:150-173) returns request._wagtail_site when
# the request has it, else computes and stores it there.
_SITE = "_wagtail_site"
# Page.route_for_request (wagtail/models/pages.py:546-570), which wagtail.views.serve calls
# (wagtail/views.py:20),
# returns request._wagtail_route_for_request when the request has it.
_ROUTE = "_wagtail_route_for_request"
# Page._get_site_root_paths (wagtail/models/pages.py:1381-1398), behind get_url_parts, get_url
# and pageurl, reads cache_object._wagtail_cached_site_root_paths (the request) first.
_SITE_ROOT_PATHS = "_wagtail_cached_site_root_paths"
# treebeard MP_Node.get_parent (treebeard/mp_tree.py:966-983) returns self._cached_parent_obj
# when set; Wagtail's own Page.route sets it the same way (wagtail/models/pages.py:979).
_PARENT = "_cached_parent_obj"


def remember_site(request, site):
    """Site.find_for_request(request) will answer `site` (which may be None) without a query."""
    setattr(request, _SITE, site)


def site_is_known(request):
    """Whether Site.find_for_request(request) would answer without a query."""
    return hasattr(request, _SITE)


def remember_route(request, route):
    """Page.route_for_request (so Wagtail's serve view) will use `route`: (page, args, kwargs) or None."""
    setattr(request, _ROUTE, route)


def remember_site_root_paths(request, site_root_paths):
    """Page URLs built for this request use these Site.get_site_root_paths() without a lookup."""
    setattr(request, _SITE_ROOT_PATHS, site_root_paths)


def forget_routing(request):
    """Drop whatever was remembered on the request, so Wagtail computes it again itself."""
    for attribute in (_SITE, _SITE_ROOT_PATHS, _ROUTE):
        request.__dict__.pop(attribute, None)


def remember_parent(page, parent):
    """page.get_parent() will answer `parent` without a query (as Wagtail's Page.route leaves it)."""
    setattr(page, _PARENT, parent)


def known_parent(page):
    """The parent a router left on `page`, or None if it has to be asked of the database."""
    return getattr(page, _PARENT, None)
