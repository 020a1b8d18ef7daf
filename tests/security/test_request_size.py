"""Hole of round eleven: request bodies up to Sanic's default, 100 MB, were read whole.

Attack (before, on `make run`'s ports): a 20 MB body posted to the REST channel, to a WeChat
webhook or to Rasa's HTTP API without a token was read into memory and parsed (JSON, XML)
before anything refused it — the message-size check of the edge comes after; the console read
20 MB sign-in forms the same way. A few such requests at once hold the memory of the process
that every user's conversation runs in.

Now: Rasa's server (``bot.channels.server``) and the console read at most 1 MiB
(``REQUEST_MAX_BYTES``) and answer 413 beyond, before the body is read; every body the project
sends is far smaller (a message holds 2000 characters, its metadata 8192).
"""
import pytest
import requests

from bot.channels.server import REQUEST_MAX_BYTES
from bot.console.app import REQUEST_MAX_BYTES as CONSOLE_MAX_BYTES
from tests.security.conftest import rest

pytestmark = pytest.mark.e2e

OVERSIZE = b'{"sender": "big", "message": "' + b"a" * (2 * 1024 * 1024) + b'"}'


def test_rasa_refuses_a_body_over_the_limit_before_reading_it(stack):
    assert rest(stack, None, raw=OVERSIZE).status_code == 413
    assert requests.post(f"{stack.rasa_url}/webhooks/wechat/webhook", data=OVERSIZE, timeout=60).status_code == 413
    assert requests.post(f"{stack.rasa_url}/model/parse", data=OVERSIZE, timeout=60).status_code == 413


def test_a_body_under_the_limit_still_reaches_the_channel(stack):
    stuffed = {"sender": "size-under-limit", "message": "你好", "metadata": {"x": "a" * (REQUEST_MAX_BYTES // 2)}}
    assert rest(stack, stuffed).status_code == 200


def test_the_console_refuses_a_body_over_the_limit(security_console):
    answer = requests.post(f"{security_console.url}/login", data=b"a" * (CONSOLE_MAX_BYTES + 1),
                           headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=60)
    assert answer.status_code == 413
