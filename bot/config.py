"""The one place that reads the environment.

Values come from the process environment, then from a ``.env`` file in the project
root (or the file named by ``YS_ENV_FILE``); the environment wins. Nothing is read at
import time: call :func:`get_settings`.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TIMEZONE = "Asia/Shanghai"


def _env_file_values(path: Path) -> dict:
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {k: v for k, v in dotenv_values(path).items() if v is not None}


@dataclass(frozen=True)
class Settings:
    """Runtime configuration; see ``.env.example`` for every variable."""

    knowledge_dir: Path
    database_url: str
    var_dir: Path
    rasa_url: str
    extra: Mapping[str, str] = field(default_factory=dict)

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """Returns any other configured variable by name."""
        return self.extra.get(name, default)


def load_settings(environ: Optional[Mapping[str, str]] = None) -> Settings:
    """Builds settings from ``environ`` (default ``os.environ``) and the ``.env`` file."""
    env = dict(os.environ if environ is None else environ)
    env_file = Path(env.get("YS_ENV_FILE", PROJECT_ROOT / ".env"))
    merged = {**_env_file_values(env_file), **env}
    var_dir = Path(merged.get("YS_VAR_DIR", PROJECT_ROOT / "var"))
    return Settings(
        knowledge_dir=Path(merged.get("YS_KNOWLEDGE_DIR", PROJECT_ROOT / "knowledge")),
        database_url=merged.get("YS_DATABASE_URL", f"sqlite:///{var_dir / 'tickets.db'}"),
        var_dir=var_dir,
        rasa_url=merged.get("YS_RASA_URL", "http://localhost:5005"),
        extra=merged,
    )


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Returns the process-wide settings, read once on first use."""
    return load_settings()
