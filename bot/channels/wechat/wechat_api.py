"""Pushing a text to a user when the passive reply window has passed.

Official account: ``GET /cgi-bin/token`` then ``POST /cgi-bin/message/custom/send``
(客服消息; the user must have written within 48 hours, which they just did).
WeCom: ``GET /cgi-bin/gettoken`` then ``POST /cgi-bin/message/send`` with the app's
``agentid``. The access token is cached until shortly before it expires and fetched
again when the API says it is invalid (another replica may have renewed it).

Blocking (``requests``); the channel calls :meth:`PushApi.send_text` in a thread.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import requests

logger = logging.getLogger(__name__)

#: errcodes meaning "this access token is no good": fetch a new one and try again.
TOKEN_ERRORS = frozenset({40001, 40014, 42001})
#: Renew the token this long before the platform says it expires.
EXPIRY_MARGIN_S = 300
TIMEOUT_S = 10


class PushError(Exception):
    """The platform refused or could not be reached; the message says which and why."""


class PushApi:
    """An access-token cache and the send call; subclasses name the endpoints."""

    token_path = ""
    send_path = ""

    def __init__(self, api_base: str, session: requests.Session | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.api_base = api_base.rstrip("/")
        self._session = session or requests.Session()
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0

    def token_params(self) -> dict[str, str]:
        """Query parameters of the token request."""
        raise NotImplementedError

    def message(self, user: str, text: str) -> dict[str, Any]:
        """The JSON body sending ``text`` to ``user``."""
        raise NotImplementedError

    def send_text(self, user: str, text: str) -> None:
        """Sends ``text`` to ``user``, renewing the access token once if it was refused.

        Raises:
            PushError: the platform answered an error, or did not answer.
        """
        body = json.dumps(self.message(user, text), ensure_ascii=False).encode("utf-8")
        for attempt in (1, 2):
            answer = self._call("POST", self.send_path, params={"access_token": self.access_token()},
                                data=body, headers={"Content-Type": "application/json; charset=utf-8"})
            code = answer.get("errcode", 0)
            if code == 0:
                return
            if code in TOKEN_ERRORS and attempt == 1:
                self.forget_token()
                continue
            raise PushError(f"{self.send_path} errcode {code}: {answer.get('errmsg', '')}")

    def access_token(self) -> str:
        """The cached access token, fetched when missing or about to expire."""
        with self._lock:
            if self._token is None or self._clock() >= self._expires_at:
                answer = self._call("GET", self.token_path, params=self.token_params())
                token = answer.get("access_token")
                if not token:
                    raise PushError(f"{self.token_path} errcode {answer.get('errcode')}: "
                                    f"{answer.get('errmsg', '')} (IP whitelist? secret?)")
                expires_in = float(answer.get("expires_in") or 7200)
                self._token = token
                self._expires_at = self._clock() + max(expires_in - EXPIRY_MARGIN_S, expires_in / 2)
            return self._token

    def forget_token(self) -> None:
        """Drops the cached token (the platform said it is invalid)."""
        with self._lock:
            self._token = None

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._session.request(method, self.api_base + path, timeout=TIMEOUT_S, **kwargs)
            response.raise_for_status()
            answer = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise PushError(f"{path}: {exc}") from exc
        if not isinstance(answer, dict):
            raise PushError(f"{path}: answered {type(answer).__name__}, not a JSON object")
        return answer


class OfficialAccountApi(PushApi):
    """The official account's customer-service message (客服消息) API."""

    token_path = "/cgi-bin/token"
    send_path = "/cgi-bin/message/custom/send"

    def __init__(self, api_base: str, app_id: str, app_secret: str, **kwargs: Any) -> None:
        super().__init__(api_base, **kwargs)
        self.app_id, self.app_secret = app_id, app_secret

    def token_params(self) -> dict[str, str]:
        return {"grant_type": "client_credential", "appid": self.app_id, "secret": self.app_secret}

    def message(self, user: str, text: str) -> dict[str, Any]:
        return {"touser": user, "msgtype": "text", "text": {"content": text}}


class WeComApi(PushApi):
    """A WeCom self-built app's message API (应用消息)."""

    token_path = "/cgi-bin/gettoken"
    send_path = "/cgi-bin/message/send"

    def __init__(self, api_base: str, corp_id: str, secret: str, agent_id: str, **kwargs: Any) -> None:
        super().__init__(api_base, **kwargs)
        self.corp_id, self.secret, self.agent_id = corp_id, secret, agent_id

    def token_params(self) -> dict[str, str]:
        return {"corpid": self.corp_id, "corpsecret": self.secret}

    def message(self, user: str, text: str) -> dict[str, Any]:
        agent: Any = int(self.agent_id) if self.agent_id.isdigit() else self.agent_id
        return {"touser": user, "msgtype": "text", "agentid": agent, "text": {"content": text}}
