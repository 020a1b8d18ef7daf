"""What an attacker can and cannot do, one command: ``.venv/bin/python -m pytest tests/security -q``.

Each test makes the attack a real request would make — against the session's Rasa and
action servers, the console, the WeChat webhook — and asserts it is refused and left
no trace (no ticket, no tracker event, no data in the answer). docs/security.md's
section lists each threat, what stops it and the test here that proves it.

- ``test_action_server``: calls to the action server not from Rasa (hole 1);
- ``test_message_size``: oversize messages on every channel (hole 2);
- ``test_lookup_lockout``: guessing a ticket's phone, typed commands (hole 3);
- ``test_wechat_replay``: replayed signatures, plaintext bodies, other users' MsgIds (hole 4);
- ``test_console_sign_in``: sign-in throttling behind a proxy (hole 5);
- ``test_small_holes``: the smaller ones (hole 6);
- ``test_refusals_that_hold``: what already held when the holes above were found.
"""
