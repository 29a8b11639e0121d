"""Wagtail still reads what core/caching/wagtail_adapter.py hands it.

The cached routing gives Wagtail its answers (site, route, site root paths, parent page) by
setting the private attributes Wagtail memoises them under. Each test sets one through the
adapter, then calls Wagtail's public API and checks that Wagtail answered with it, without a
query. After a Wagtail or treebeard upgrade that renames or stops reading one of them, these
fail, naming the attribute; the site would otherwise quietly go back to the database on every
request (the query budgets in tests/performance would catch that only as a count).
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

import pytest

from core.caching import wagtail_adapter


def test_site_find_for_request_answers_the_remembered_site_without_a_query(rf, home, django_assert_num_queries):
    assert Site.find_for_request(rf.get("/")).root_page_id == home.pk  # what the database says
    request = rf.get("/")
    assert not wagtail_adapter.site_is_known(request)
    elsewhere = Site(hostname="elsewhere.example", root_page=home)
    wagtail_adapter.remember_site(request, elsewhere)
    assert wagtail_adapter.site_is_known(request)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is elsewhere, "Wagtail no longer reads request._wagtail_site"


def test_wagtails_serve_view_follows_the_remembered_route_without_a_query(rf, story_index, django_assert_num_queries):
    assert Page.route_for_request(rf.get("/stories/"), "/stories/")[0] == story_index  # what the tree says
    request = rf.get("/stories/")
    request.user = AnonymousUser()
    route = (story_index.get_parent(), [], {})
    wagtail_adapter.remember_route(request, route)
    with django_assert_num_queries(0):
        assert Page.route_for_request(request, "/stories/") is route, (
            "Wagtail no longer reads request._wagtail_route_for_request"
        )
    # The serve view goes through the same door: told there is no page, it answers 404
    # for an address that exists.
    wagtail_adapter.remember_route(request, None)
    with django_assert_num_queries(0), pytest.raises(Http404):
        wagtail_views.serve(request, "/stories/")


def test_page_addresses_use_the_remembered_site_root_paths_without_a_query(rf, story_index, django_assert_num_queries):
    real = Site.get_site_root_paths()[0]
    request = rf.get("/")
    wagtail_adapter.remember_site_root_paths(request, [real._replace(root_url="https://elsewhere.example")])
    with django_assert_num_queries(0):
        address = story_index.get_full_url(request)
    assert address.startswith("https://elsewhere.example/"), (
        "Wagtail no longer reads request._wagtail_cached_site_root_paths"
    )
    assert address.endswith("/stories/")


def test_get_parent_answers_the_remembered_parent_without_a_query(story_index, django_assert_num_queries):
    page = Page.objects.get(pk=story_index.pk)
    assert wagtail_adapter.known_parent(page) is None
    stand_in = Page(title="Stand-in parent")
    wagtail_adapter.remember_parent(page, stand_in)
    with django_assert_num_queries(0):
        assert page.get_parent() is stand_in, "treebeard no longer reads page._cached_parent_obj"
    assert wagtail_adapter.known_parent(page) is stand_in


def test_wagtails_own_routing_leaves_the_parent_where_known_parent_finds_it(rf, story_index):
    """Breadcrumbs read the parent routing left; Wagtail's Page.route leaves it the same way."""
    home = Page.objects.get(pk=story_index.get_parent().pk)  # plain Page: Wagtail's route, not ours
    page, _args, _kwargs = home.route(rf.get("/stories/"), ["stories"])
    assert wagtail_adapter.known_parent(page) == home


def test_forgotten_routing_is_worked_out_by_wagtail_again(rf, home):
    request = rf.get("/")
    wagtail_adapter.remember_site(request, None)
    wagtail_adapter.remember_route(request, None)
    wagtail_adapter.remember_site_root_paths(request, [])
    wagtail_adapter.forget_routing(request)
    assert not wagtail_adapter.site_is_known(request)
    assert Site.find_for_request(request).root_page_id == home.pk
    assert Page.route_for_request(request, "/")[0] == home
    assert home.get_full_url(request) is not None
