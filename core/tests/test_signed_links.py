"""core.signed_links: one way to make and read signed, expiring, optionally single-use links."""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

import pytest
import time_machine

from core.signed_links import SignedLink
from stories.models import UsedSignInLink

REUSABLE = SignedLink("test-signed-links-reusable", 60)
ONCE = SignedLink("test-signed-links-once", 60, used_links=UsedSignInLink)
OTHER = SignedLink("test-signed-links-other", 60)


def test_a_link_reads_back_its_payload_until_it_expires():
    token = REUSABLE.make({"email": "sam@example.org"})
    assert REUSABLE.read(token) == {"email": "sam@example.org"}
    assert REUSABLE.read(token) == {"email": "sam@example.org"}  # not single-use
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        assert REUSABLE.read(token) is None


def test_a_tampered_forged_or_other_purpose_link_is_refused():
    token = REUSABLE.make({"email": "sam@example.org"})
    assert REUSABLE.read(token[:-2] + ("xx" if not token.endswith("xx") else "yy")) is None
    assert REUSABLE.read("sam@example.org:abc:def") is None
    assert REUSABLE.read(OTHER.make({"email": "sam@example.org"})) is None


def test_a_single_use_link_works_once_and_its_twin_still_works(db):
    first, second = ONCE.make({"email": "sam@example.org"}), ONCE.make({"email": "sam@example.org"})
    assert first != second
    assert ONCE.read(first)["email"] == "sam@example.org"
    assert ONCE.read(first) is None
    assert ONCE.read(second)["email"] == "sam@example.org"


def test_two_kinds_of_link_cannot_share_a_purpose():
    with pytest.raises(ImproperlyConfigured):
        SignedLink("test-signed-links-reusable", 3600)
