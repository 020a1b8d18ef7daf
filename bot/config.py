"""The one place that reads the environment: every variable, typed, checked once.

Values come from the process environment, then from a ``.env`` file in the project
root (or the file named by ``YS_ENV_FILE``); the environment wins. ``.env.example``
documents every variable. Nothing is read at import time: call :func:`get_settings`.

A value that cannot be used (a port that is not a number, a negative limit, a flag
that is neither yes nor no) stops the process at start with a :class:`SettingsError`
naming the variable and the value, instead of surfacing later in whatever reads it.
An empty value is the same as an unset one: the default applies.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.net import Network, parse_trusted_proxies

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TIMEZONE = "Asia/Shanghai"
#: The platforms' API hosts (WeChat official account, WeCom).
WECHAT_API_BASE = "https://api.weixin.qq.com"
WECOM_API_BASE = "https://qyapi.weixin.qq.com"
#: The department that receives tickets naming none (首问负责制).
DEFAULT_DEPARTMENT = "行政审批服务局"
#: The region (``knowledge/regions/<id>/``) tickets and staff belong to unless told otherwise.
DEFAULT_REGION = "example"
#: A region's id: its folder's name (as ``bot.regions.loader`` checks it).
_REGION_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


class SettingsError(ValueError):
    """A variable holds a value that cannot be used; the message names both."""


@dataclass(frozen=True)
class SecuritySettings:
    """Shared secrets, trusted proxies and the limits on ticket lookups and filings.

    Attributes:
        rasa_token: ``YS_RASA_TOKEN``, Rasa's HTTP API token ("" when not set).
        rasa_token_file: ``YS_RASA_TOKEN_FILE``, a file holding it (a mounted secret).
        action_token: ``YS_ACTION_TOKEN``, the action server's shared secret.
        action_token_file: ``YS_ACTION_TOKEN_FILE``.
        trusted_proxies: ``YS_TRUSTED_PROXIES``, proxies whose ``X-Forwarded-For`` is believed.
        lookup_max_failures: ``YS_LOOKUP_MAX_FAILURES``, failed lookups per conversation.
        lookup_max_failures_per_client: ``YS_LOOKUP_MAX_FAILURES_PER_CLIENT``.
        lookup_max_failures_per_ticket: ``YS_LOOKUP_MAX_FAILURES_PER_TICKET``.
        lookup_lock_minutes: ``YS_LOOKUP_LOCK_MINUTES``, the window of the three above.
        filing_max_per_conversation: ``YS_FILING_MAX_PER_CONVERSATION``.
        filing_max_per_client: ``YS_FILING_MAX_PER_CLIENT``.
        filing_window_minutes: ``YS_FILING_WINDOW_MINUTES``, the window of the two above.
        message_rate_per_conversation: ``YS_MESSAGE_RATE_PER_CONVERSATION``, messages a web
            conversation may send in a minute (0: no limit; ``bot.channels.rate``).
        message_rate_per_client: ``YS_MESSAGE_RATE_PER_CLIENT``, messages one client address may
            send in a minute over the web channels (0: no limit).
    """

    rasa_token: str = ""
    rasa_token_file: Path | None = None
    action_token: str = ""
    action_token_file: Path | None = None
    trusted_proxies: tuple[Network, ...] = ()
    lookup_max_failures: int = 3
    lookup_max_failures_per_client: int = 5
    lookup_max_failures_per_ticket: int = 3
    lookup_lock_minutes: int = 60
    filing_max_per_conversation: int = 5
    filing_max_per_client: int = 30
    filing_window_minutes: int = 60
    message_rate_per_conversation: int = 30
    message_rate_per_client: int = 120


@dataclass(frozen=True)
class ConsoleSettings:
    """The staff console (``YS_CONSOLE_*``) and the PDF report font.

    Attributes:
        host: ``YS_CONSOLE_HOST``, the address it listens on.
        port: ``YS_CONSOLE_PORT``.
        idle_minutes: ``YS_CONSOLE_IDLE_MINUTES``, a session ends after this idle time...
        session_hours: ``YS_CONSOLE_SESSION_HOURS``, ...and in any case after this.
        secure_cookies: ``YS_CONSOLE_SECURE_COOKIES``, cookies marked Secure (HTTPS).
        login_max_failures: ``YS_CONSOLE_LOGIN_MAX_FAILURES``, failed sign-ins that lock a name.
        login_lock_minutes: ``YS_CONSOLE_LOGIN_LOCK_MINUTES``, for how long.
        bcrypt_rounds: ``YS_CONSOLE_BCRYPT_ROUNDS``, cost of new password hashes (4–31).
        report_font: ``YS_REPORT_FONT``, a .ttf/.ttc (``path#n``) for the PDF report; ``None``: search.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    idle_minutes: float = 30.0
    session_hours: float = 10.0
    secure_cookies: bool = False
    login_max_failures: int = 5
    login_lock_minutes: float = 15.0
    bcrypt_rounds: int = 12
    report_font: str | None = None


@dataclass(frozen=True)
class WeChatSettings:
    """The WeChat official account (``YS_WECHAT_*``); empty strings are variables not set.

    Attributes:
        token: ``YS_WECHAT_TOKEN``, the callback Token.
        aes_key: ``YS_WECHAT_AES_KEY``, the EncodingAESKey (checked by the channel).
        app_id: ``YS_WECHAT_APP_ID``.
        app_secret: ``YS_WECHAT_APP_SECRET``.
        template_id: ``YS_WECHAT_TEMPLATE_ID``, the template message of notices after 48 hours.
        api_base: ``YS_WECHAT_API_BASE``.
        timestamp_window: ``YS_WECHAT_TIMESTAMP_WINDOW``, seconds a request's timestamp may be off.
        reply_budget: ``YS_WECHAT_REPLY_BUDGET``, seconds the last delivery waits for the answer.
        region: ``YS_WECHAT_REGION``, the region of every conversation with this account
            (default ``YS_DEFAULT_REGION``).
    """

    token: str = ""
    aes_key: str = ""
    app_id: str = ""
    app_secret: str = ""
    template_id: str = ""
    api_base: str = WECHAT_API_BASE
    timestamp_window: float = 300.0
    reply_budget: float = 4.5
    region: str = DEFAULT_REGION


@dataclass(frozen=True)
class WeComSettings:
    """The WeCom self-built app (``YS_WECOM_*``); empty strings are variables not set.

    Attributes:
        token: ``YS_WECOM_TOKEN``.
        aes_key: ``YS_WECOM_AES_KEY``.
        corp_id: ``YS_WECOM_CORP_ID``.
        agent_id: ``YS_WECOM_AGENT_ID``.
        secret: ``YS_WECOM_SECRET``.
        api_base: ``YS_WECOM_API_BASE``.
        timestamp_window: ``YS_WECOM_TIMESTAMP_WINDOW``, default ``YS_WECHAT_TIMESTAMP_WINDOW``.
        reply_budget: ``YS_WECOM_REPLY_BUDGET``, default ``YS_WECHAT_REPLY_BUDGET``.
        region: ``YS_WECOM_REGION``, the region of every conversation with this app
            (default ``YS_DEFAULT_REGION``).
    """

    token: str = ""
    aes_key: str = ""
    corp_id: str = ""
    agent_id: str = ""
    secret: str = ""
    api_base: str = WECOM_API_BASE
    timestamp_window: float = 300.0
    reply_budget: float = 4.5
    region: str = DEFAULT_REGION


@dataclass(frozen=True)
class NotifySettings:
    """Notices to enterprises: the SMS gateway and the widget's polling.

    Attributes:
        sms_url: ``YS_SMS_URL``, the SMS relay ("" : SMS notices wait and are retried).
        sms_token: ``YS_SMS_TOKEN``, its bearer token.
        sms_sign: ``YS_SMS_SIGN``, the 【…】 signature prepended.
        widget_poll_s: ``YS_WIDGET_NOTICE_POLL_S``, seconds between looks for widget notices (≥ 0.2).
    """

    sms_url: str = ""
    sms_token: str = ""
    sms_sign: str = ""
    widget_poll_s: float = 2.0


@dataclass(frozen=True)
class TrackerSettings:
    """Rasa's tracker store, as the operator tools reach it (``YS_TRACKER_DB_*``).

    Attributes:
        host: ``YS_TRACKER_DB_HOST``; ``None``: the SQLite file ``var/rasa_tracker.db``.
        port: ``YS_TRACKER_DB_PORT``.
        name: ``YS_TRACKER_DB_NAME``.
        user: ``YS_TRACKER_DB_USER``.
        password: ``YS_TRACKER_DB_PASSWORD``.
        sslmode: ``YS_TRACKER_DB_SSLMODE``.
        retry_s: ``YS_TRACKER_STORE_RETRY_S``, how long a read or write is retried in an outage.
    """

    host: str | None = None
    port: int = 5432
    name: str = "rasa"
    user: str = ""
    password: str = ""
    sslmode: str = "prefer"
    retry_s: float = 10.0


@dataclass(frozen=True)
class Settings:
    """Runtime configuration; see ``.env.example`` for every variable.

    Attributes:
        knowledge_dir: ``YS_KNOWLEDGE_DIR``, the knowledge files.
        database_url: ``YS_DATABASE_URL``, the ticket store (any SQLAlchemy URL).
        var_dir: ``YS_VAR_DIR``, runtime files.
        rasa_url: ``YS_RASA_URL``, where operator tools reach Rasa's HTTP API.
        holidays_dir: ``YS_HOLIDAYS_DIR``, operator holiday files.
        default_department: ``YS_DEFAULT_DEPARTMENT``.
        default_region: ``YS_DEFAULT_REGION``, the region of tickets filed and accounts
            created without one, and of tickets stored before regions (checked against
            ``knowledge/regions/`` when the ticket service is built).
        rest_region: ``YS_REST_REGION``, the region of every REST conversation (the REST
            channel is for trusted integrations; default ``YS_DEFAULT_REGION``).
        channel_accounts_file: ``YS_CHANNEL_ACCOUNTS_FILE``, the WeChat / WeCom accounts of
            the regions, one per region and platform (``bot.channel_accounts``; secrets, kept
            out of git); ``None``: only the single accounts of ``YS_WECHAT_*`` / ``YS_WECOM_*``.
        rasa_port: ``YS_RASA_PORT``.
        rasa_host: ``YS_RASA_HOST``, the address Rasa listens on when ``make run`` starts it
            (loopback: its REST channel is not for the public; a proxy in front serves the
            public channels).
        action_port: ``YS_ACTION_PORT``.
        action_host: ``YS_ACTION_HOST``.
        operator: ``USER``, the account running an operator command (its events' actor).
        env_file: ``YS_ENV_FILE``, the ``.env`` file read.
    """

    knowledge_dir: Path
    database_url: str
    var_dir: Path
    rasa_url: str = "http://localhost:5005"
    holidays_dir: Path = PROJECT_ROOT / "knowledge" / "holidays"
    default_department: str = DEFAULT_DEPARTMENT
    default_region: str = DEFAULT_REGION
    rest_region: str = DEFAULT_REGION
    channel_accounts_file: Path | None = None
    rasa_port: int = 5005
    rasa_host: str = "127.0.0.1"
    action_port: int = 5055
    action_host: str = "127.0.0.1"
    operator: str = "unknown"
    env_file: Path = PROJECT_ROOT / ".env"
    security: SecuritySettings = field(default_factory=SecuritySettings)
    console: ConsoleSettings = field(default_factory=ConsoleSettings)
    wechat: WeChatSettings = field(default_factory=WeChatSettings)
    wecom: WeComSettings = field(default_factory=WeComSettings)
    notify: NotifySettings = field(default_factory=NotifySettings)
    tracker: TrackerSettings = field(default_factory=TrackerSettings)


class _Values:
    """Typed reads of the merged variables, each failing with the variable's name."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = values

    def raw(self, name: str) -> str:
        return (self._values.get(name) or "").strip()

    def text(self, name: str, default: str = "") -> str:
        return self.raw(name) or default

    def optional(self, name: str) -> str | None:
        return self.raw(name) or None

    def path(self, name: str, default: Path) -> Path:
        raw = self.raw(name)
        return Path(raw) if raw else default

    def optional_path(self, name: str) -> Path | None:
        raw = self.raw(name)
        return Path(raw) if raw else None

    def url(self, name: str, default: str) -> str:
        raw = self.raw(name)
        if not raw:
            return default
        if not raw.startswith(("http://", "https://")):
            raise SettingsError(f"{name} must be an http:// or https:// URL, got {raw!r}")
        return raw.rstrip("/")

    def integer(self, name: str, default: int, minimum: int = 1, maximum: int | None = None) -> int:
        raw = self.raw(name)
        if not raw:
            return default
        try:
            number = int(raw)
        except ValueError:
            raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
        if number < minimum or (maximum is not None and number > maximum):
            bounds = f"at least {minimum}" if maximum is None else f"between {minimum} and {maximum}"
            raise SettingsError(f"{name} must be {bounds}, got {raw!r}")
        return number

    def port(self, name: str, default: int) -> int:
        return self.integer(name, default, minimum=1, maximum=65535)

    def seconds(self, name: str, default: float, minimum: float = 0.0) -> float:
        """A positive number (of seconds, minutes, hours: the name says which)."""
        raw = self.raw(name)
        if not raw:
            return default
        try:
            number = float(raw)
        except ValueError:
            raise SettingsError(f"{name} must be a number, got {raw!r}") from None
        if not minimum < number < float("inf"):  # also refuses nan
            raise SettingsError(f"{name} must be a number above {minimum:g}, got {raw!r}")
        return number

    def flag(self, name: str, default: bool) -> bool:
        raw = self.raw(name).lower()
        if not raw:
            return default
        if raw in _TRUE:
            return True
        if raw in _FALSE:
            return False
        raise SettingsError(f"{name} must be true or false, got {raw!r}")

    def region(self, name: str, default: str) -> str:
        raw = self.raw(name)
        if not raw:
            return default
        if not _REGION_ID.fullmatch(raw):
            raise SettingsError(f"{name} must be a region id (lower-case letters, digits, _), got {raw!r}")
        return raw

    def proxies(self, name: str) -> tuple[Network, ...]:
        try:
            return parse_trusted_proxies(self.raw(name))
        except ValueError as exc:
            raise SettingsError(str(exc)) from None


def _security(values: _Values) -> SecuritySettings:
    return SecuritySettings(
        rasa_token=values.text("YS_RASA_TOKEN"),
        rasa_token_file=values.optional_path("YS_RASA_TOKEN_FILE"),
        action_token=values.text("YS_ACTION_TOKEN"),
        action_token_file=values.optional_path("YS_ACTION_TOKEN_FILE"),
        trusted_proxies=values.proxies("YS_TRUSTED_PROXIES"),
        lookup_max_failures=values.integer("YS_LOOKUP_MAX_FAILURES", 3),
        lookup_max_failures_per_client=values.integer("YS_LOOKUP_MAX_FAILURES_PER_CLIENT", 5),
        lookup_max_failures_per_ticket=values.integer("YS_LOOKUP_MAX_FAILURES_PER_TICKET", 3),
        lookup_lock_minutes=values.integer("YS_LOOKUP_LOCK_MINUTES", 60),
        filing_max_per_conversation=values.integer("YS_FILING_MAX_PER_CONVERSATION", 5),
        filing_max_per_client=values.integer("YS_FILING_MAX_PER_CLIENT", 30),
        filing_window_minutes=values.integer("YS_FILING_WINDOW_MINUTES", 60),
        message_rate_per_conversation=values.integer("YS_MESSAGE_RATE_PER_CONVERSATION", 30, minimum=0),
        message_rate_per_client=values.integer("YS_MESSAGE_RATE_PER_CLIENT", 120, minimum=0),
    )


def _console(values: _Values) -> ConsoleSettings:
    return ConsoleSettings(
        host=values.text("YS_CONSOLE_HOST", "127.0.0.1"),
        port=values.port("YS_CONSOLE_PORT", 8000),
        idle_minutes=values.seconds("YS_CONSOLE_IDLE_MINUTES", 30.0),
        session_hours=values.seconds("YS_CONSOLE_SESSION_HOURS", 10.0),
        secure_cookies=values.flag("YS_CONSOLE_SECURE_COOKIES", False),
        login_max_failures=values.integer("YS_CONSOLE_LOGIN_MAX_FAILURES", 5),
        login_lock_minutes=values.seconds("YS_CONSOLE_LOGIN_LOCK_MINUTES", 15.0),
        # bcrypt itself accepts 4 to 31; below 10 a stolen hash is cheap to crack.
        bcrypt_rounds=values.integer("YS_CONSOLE_BCRYPT_ROUNDS", 12, minimum=4, maximum=31),
        report_font=values.optional("YS_REPORT_FONT"),
    )


def _wechat(values: _Values, default_region: str) -> WeChatSettings:
    return WeChatSettings(
        token=values.text("YS_WECHAT_TOKEN"),
        aes_key=values.text("YS_WECHAT_AES_KEY"),
        app_id=values.text("YS_WECHAT_APP_ID"),
        app_secret=values.text("YS_WECHAT_APP_SECRET"),
        template_id=values.text("YS_WECHAT_TEMPLATE_ID"),
        api_base=values.url("YS_WECHAT_API_BASE", WECHAT_API_BASE),
        timestamp_window=values.seconds("YS_WECHAT_TIMESTAMP_WINDOW", 300.0),
        reply_budget=values.seconds("YS_WECHAT_REPLY_BUDGET", 4.5),
        region=values.region("YS_WECHAT_REGION", default_region),
    )


def _wecom(values: _Values, wechat: WeChatSettings, default_region: str) -> WeComSettings:
    return WeComSettings(
        token=values.text("YS_WECOM_TOKEN"),
        aes_key=values.text("YS_WECOM_AES_KEY"),
        corp_id=values.text("YS_WECOM_CORP_ID"),
        agent_id=values.text("YS_WECOM_AGENT_ID"),
        secret=values.text("YS_WECOM_SECRET"),
        api_base=values.url("YS_WECOM_API_BASE", WECOM_API_BASE),
        # The two tunables are shared with the official account unless set for WeCom.
        timestamp_window=values.seconds("YS_WECOM_TIMESTAMP_WINDOW", wechat.timestamp_window),
        reply_budget=values.seconds("YS_WECOM_REPLY_BUDGET", wechat.reply_budget),
        region=values.region("YS_WECOM_REGION", default_region),
    )


def _notify(values: _Values) -> NotifySettings:
    return NotifySettings(
        sms_url=values.url("YS_SMS_URL", ""),
        sms_token=values.text("YS_SMS_TOKEN"),
        sms_sign=values.text("YS_SMS_SIGN"),
        # Below 0.2 s the polling would cost more than the notices it finds.
        widget_poll_s=max(values.seconds("YS_WIDGET_NOTICE_POLL_S", 2.0), 0.2),
    )


def _tracker(values: _Values) -> TrackerSettings:
    return TrackerSettings(
        host=values.optional("YS_TRACKER_DB_HOST"),
        port=values.port("YS_TRACKER_DB_PORT", 5432),
        name=values.text("YS_TRACKER_DB_NAME", "rasa"),
        user=values.text("YS_TRACKER_DB_USER"),
        password=values.text("YS_TRACKER_DB_PASSWORD"),
        sslmode=values.text("YS_TRACKER_DB_SSLMODE", "prefer"),
        retry_s=values.seconds("YS_TRACKER_STORE_RETRY_S", 10.0),
    )


def parse_settings(variables: Mapping[str, str], env_file: Path | None = None) -> Settings:
    """Builds settings from ``variables`` alone (no environment, no ``.env``).

    Args:
        variables: variable → value.
        env_file: the ``.env`` file the values came from, for the record.

    Raises:
        SettingsError: a value cannot be used (the message names the variable and value).
    """
    values = _Values(variables)
    var_dir = values.path("YS_VAR_DIR", PROJECT_ROOT / "var")
    knowledge_dir = values.path("YS_KNOWLEDGE_DIR", PROJECT_ROOT / "knowledge")
    default_region = values.region("YS_DEFAULT_REGION", DEFAULT_REGION)
    wechat = _wechat(values, default_region)
    return Settings(
        knowledge_dir=knowledge_dir,
        database_url=values.text("YS_DATABASE_URL", f"sqlite:///{var_dir / 'tickets.db'}"),
        var_dir=var_dir,
        rasa_url=values.url("YS_RASA_URL", "http://localhost:5005"),
        holidays_dir=values.path("YS_HOLIDAYS_DIR", knowledge_dir / "holidays"),
        default_department=values.text("YS_DEFAULT_DEPARTMENT", DEFAULT_DEPARTMENT),
        default_region=default_region,
        rest_region=values.region("YS_REST_REGION", default_region),
        channel_accounts_file=values.optional_path("YS_CHANNEL_ACCOUNTS_FILE"),
        rasa_port=values.port("YS_RASA_PORT", 5005),
        rasa_host=values.text("YS_RASA_HOST", "127.0.0.1"),
        action_port=values.port("YS_ACTION_PORT", 5055),
        action_host=values.text("YS_ACTION_HOST", "127.0.0.1"),
        operator=values.text("USER", "unknown"),
        env_file=env_file or PROJECT_ROOT / ".env",
        security=_security(values),
        console=_console(values),
        wechat=wechat,
        wecom=_wecom(values, wechat, default_region),
        notify=_notify(values),
        tracker=_tracker(values),
    )


def _env_file_values(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path).items() if v is not None}


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Builds settings from ``environ`` (default ``os.environ``) and the ``.env`` file.

    Raises:
        SettingsError: a value cannot be used (the message names the variable and value).
    """
    env = dict(os.environ if environ is None else environ)
    env_file = Path(env.get("YS_ENV_FILE") or PROJECT_ROOT / ".env")
    return parse_settings({**_env_file_values(env_file), **env}, env_file)


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Returns the process-wide settings, read once on first use."""
    return load_settings()
