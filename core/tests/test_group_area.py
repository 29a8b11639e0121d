"""Ending a group area's sessions on erasure reads only the sessions that signed in with that address."""

from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.models import Session
from django.test import RequestFactory

import pytest

from core.group_area import GroupArea
from core.models import GroupAreaSession, UsedSignedLink

pytestmark = pytest.mark.django_db

AREA = GroupArea(
    purpose="test-area",
    session_key="test_group_email",
    link_url_name="fund:sign_in_link",
    email_template="fund/emails/sign_in_link",
    used_links=UsedSignedLink,
)
OTHER_AREA = GroupArea(
    purpose="other-test-area",
    session_key="other_group_email",
    link_url_name="fund:sign_in_link",
    email_template="fund/emails/sign_in_link",
    used_links=UsedSignedLink,
)


def signed_in(area, email):
    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    area.sign_in(request, email)
    request.session.save()
    return request.session.session_key


def test_erasure_ends_the_addresses_sessions_and_no_one_elses():
    first = signed_in(AREA, "group@example.org")
    second = signed_in(AREA, "Group@Example.org")
    other_email = signed_in(AREA, "someone.else@example.org")
    other_area = signed_in(OTHER_AREA, "group@example.org")
    AREA.forget_sessions("GROUP@example.org")
    remaining = set(Session.objects.values_list("session_key", flat=True))
    assert first not in remaining and second not in remaining
    assert other_email in remaining and other_area in remaining
    assert Session.objects.get(session_key=other_email).get_decoded()["test_group_email"] == "someone.else@example.org"


def test_erasure_reads_only_the_recorded_sessions(monkeypatch, django_assert_max_num_queries):
    for number in range(20):
        signed_in(AREA, f"group{number}@example.org")
    signed_in(AREA, "erased@example.org")
    decoded = []
    decode = SessionBase.decode
    monkeypatch.setattr(SessionBase, "decode", lambda self, data: decoded.append(data) or decode(self, data))
    with django_assert_max_num_queries(6):
        AREA.forget_sessions("erased@example.org")
    assert len(decoded) == 1  # the erased address's one session, not the other twenty
    assert Session.objects.count() == 20


def test_the_address_is_recorded_only_as_a_hash():
    signed_in(AREA, "group@example.org")
    record = GroupAreaSession.objects.get()
    assert "group" not in record.email_hash and len(record.email_hash) == 64


def test_signing_out_drops_the_record():
    request = RequestFactory().get("/")
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    AREA.sign_in(request, "group@example.org")
    assert GroupAreaSession.objects.filter(session_key=request.session.session_key).exists()
    AREA.sign_out(request)
    assert not GroupAreaSession.objects.exists()
