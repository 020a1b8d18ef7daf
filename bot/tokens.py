"""The shared secrets our servers are started with, checked before they start.

Two tokens guard the internal HTTP interfaces:

- ``YS_RASA_TOKEN``: Rasa's HTTP API (every conversation, readable and writable); the
  console and operator tools present it.
- ``YS_ACTION_TOKEN``: the action server; Rasa sends it with every action call
  (``endpoints*.yml``, header ``X-Action-Token``) and the action server refuses calls
  without it (``actions/server.py``).

Each comes from the environment (or ``.env``), or from a file named by ``<NAME>_FILE``
(a mounted secret); ``make run`` generates one into ``var/`` on first start. A value
copied from an example (``change-me``…) or shorter than :data:`MIN_LENGTH` is refused
at start, with a message naming the variable, instead of protecting nothing. Secrets
are passed to processes by environment or file, never on a command line (``ps`` shows
command lines to every user of the machine).
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from bot.config import Settings

#: Shortest secret accepted: 16 characters (``secrets.token_urlsafe(32)`` makes 43).
MIN_LENGTH = 16
#: Words of example files and tutorials; a secret containing one was never chosen.
PLACEHOLDERS = ("change-me", "changeme", "change_me", "replace-me", "replaceme", "replace_me", "your-token",
                "your_token", "placeholder", "example", "xxxxxx", "secret123", "password")


class WeakSecret(ValueError):
    """A secret is missing, a placeholder, or too short; the message names the variable."""


def check_secret(name: str, value: str | None) -> str:
    """``value`` stripped, if it can be a real secret.

    Args:
        name: the variable it comes from, for the message.
        value: the secret.

    Raises:
        WeakSecret: empty, a known placeholder, one repeated character, or shorter
            than :data:`MIN_LENGTH`.
    """
    text = (value or "").strip()
    if not text:
        raise WeakSecret(f"{name} is not set")
    lowered = text.lower()
    if any(word in lowered for word in PLACEHOLDERS) or len(set(text)) == 1:
        raise WeakSecret(f"{name} is a placeholder ({text[:12]!r}…): set a random value, "
                         "e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))'")
    if len(text) < MIN_LENGTH:
        raise WeakSecret(f"{name} is too short ({len(text)} characters, at least {MIN_LENGTH})")
    return text


def generated_secret(path: Path) -> str:
    """The secret kept in ``path``, generated (readable by the owner only) on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(32))
    return path.read_text(encoding="utf-8").strip()


def _configured(settings: Settings, name: str) -> tuple[str, Path | None]:
    security = settings.security
    if name == "YS_RASA_TOKEN":
        return security.rasa_token, security.rasa_token_file
    if name == "YS_ACTION_TOKEN":
        return security.action_token, security.action_token_file
    raise KeyError(f"{name} is not a secret of the settings")


def read_secret(settings: Settings, name: str, generated: Path | None = None) -> str:
    """The secret ``name``: the variable, else the file ``<name>_FILE``, else ``generated``.

    Args:
        settings: where the variables are read (environment and ``.env``).
        name: ``YS_RASA_TOKEN`` or ``YS_ACTION_TOKEN``.
        generated: a file to generate the secret into when none is configured
            (``make run``); ``None``: a secret must be configured.

    Raises:
        WeakSecret: none configured (and nothing to generate), or a weak one.
    """
    value, file_name = _configured(settings, name)
    if value:
        return check_secret(name, value)
    if file_name:
        try:
            return check_secret(f"{name}_FILE ({file_name})", Path(file_name).read_text(encoding="utf-8"))
        except OSError as exc:
            raise WeakSecret(f"{name}_FILE: cannot read {file_name}: {exc.strerror}") from None
    if generated is None:
        raise WeakSecret(f"{name} is not set (set it, or {name}_FILE naming a file that holds it)")
    return check_secret(f"{name} generated in {generated}", generated_secret(generated))
