"""``python -m bot.console [--host H] [--port P]``: serve the console (one process)."""
from __future__ import annotations

import argparse
import logging
import sys

from bot.config import get_settings
from bot.console.app import create_app
from bot.console.config import ConsoleConfig


def main() -> int:
    """Reads the settings, builds the app and serves it until SIGINT / SIGTERM."""
    parser = argparse.ArgumentParser(prog="python -m bot.console", description="营商助手 console")
    parser.add_argument("--host", help="address to listen on (default YS_CONSOLE_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default YS_CONSOLE_PORT or 8000)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    config = ConsoleConfig.from_settings(settings)
    if not config.rasa_token:
        logging.warning("no Rasa API token (YS_RASA_TOKEN or var/rasa_api_token): assist and handoff will fail")
    app = create_app(settings)
    app.run(host=args.host or config.host, port=args.port or config.port, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
