"""The shared page cache never shows a consultation in a stage it has left."""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

import pytest

from consultations.factories import ConsultationPageFactory


@pytest.fixture
def page_cache_on():
    from django.core.cache import cache

    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


def test_a_page_about_to_change_stage_is_not_stored(client, index_page, page_cache_on):
    soon = ConsultationPageFactory(
        parent=index_page, opens_at=timezone.now() + timedelta(minutes=2), closes_at=timezone.now() + timedelta(days=9)
    )
    client.get("/")  # the first request creates the site's contact settings, a content save
    first = client.get(soon.url)
    assert "Upcoming" in first.content.decode()
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in client.get(soon.url)


def test_a_page_far_from_a_change_is_cached(client, index_page, page_cache_on):
    later = ConsultationPageFactory(
        parent=index_page, opens_at=timezone.now() + timedelta(days=2), closes_at=timezone.now() + timedelta(days=9)
    )
    client.get("/")  # the first request creates the site's contact settings, a content save
    assert client.get(later.url)["X-Page-Cache"] == "miss"
    assert client.get(later.url)["X-Page-Cache"] == "hit"


def test_listing_and_home_are_not_stored_just_before_a_closing(client, index_page, page_cache_on):
    ConsultationPageFactory(
        parent=index_page, opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() + timedelta(minutes=1)
    )
    client.get("/")
    for _ in range(2):
        assert "X-Page-Cache" not in client.get(index_page.url)
        assert "X-Page-Cache" not in client.get("/")


def test_confirmation_pages_are_never_stored(client, consultation, page_cache_on):
    from consultations.factories import CommentFactory

    comment = CommentFactory(consultation=consultation, confirmed_at=None, text="My own words")
    url = f"/consultations/confirm/{comment.confirmation_token}/"
    client.get(url)
    client.cookies.clear()
    response = client.get(url)
    assert "X-Page-Cache" not in response


def test_kept_comments_and_counts_follow_every_moderation_decision_at_once(client, consultation, moderator):
    """The published comments and their count are fragments kept until the next change."""
    from consultations.factories import CommentFactory
    from consultations.models import Comment
    from consultations.moderation import approve, reject

    CommentFactory(consultation=consultation, text="Keep the bandstand open.")
    waiting = CommentFactory(
        consultation=consultation, text="More benches by the river.", moderation_state=Comment.ModerationState.PENDING
    )
    html = client.get(consultation.url).content.decode()
    assert "1 published comment" in html and "More benches" not in html

    approve([waiting], moderator)
    html = client.get(consultation.url).content.decode()
    assert "2 published comments" in html and "More benches by the river." in html

    reject([waiting], "Duplicate", moderator)
    html = client.get(consultation.url).content.decode()
    assert "1 published comment" in html and "More benches" not in html
