"""Rasa's HTTP API as the console uses it: NLU parse, a conversation's tracker, appending events.

Every call carries the API token (Rasa runs with ``--enable-api --auth-token``).
Appending with ``output_channel`` and ``execute_side_effects=true`` makes Rasa send the
``bot`` events to the user on that channel (socket.io: the web widget; ``wechat`` /
``wecom``: the customer-service push of ``bot.channels.wechat.wechat_base``).
"""
from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

import aiohttp

logger = logging.getLogger(__name__)

TIMEOUT = aiohttp.ClientTimeout(total=20)


class RasaUnavailable(Exception):
    """Rasa did not answer, or answered an error; the message says which."""


class RasaClient:
    """A small async client; :meth:`start` and :meth:`close` bracket the server's life."""

    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        """Opens the connection pool (from the server's start-up listener)."""
        self._session = aiohttp.ClientSession(timeout=TIMEOUT)

    async def close(self) -> None:
        """Closes the connection pool."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def parse(self, text: str) -> dict[str, Any]:
        """``POST /model/parse``: intent, intent ranking and entities of ``text``."""
        return await self._call("POST", "/model/parse", json={"text": text})

    async def tracker(self, conversation_id: str) -> dict[str, Any]:
        """``GET /conversations/{id}/tracker``: every event of the conversation."""
        return await self._call("GET", f"/conversations/{quote(conversation_id, safe='')}/tracker",
                                params={"include_events": "ALL"})

    async def append(self, conversation_id: str, events: list[dict[str, Any]],
                     output_channel: str | None = None) -> dict[str, Any]:
        """``POST /conversations/{id}/tracker/events``, sending ``bot`` events on ``output_channel``."""
        params = {"execute_side_effects": "true"}
        if output_channel:
            params["output_channel"] = output_channel
        return await self._call("POST", f"/conversations/{quote(conversation_id, safe='')}/tracker/events",
                                params=params, json=events)

    async def _call(self, method: str, path: str, params: dict[str, str] | None = None,
                    json: Any = None) -> dict[str, Any]:
        if self._session is None:
            raise RasaUnavailable("client not started")
        query = {**(params or {}), "token": self.token}
        try:
            async with self._session.request(method, self.base_url + path, params=query, json=json) as response:
                if response.status >= 400:
                    text = (await response.text())[:300]
                    raise RasaUnavailable(f"{method} {path}: HTTP {response.status} {text}")
                body = await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise RasaUnavailable(f"{method} {path}: {exc}") from exc
        if not isinstance(body, dict):
            raise RasaUnavailable(f"{method} {path}: answered {type(body).__name__}, not a JSON object")
        return body
