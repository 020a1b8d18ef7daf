"""Hole 5: the console's sign-in throttle locked out a whole office.

Attack (before): failures were counted per ``request.ip``; behind the office's proxy
every agent has the proxy's address, so 20 failures from one person locked out a user
who never failed.

Now: failures count per account and per client address, the address taken from
``X-Forwarded-For`` when the request comes from a proxy listed in
``YS_TRUSTED_PROXIES`` (this console trusts 127.0.0.1, like one behind nginx). A
locked account does not lock the others.
"""
import uuid

import pytest

pytestmark = pytest.mark.e2e


def test_twenty_failures_of_one_agent_do_not_lock_out_the_office(security_console):
    for _ in range(20):  # someone at 203.0.113.10 guessing names, through the office proxy
        answer = security_console.login(f"guess-{uuid.uuid4().hex[:6]}", "wrong-password-1", client="203.0.113.10")
        assert answer.status_code in (401, 429)
    assert security_console.login("guess-more", "wrong-password-1", client="203.0.113.10").status_code == 429
    colleague = security_console.login("officer", client="203.0.113.11")
    assert colleague.status_code == 303, "a user who never failed signs in"


def test_a_locked_account_does_not_lock_the_others(security_console):
    client = "203.0.113.20"
    for _ in range(5):
        assert security_console.login("target", "wrong-password-1", client=client).status_code == 401
    assert security_console.login("target", client=client).status_code == 429, "locked, even with the password"
    assert security_console.login("target", client="203.0.113.21").status_code == 429, "from anywhere"
    assert security_console.login("bystander", client=client).status_code == 303, "the others are not locked"


def test_a_forwarded_for_header_from_a_client_itself_is_not_believed():
    """Only a trusted proxy's header counts; a client cannot pick a fresh address each try."""
    from bot.net import client_address, parse_trusted_proxies

    proxy = parse_trusted_proxies("10.0.0.5")
    assert client_address("198.51.100.7", "1.2.3.4", proxy) == "198.51.100.7", "direct: the header is ignored"
    assert client_address("10.0.0.5", "1.2.3.4, 198.51.100.7", proxy) == "198.51.100.7", "the proxy's hop, not the rest"
