"""The groups' areas share one sign-in mechanism (core/group_area.py) but never each other's links or sessions."""

from django.core import mail
from django.urls import reverse

import pytest

from core.group_area import safe_next
from fund import group_access as fund_access
from stories import group_access as stories_access

pytestmark = pytest.mark.django_db


def test_each_app_decides_who_may_get_a_link():
    assert stories_access.send_sign_in_link("never.sent.a.story@example.org") is False
    assert not mail.outbox
    assert fund_access.AREA.send_sign_in_link("wants.to.apply@example.org") is True
    assert mail.outbox[0].to == ["wants.to.apply@example.org"]
    assert "/fund/apply/sign-in/" in mail.outbox[0].body


def test_a_stories_link_does_not_sign_anyone_in_to_the_fund(client):
    token = stories_access.LINK.make({"email": "group@example.org", "next": ""})
    response = client.get(reverse("fund:sign_in_link", args=[token]))
    assert response.status_code == 400
    assert client.get(reverse("fund:mine")).status_code == 302


def test_a_fund_link_does_not_sign_anyone_in_to_stories(client, story_index):
    token = fund_access.AREA.link.make({"email": "group@example.org", "next": ""})
    assert client.get(reverse("stories:sign_in_link", args=[token])).status_code == 400


def test_signed_in_to_the_fund_is_not_signed_in_to_stories(client, story_index):
    token = fund_access.AREA.link.make({"email": "group@example.org", "next": ""})
    assert client.get(reverse("fund:sign_in_link", args=[token])).status_code == 302
    assert client.get(reverse("fund:mine")).status_code == 200
    assert client.get(reverse("stories:mine")).status_code == 302


def test_signing_in_gives_a_fresh_session_id(client):
    client.get(reverse("fund:sign_in"))
    client.session.save()
    before = client.session.session_key
    token = fund_access.AREA.link.make({"email": "group@example.org", "next": ""})
    client.get(reverse("fund:sign_in_link", args=[token]))
    assert client.session.session_key != before


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/fund/apply/start/3/", "/fund/apply/start/3/"),
        ("//evil.example/fund/apply/", None),
        ("https://evil.example/fund/apply/", None),
        ("/admin/", None),
        ("", None),
    ],
)
def test_only_a_path_inside_the_area_is_followed(next_url, expected):
    assert safe_next(next_url, "/fund/apply/") == expected
