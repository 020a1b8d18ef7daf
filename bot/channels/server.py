"""``python -m bot.channels.server run …``: ``rasa run`` with its secrets kept off the command line.

``rasa run --auth-token T`` shows ``T`` to every user of the machine (``ps``) and in
container specs. This entry point takes the same arguments as ``rasa`` except the
token, reads the secrets from the environment (or ``.env``) or files, checks them,
and starts Rasa in this process with the token added to its own argument list only:

- ``YS_RASA_TOKEN`` (or ``YS_RASA_TOKEN_FILE``): the HTTP API's token, required with
  ``--enable-api``;
- ``YS_ACTION_TOKEN`` (or ``YS_ACTION_TOKEN_FILE``): what Rasa sends to the action
  server (``endpoints*.yml`` reads ``${YS_ACTION_TOKEN}``); read from the file into
  this process's environment when given as a file.

A placeholder (``change-me``…) or a short secret stops the start with a message naming
the variable (:mod:`bot.tokens`); so does ``--auth-token`` on the command line.

Request bodies are limited to :data:`REQUEST_MAX_BYTES` (1 MiB; Sanic's default is 100 MB,
which Rasa keeps): a bigger one gets 413 before it is read, on every route (REST, WeChat,
the HTTP API). Nothing the project sends is near it (a message holds 2000 characters, its
metadata 8192); ``SANIC_REQUEST_MAX_SIZE`` in the environment overrides it.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings

ACTION_TOKEN = "YS_ACTION_TOKEN"
#: The largest request body Rasa's server reads (Sanic's ``REQUEST_MAX_SIZE``).
REQUEST_MAX_BYTES = 1024 * 1024


def rasa_argv(argv: list[str], settings: Settings) -> list[str]:
    """The argument list for Rasa: ``argv`` plus ``--auth-token`` when the API is enabled.

    Also puts the action server's token into ``os.environ`` for the endpoints file.

    Raises:
        WeakSecret: a secret is missing, a placeholder or too short.
        ValueError: ``--auth-token`` was given on the command line.
    """
    from bot.tokens import read_secret

    if any(arg == "--auth-token" or arg.startswith("--auth-token=") for arg in argv):
        raise ValueError("do not pass --auth-token on the command line (ps shows it to everyone): "
                         "set YS_RASA_TOKEN or YS_RASA_TOKEN_FILE")
    os.environ[ACTION_TOKEN] = read_secret(settings, ACTION_TOKEN)
    if "--enable-api" in argv:
        # one argument with «=»: a token starting with «-» (one in 64 of those generated) would
        # otherwise be read as an option, and Rasa would not start
        return [*argv, f"--auth-token={read_secret(settings, 'YS_RASA_TOKEN')}"]
    return list(argv)


def main(argv: list[str] | None = None) -> int:
    """Checks the secrets and runs Rasa; 2 when a secret is unusable."""
    from bot.config import get_settings
    from bot.tokens import WeakSecret

    try:
        args = rasa_argv(list(sys.argv[1:] if argv is None else argv), get_settings())
    except (WeakSecret, ValueError) as exc:
        print(f"Rasa not started: {exc}", file=sys.stderr)
        return 2
    from rasa.__main__ import main as rasa_main

    os.environ.setdefault("SANIC_REQUEST_MAX_SIZE", str(REQUEST_MAX_BYTES))  # read when Rasa makes its app
    sys.argv = ["rasa", *args]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
