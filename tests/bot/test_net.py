"""The client's address behind trusted proxies (bot.net)."""
import pytest

from bot.net import client_address, parse_trusted_proxies

PROXIES = parse_trusted_proxies("10.0.0.5, 172.28.0.0/24, ::1")


@pytest.mark.parametrize("peer, header, expected", [
    ("198.51.100.7", None, "198.51.100.7"),  # no proxy
    ("198.51.100.7", "203.0.113.1", "198.51.100.7"),  # a client's own header is not believed
    ("10.0.0.5", "203.0.113.1", "203.0.113.1"),  # the proxy's word
    ("10.0.0.5", "6.6.6.6, 203.0.113.1", "203.0.113.1"),  # what the client wrote is left of the proxy's hop
    ("172.28.0.10", "203.0.113.1, 10.0.0.5", "203.0.113.1"),  # two proxies in a row
    ("10.0.0.5", "10.0.0.5", "10.0.0.5"),  # only proxies: the left-most
    ("10.0.0.5", "not-an-address, 203.0.113.1", "203.0.113.1"),
    ("10.0.0.5", "203.0.113.1, garbage", "10.0.0.5"),  # a malformed last hop: keep the peer
    ("10.0.0.5", "[2001:db8::1]:443", "2001:db8::1"),
    ("10.0.0.5", "203.0.113.1:51000", "203.0.113.1"),
    ("::1", "2001:db8::7", "2001:db8::7"),
    ("10.0.0.5", "", "10.0.0.5"),
])
def test_the_client_is_the_right_most_address_a_trusted_proxy_vouches_for(peer, header, expected):
    assert client_address(peer, header, PROXIES) == expected


def test_without_trusted_proxies_the_peer_is_the_client():
    assert client_address("10.0.0.5", "203.0.113.1", parse_trusted_proxies("")) == "10.0.0.5"


def test_a_bad_entry_is_named():
    with pytest.raises(ValueError, match="'nginx'"):
        parse_trusted_proxies("10.0.0.5, nginx")
