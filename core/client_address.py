"""The visitor's address: the one function every limit, lockout, report count and log uses.

Behind a reverse proxy, REMOTE_ADDR is the proxy's address, not the visitor's; gunicorn's
--forwarded-allow-ips does not change that (it only trusts the scheme header). The visitor's
address is then in X-Forwarded-For, which anyone can also write, so it is read only as far
as the operator says the proxies in front can be trusted:

- TRUSTED_PROXY_COUNT: how many proxies in front of the app each append the address they
  saw to X-Forwarded-For (nginx alone: 1). The visitor is that many hops from the right.
- TRUSTED_PROXIES: the addresses or networks those proxies connect from. When set, a
  request whose peer is not among them is answered by its own REMOTE_ADDR, whatever
  headers it carries (a count of 1 is assumed when only the networks are given).

With neither set (the default), X-Forwarded-For is never read. python-ipware parses the
header and picks the hop; this module only decides whether to ask it.
"""

import ipaddress
from functools import cache

from django.conf import settings

from python_ipware import IpWare


@cache
def _networks(trusted):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


@cache
def _ipware(proxy_count):
    return IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=proxy_count)


def proxy_count():
    count = settings.TRUSTED_PROXY_COUNT
    if not count and settings.TRUSTED_PROXIES:
        return 1
    return count


def _peer_is_trusted(peer):
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not networks:
        return True  # only a count is given: the app is reachable through the proxies alone
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(address.version == network.version and address in network for network in networks)


def client_address(request):
    """The visitor's IP address as text, never trusting a header the proxies did not write."""
    peer = request.META.get("REMOTE_ADDR") or "unknown"
    count = proxy_count()
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").strip()
    if not count or not forwarded or not _peer_is_trusted(peer):
        return peer
    # The peer is the last proxy: put it at the end of the chain the others wrote, so the
    # visitor is `count` hops before it.
    address, _trusted = _ipware(count).get_client_ip({"HTTP_X_FORWARDED_FOR": f"{forwarded}, {peer}"})
    return str(address) if address is not None else peer
