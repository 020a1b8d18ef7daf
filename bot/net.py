"""Who is on the other end of a request: the client's address behind trusted proxies.

A server behind a reverse proxy sees the proxy's address for every request: an office
behind one proxy looks like one client, and anything counted "per address" (sign-in
failures, lookups, filings) is counted for all of them together. The proxy appends the
address it saw to ``X-Forwarded-For``. That header is only believed when the request
comes from a proxy listed in ``YS_TRUSTED_PROXIES`` (addresses or networks, separated
by commas): then the client is the right-most address in it that is not itself a
trusted proxy. Anything a client writes into the header itself sits further left and
is never taken, and a client talking to the server directly cannot set it at all.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
#: Longest address text kept (an IPv6 address with a zone is under 64).
ADDRESS_MAX = 64


def parse_trusted_proxies(spec: str | None) -> tuple[Network, ...]:
    """The networks of ``YS_TRUSTED_PROXIES`` (``"10.0.0.5, 172.28.0.0/16"``; empty: none).

    Raises:
        ValueError: an entry is not an address or network (the message names it).
    """
    networks = []
    for item in (spec or "").replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ValueError(f"YS_TRUSTED_PROXIES: {item!r} is not an IP address or network") from None
    return tuple(networks)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip().strip('"')
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # 203.0.113.7:51000
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None, networks: Iterable[Network]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(peer: str | None, forwarded_for: str | None, trusted: Iterable[Network]) -> str:
    """The client's address.

    Args:
        peer: the address the connection comes from.
        forwarded_for: the ``X-Forwarded-For`` header, if any.
        trusted: the proxies whose header is believed (:func:`parse_trusted_proxies`).

    Returns:
        ``peer`` unless it is a trusted proxy; else the right-most address of the
        header that is not a trusted proxy (a malformed entry stops the walk: the
        address right of it is taken). Empty when nothing is known.
    """
    networks = tuple(trusted)
    chosen = (peer or "").strip()
    if not networks or not _trusted(_address(chosen), networks) or not forwarded_for:
        return chosen[:ADDRESS_MAX]
    for hop in reversed(forwarded_for.split(",")):
        address = _address(hop)
        if address is None:
            break
        chosen = str(address)
        if not _trusted(address, networks):
            break
    return chosen[:ADDRESS_MAX]
