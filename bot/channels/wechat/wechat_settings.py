"""Settings of the WeChat official-account and WeCom channels, from ``bot.config``.

Every secret comes from the environment (or ``.env``), never from ``credentials.yml``:
``YS_WECHAT_*`` for the official account, ``YS_WECOM_*`` for WeCom. The two tunables
``TIMESTAMP_WINDOW`` and ``REPLY_BUDGET`` are read as ``YS_WECHAT_*`` for both channels;
``YS_WECOM_TIMESTAMP_WINDOW`` / ``YS_WECOM_REPLY_BUDGET`` override them for WeCom only.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.channel_accounts import ACCOUNTS_FILE_VARIABLE, Account, aes_key_ok
from bot.config import DEFAULT_REGION, Settings, get_settings

__all__ = ["ChannelSettings", "account_settings", "aes_key_ok", "load_channel_settings"]


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
        region: the region of every conversation with this account (``YS_WECHAT_REGION`` /
            ``YS_WECOM_REGION``, or the region of an account of the accounts file).
        account: ``""`` for the single account of the ``YS_WECHAT_*`` / ``YS_WECOM_*``
            variables; a region's account of ``YS_CHANNEL_ACCOUNTS_FILE``: that region.
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
    region: str = DEFAULT_REGION
    account: str = ""

    def var(self, name: str) -> str:
        """The variable holding ``name``, e.g. ``var("TOKEN")`` → ``YS_WECOM_TOKEN``.

        For a region's account, the file's entry: ``YS_CHANNEL_ACCOUNTS_FILE wecom.suqian.secret``.
        """
        if self.account:
            platform = "wecom" if self.prefix == "YS_WECOM" else "wechat"
            field = {"APP_ID": "corp_id" if platform == "wecom" else "app_id", "APP_SECRET": "app_secret",
                     "SECRET": "app_secret" if platform == "wechat" else "secret"}.get(name, name.lower())
            return f"{ACCOUNTS_FILE_VARIABLE} {platform}.{self.account}.{field}"
        if self.prefix == "YS_WECOM" and name == "APP_ID":
            return "YS_WECOM_CORP_ID"
        return f"{self.prefix}_{name}"

    def missing(self, *names: str) -> tuple[str, ...]:
        """The variables among ``names`` (``TOKEN``, ``AES_KEY``…) not set or invalid."""
        values = {"TOKEN": self.token, "AES_KEY": self.aes_key if aes_key_ok(self.aes_key) else "",
                  "APP_ID": self.app_id, "APP_SECRET": self.secret, "SECRET": self.secret,
                  "AGENT_ID": self.agent_id}
        return tuple(self.var(name) for name in names if not values[name])


def load_channel_settings(prefix: str, settings: Settings | None = None) -> ChannelSettings:
    """One channel's settings.

    Args:
        prefix: ``YS_WECHAT`` (official account) or ``YS_WECOM``.
        settings: default: ``get_settings()`` (environment and ``.env``).

    Returns:
        The settings; unset secrets are empty strings (see :meth:`ChannelSettings.missing`).
    """
    settings = settings or get_settings()
    if prefix == "YS_WECOM":
        wecom = settings.wecom
        return ChannelSettings(prefix, wecom.token, wecom.aes_key, wecom.corp_id, wecom.secret, wecom.agent_id,
                               wecom.api_base, wecom.timestamp_window, wecom.reply_budget, wecom.region)
    wechat = settings.wechat
    return ChannelSettings(prefix, wechat.token, wechat.aes_key, wechat.app_id, wechat.app_secret, "",
                           wechat.api_base, wechat.timestamp_window, wechat.reply_budget, wechat.region)


def account_settings(base: ChannelSettings, account: Account) -> ChannelSettings:
    """The settings of a region's ``account``: its own credentials, ``base``'s API and tunables."""
    return ChannelSettings(base.prefix, account.token, account.aes_key, account.app_id, account.secret,
                           account.agent_id, base.api_base, base.timestamp_window, base.reply_budget,
                           account.region, account.region)
