"""The console's settings, read from :func:`bot.config.get_settings` (environment or ``.env``)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Tuple

from bot.config import Settings
from bot.net import Network, parse_trusted_proxies


def _flag(value: Optional[str]) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def rasa_token(settings: Settings) -> str:
    """``YS_RASA_TOKEN``, else the token ``make run`` generated into ``var/rasa_api_token``."""
    configured = settings.get("YS_RASA_TOKEN")
    if configured:
        return configured
    path: Path = settings.var_dir / "rasa_api_token"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else ""


@dataclass(frozen=True)
class ConsoleConfig:
    """Where the console listens, how sessions and sign-in behave, where Rasa is."""

    host: str
    port: int
    rasa_url: str
    rasa_token: str
    idle: dt.timedelta
    absolute: dt.timedelta
    secure_cookies: bool
    login_max_failures: int
    login_lock: dt.timedelta
    bcrypt_rounds: int
    report_font: Optional[str] = None
    trusted_proxies: Tuple[Network, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> "ConsoleConfig":
        """Reads ``YS_CONSOLE_*`` (see ``.env.example``), ``YS_RASA_URL`` and the Rasa token."""
        get = settings.get
        return cls(
            host=get("YS_CONSOLE_HOST") or "127.0.0.1",
            port=int(get("YS_CONSOLE_PORT") or 8000),
            rasa_url=settings.rasa_url.rstrip("/"),
            rasa_token=rasa_token(settings),
            idle=dt.timedelta(minutes=float(get("YS_CONSOLE_IDLE_MINUTES") or 30)),
            absolute=dt.timedelta(hours=float(get("YS_CONSOLE_SESSION_HOURS") or 10)),
            secure_cookies=_flag(get("YS_CONSOLE_SECURE_COOKIES")),
            login_max_failures=int(get("YS_CONSOLE_LOGIN_MAX_FAILURES") or 5),
            login_lock=dt.timedelta(minutes=float(get("YS_CONSOLE_LOGIN_LOCK_MINUTES") or 15)),
            bcrypt_rounds=int(get("YS_CONSOLE_BCRYPT_ROUNDS") or 12),
            report_font=get("YS_REPORT_FONT") or None,
            trusted_proxies=parse_trusted_proxies(get("YS_TRUSTED_PROXIES")),
        )
