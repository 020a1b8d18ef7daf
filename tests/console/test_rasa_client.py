"""The console's Rasa client turns answers it cannot use into :class:`RasaUnavailable` (502).

A server on a loopback port stands in for Rasa's HTTP API here: what is checked is how
the client reads an answer, not Rasa.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.console.rasa_client import RasaClient, RasaUnavailable


@pytest.fixture
async def rasa_answering() -> AsyncIterator[tuple[RasaClient, dict[str, Any]]]:
    """A client and the server's next answer (``answer["body"]``, JSON text) and what it saw."""
    answer: dict[str, Any] = {"body": "{}", "seen": []}

    async def parse(request: web.Request) -> web.Response:
        answer["seen"].append(dict(request.query))
        return web.Response(text=answer["body"], content_type="application/json")

    app = web.Application()
    app.router.add_post("/model/parse", parse)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    client = RasaClient(str(server.make_url("/")), "secret-token")
    await client.start()
    try:
        yield client, answer
    finally:
        await client.close()
        await server.close()


async def test_an_object_is_returned_and_the_token_sent(rasa_answering: tuple[RasaClient, dict[str, Any]]) -> None:
    client, answer = rasa_answering
    answer["body"] = '{"intent": {"name": "greet"}}'
    assert await client.parse("你好") == {"intent": {"name": "greet"}}
    assert answer["seen"] == [{"token": "secret-token"}]


@pytest.mark.parametrize("body", ["[]", '"text"', "3", "null"])
async def test_an_answer_that_is_not_an_object_is_rasa_unavailable(
        rasa_answering: tuple[RasaClient, dict[str, Any]], body: str) -> None:
    client, answer = rasa_answering
    answer["body"] = body
    with pytest.raises(RasaUnavailable, match="not a JSON object"):
        await client.parse("你好")


async def test_an_answer_that_is_not_json_is_rasa_unavailable(
        rasa_answering: tuple[RasaClient, dict[str, Any]]) -> None:
    client, answer = rasa_answering
    answer["body"] = "<html>"
    with pytest.raises(RasaUnavailable, match="/model/parse"):
        await client.parse("你好")
