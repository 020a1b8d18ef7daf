"""The console's settings, read from :func:`bot.config.get_settings` (environment or ``.env``)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.net import Network


def rasa_token(settings: Settings) -> str:
    """``YS_RASA_TOKEN``, else the token ``make run`` generated into ``var/rasa_api_token``."""
    configured = settings.security.rasa_token
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
    report_font: str | None = None
    trusted_proxies: tuple[Network, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> ConsoleConfig:
        """Reads ``YS_CONSOLE_*`` (see ``.env.example``), ``YS_RASA_URL`` and the Rasa token."""
        console = settings.console
        return cls(
            host=console.host,
            port=console.port,
            rasa_url=settings.rasa_url.rstrip("/"),
            rasa_token=rasa_token(settings),
            idle=dt.timedelta(minutes=console.idle_minutes),
            absolute=dt.timedelta(hours=console.session_hours),
            secure_cookies=console.secure_cookies,
            login_max_failures=console.login_max_failures,
            login_lock=dt.timedelta(minutes=console.login_lock_minutes),
            bcrypt_rounds=console.bcrypt_rounds,
            report_font=console.report_font,
            trusted_proxies=settings.security.trusted_proxies,
        )
