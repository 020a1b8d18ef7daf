"""Settings of the WeChat official-account and WeCom channels, from ``bot.config``.

Every secret comes from the environment (or ``.env``), never from ``credentials.yml``:
``YS_WECHAT_*`` for the official account, ``YS_WECOM_*`` for WeCom. The two tunables
``TIMESTAMP_WINDOW`` and ``REPLY_BUDGET`` are read as ``YS_WECHAT_*`` for both channels;
``YS_WECOM_TIMESTAMP_WINDOW`` / ``YS_WECOM_REPLY_BUDGET`` override them for WeCom only.
"""
from __future__ import annotations

import binascii
import base64
from dataclasses import dataclass
from typing import Mapping, Optional, Tuple

from bot.config import get_settings

#: Defaults of the two tunables (seconds).
DEFAULT_TIMESTAMP_WINDOW_S = 300.0
DEFAULT_REPLY_BUDGET_S = 4.5
WECHAT_API_BASE = "https://api.weixin.qq.com"
WECOM_API_BASE = "https://qyapi.weixin.qq.com"


@dataclass(frozen=True)
class ChannelSettings:
    """What one channel needs; empty strings are variables not set.

    Attributes:
        prefix: the variables' prefix, ``YS_WECHAT`` or ``YS_WECOM``.
        token: the callback Token typed into the platform's console.
        aes_key: the EncodingAESKey (43 characters).
        app_id: AppID of the official account, or CorpID of the WeCom company.
        secret: AppSecret, or the WeCom app's Secret (only for pushing).
        agent_id: AgentId of the WeCom app (only for pushing; empty for WeChat).
        api_base: base URL of the platform's HTTP API.
        timestamp_window: requests whose timestamp is further from now are refused.
        reply_budget: how long the last delivery of a message waits for Rasa.
    """

    prefix: str
    token: str
    aes_key: str
    app_id: str
    secret: str
    agent_id: str
    api_base: str
    timestamp_window: float
    reply_budget: float

    def var(self, name: str) -> str:
        """The variable holding ``name``, e.g. ``var("TOKEN")`` → ``YS_WECOM_TOKEN``."""
        if self.prefix == "YS_WECOM" and name == "APP_ID":
            return "YS_WECOM_CORP_ID"
        return f"{self.prefix}_{name}"

    def missing(self, *names: str) -> Tuple[str, ...]:
        """The variables among ``names`` (``TOKEN``, ``AES_KEY``…) not set or invalid."""
        values = {"TOKEN": self.token, "AES_KEY": self.aes_key if aes_key_ok(self.aes_key) else "",
                  "APP_ID": self.app_id, "APP_SECRET": self.secret, "SECRET": self.secret,
                  "AGENT_ID": self.agent_id}
        return tuple(self.var(name) for name in names if not values[name])


def aes_key_ok(key: str) -> bool:
    """Whether ``key`` is a well-formed EncodingAESKey (43 characters → 32 bytes)."""
    if len(key) != 43:
        return False
    try:
        return len(base64.b64decode(key + "=", validate=True)) == 32
    except (binascii.Error, ValueError):
        return False


def _seconds(values: Mapping[str, str], names: Tuple[str, ...], default: float) -> float:
    for name in names:
        raw = (values.get(name) or "").strip()
        if raw:
            try:
                seconds = float(raw)
            except ValueError as exc:
                raise ValueError(f"{name} must be a number of seconds, got {raw!r}") from exc
            if seconds <= 0:
                raise ValueError(f"{name} must be positive, got {raw!r}")
            return seconds
    return default


def load_channel_settings(prefix: str, values: Optional[Mapping[str, str]] = None) -> ChannelSettings:
    """Reads one channel's settings.

    Args:
        prefix: ``YS_WECHAT`` (official account) or ``YS_WECOM``.
        values: the variables; default: ``get_settings()`` (environment and ``.env``).

    Returns:
        The settings; unset secrets are empty strings (see :meth:`ChannelSettings.missing`).

    Raises:
        ValueError: a tunable is not a positive number (the message names it).
    """
    if values is None:
        values = get_settings().extra
    wecom = prefix == "YS_WECOM"

    def get(name: str) -> str:
        return (values.get(f"{prefix}_{name}") or "").strip()

    tunables = (f"{prefix}_TIMESTAMP_WINDOW", "YS_WECHAT_TIMESTAMP_WINDOW")
    budgets = (f"{prefix}_REPLY_BUDGET", "YS_WECHAT_REPLY_BUDGET")
    return ChannelSettings(
        prefix=prefix,
        token=get("TOKEN"),
        aes_key=get("AES_KEY"),
        app_id=get("CORP_ID" if wecom else "APP_ID"),
        secret=get("SECRET" if wecom else "APP_SECRET"),
        agent_id=get("AGENT_ID") if wecom else "",
        api_base=(get("API_BASE") or (WECOM_API_BASE if wecom else WECHAT_API_BASE)).rstrip("/"),
        timestamp_window=_seconds(values, tunables, DEFAULT_TIMESTAMP_WINDOW_S),
        reply_budget=_seconds(values, budgets, DEFAULT_REPLY_BUDGET_S),
    )
