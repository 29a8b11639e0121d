"""Who the visitor is, behind the proxies the operator trusts and no others.

The same requests through the real nginx and gunicorn: tests/deployment/test_behind_a_proxy.py.
"""

from django.core.cache import cache
from django.test import RequestFactory, override_settings

import core.public_forms.rate_limits as ratelimit
from core.client_address import client_address

PROXY = "10.0.0.5"


def request_from(peer, forwarded_for=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return RequestFactory().post("/", REMOTE_ADDR=peer, **extra)


def test_without_trusted_proxies_the_header_is_never_read():
    assert client_address(request_from(PROXY, "203.0.113.7")) == PROXY


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_visitor_is_the_address_it_appended():
    # nginx appends $remote_addr to whatever the visitor sent.
    assert client_address(request_from(PROXY, "203.0.113.7")) == "203.0.113.7"
    assert client_address(request_from(PROXY, "198.51.100.1, 203.0.113.7")) == "203.0.113.7"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_visitor_is_two_hops_before_the_app():
    assert client_address(request_from(PROXY, "forged, 203.0.113.7, 192.0.2.1")) == "203.0.113.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
def test_a_forged_header_from_a_peer_outside_the_trusted_networks_changes_nothing():
    assert client_address(request_from("198.51.100.9", "203.0.113.7")) == "198.51.100.9"
    assert client_address(request_from(PROXY, "203.0.113.7")) == "203.0.113.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
def test_a_request_straight_from_the_proxy_without_a_header_is_the_proxy():
    assert client_address(request_from(PROXY)) == PROXY


@override_settings(TRUSTED_PROXY_COUNT=1, PUBLIC_FORM_RATE_LIMIT=2)
def test_visitors_behind_one_proxy_are_limited_separately():
    cache.clear()
    for _ in range(2):
        assert ratelimit.hit(request_from(PROXY, "203.0.113.7"), "comment") is False
    assert ratelimit.hit(request_from(PROXY, "203.0.113.7"), "comment") is True
    assert ratelimit.hit(request_from(PROXY, "203.0.113.8"), "comment") is False
    cache.clear()
