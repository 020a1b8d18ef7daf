"""The action server: rasa-sdk's, answering only Rasa.

rasa-sdk's server has no authentication and listens on every interface: anyone who
reaches port 5055 can run any action with a tracker of their making (another user's
``sender_id``: their tickets; ``action_submit_ticket``: a ticket in their name; the
status form's validator: a phone guessed 150 times a second). So, started as
``python -m actions.server``:

- it listens on ``127.0.0.1`` unless told otherwise (``--host``, or
  ``YS_ACTION_HOST``; containers pass ``0.0.0.0`` and a NetworkPolicy lets only Rasa
  reach it);
- ``POST /webhook`` and ``GET /actions`` need the header ``X-Action-Token`` with the
  shared secret ``YS_ACTION_TOKEN`` (or the file named by ``YS_ACTION_TOKEN_FILE``),
  compared in constant time as soon as the request's head is read — before its body
  is read, parsed or run; anything else gets 401 and a warning in the log. Rasa sends
  it from ``endpoints*.yml``. ``GET /health`` stays open for probes.
- it refuses to start without a secret, or with a placeholder or short one
  (:mod:`bot.tokens`); ``make run`` generates one into ``var/action_server_token``.

The secret is read from the environment or a file, never from the command line.
"""
from __future__ import annotations

import argparse
import hmac
import logging
import sys
from typing import Any

logger = logging.getLogger(__name__)

TOKEN_HEADER = "X-Action-Token"
#: Routes that answer without the token (the load balancer's and the supervisor's probe).
OPEN_PATHS = frozenset({"/health"})
DEFAULT_HOST = "127.0.0.1"


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison of the header with the secret."""
    return given is not None and bool(given) and hmac.compare_digest(given.encode("utf-8"),
                                                                     expected.encode("utf-8"))


def create_app(token: str, actions_package: str = "actions") -> Any:
    """rasa-sdk's Sanic app for ``actions_package``, refusing calls without ``token``.

    The token is checked as soon as the request's head is read, before its body: Sanic reads
    a route's whole body (up to 100 MB) before any middleware, so a check there let anyone
    who reached the port make the server read and hold 100 MB per request.
    """
    from rasa_sdk.endpoint import create_app as sdk_app
    from sanic import response
    from sanic.exceptions import PayloadTooLarge, Unauthorized

    app = sdk_app(actions_package, cors_origins=None)

    @app.exception(Unauthorized, PayloadTooLarge)  # type: ignore[untyped-decorator]  # Sanic: untyped
    async def refused(request: Any, exception: Unauthorized | PayloadTooLarge) -> Any:
        # rasa-sdk answers every exception with 500; these are the caller's, not the server's
        return response.json({"error": str(exception)}, status=exception.status_code)

    @app.signal("http.lifecycle.request")  # type: ignore[untyped-decorator]  # Sanic: untyped
    async def require_token(request: Any) -> None:
        if request.path in OPEN_PATHS or token_matches(request.headers.get(TOKEN_HEADER), token):
            return
        peer = request.transport.get_extra_info("peername") if request.transport else None
        logger.warning("action server: %s %s from %s refused: missing or wrong %s", request.method, request.path,
                       peer[0] if peer else "?", TOKEN_HEADER)
        raise Unauthorized(f"missing or wrong {TOKEN_HEADER}")  # type: ignore[no-untyped-call]  # Sanic: untyped

    return app


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="营商助手 action server (rasa-sdk, authenticated)")
    parser.add_argument("--host", default=None, help=f"address to listen on (YS_ACTION_HOST, default {DEFAULT_HOST})")
    parser.add_argument("-p", "--port", type=int, default=None, help="port (YS_ACTION_PORT, default 5055)")
    parser.add_argument("--actions", default="actions", help="the actions package")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Checks the secret, then serves until stopped; 2 when the secret is unusable."""
    from bot.config import get_settings
    from bot.tokens import WeakSecret, read_secret

    args = parse_args(argv)
    settings = get_settings()
    try:
        token = read_secret(settings, "YS_ACTION_TOKEN")
    except WeakSecret as exc:
        print(f"action server not started: {exc}", file=sys.stderr)
        return 2
    host = args.host or settings.action_host
    port = args.port or settings.action_port
    from rasa_sdk import utils

    utils.configure_colored_logging(logging.INFO)
    utils.update_sanic_log_level()
    app = create_app(token, args.actions)
    logger.info("action server on http://%s:%d (calls need %s)", host, port, TOKEN_HEADER)
    app.run(host, port, workers=utils.number_of_sanic_workers(), access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
