"""Wagtail's userbar for signed-in editors, rendered once per editor, page and language (core/templatetags/userbar_tags.py)."""

import re

from django.contrib.auth.models import Group

import pytest

from core.caching.page_cache import invalidate
from core.staff_roles import COMMUNICATIONS_TEAM, MODERATORS

EDIT_LINK = re.compile(r'href="[^"]*/admin/pages/(\d+)/edit/"')


@pytest.fixture
def strategy(strategy_site):
    from strategy.models import StrategyPage

    return StrategyPage.objects.get()


def staff(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def edit_links(response):
    return EDIT_LINK.findall(response.content.decode())


def test_an_editor_sees_the_userbar_for_the_page_they_are_on(client, strategy, django_user_model, warm_caches):
    client.force_login(staff(django_user_model, "editor", COMMUNICATIONS_TEAM))
    warm_caches("/strategy/")
    assert edit_links(client.get("/strategy/")) == [str(strategy.pk)]
    assert edit_links(client.get("/")) == [str(strategy.get_parent().pk)]  # each page its own


def test_a_second_view_renders_no_userbar_again(client, strategy, django_user_model, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff(django_user_model, "editor", COMMUNICATIONS_TEAM))
    client.get("/strategy/")
    invalidate()  # as after a publication: everything rendered afresh
    with CaptureQueriesContext(connection) as first:
        first_view = client.get("/strategy/")
    with CaptureQueriesContext(connection) as second:
        second_view = client.get("/strategy/")
    # Wagtail's permission and preference look-ups for the userbar are not repeated.
    assert len(second) < len(first)
    assert "wagtail_userprofile" not in " ".join(query["sql"] for query in second.captured_queries)
    assert edit_links(second_view) == edit_links(first_view) == [str(strategy.pk)]


def test_each_editor_gets_their_own_userbar(client, strategy, django_user_model):
    editor = staff(django_user_model, "editor", COMMUNICATIONS_TEAM)
    moderator = staff(django_user_model, "moderator", MODERATORS)
    client.force_login(editor)
    assert edit_links(client.get("/strategy/")) == [str(strategy.pk)]
    client.force_login(moderator)  # may not edit the strategy: no edit link, whatever the editor saw
    response = client.get("/strategy/")
    assert b"wagtail-userbar" in response.content
    assert edit_links(response) == []


def test_anonymous_visitors_get_no_userbar(client, strategy):
    assert b"wagtail-userbar" not in client.get("/strategy/").content
