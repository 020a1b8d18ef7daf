"""The console's Sanic app: settings → dependencies → routes, middleware, error handlers."""
from __future__ import annotations

import logging
from pathlib import Path

from sanic import Sanic, response
from sanic.response import HTTPResponse

from bot.config import Settings, get_settings
from bot.console import (
    assist_routes,
    auth_routes,
    errors,
    handoff_routes,
    notice_routes,
    report_routes,
    security,
    supervisor_routes,
    ticket_routes,
    user_routes,
)
from bot.console.config import ConsoleConfig
from bot.console.deps import Console

STATIC = Path(__file__).resolve().with_name("static")
APP_NAME = "ys_console"
#: The largest request body the console reads (413 beyond): its forms and JSON are a few KB.
REQUEST_MAX_BYTES = 1024 * 1024


def create_app(settings: Settings | None = None, console: Console | None = None) -> Sanic:
    """Builds the app (reads the knowledge files; databases and Rasa are reached on first use)."""
    settings = settings or get_settings()
    console = console or Console.from_settings(settings, ConsoleConfig.from_settings(settings))
    app = Sanic(APP_NAME)
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.config.KEEP_ALIVE_TIMEOUT = 15
    app.config.REQUEST_MAX_SIZE = REQUEST_MAX_BYTES  # Sanic's default is 100 MB; forms and JSON are small
    app.ctx.console = console
    security.install(app, console)
    errors.install(app)
    for module in (auth_routes, assist_routes, handoff_routes, ticket_routes, report_routes, user_routes,
                   supervisor_routes, notice_routes):
        app.blueprint(module.blueprint(console))
    app.static("/static", str(STATIC), name="static")

    @app.get("/favicon.ico")
    async def favicon(_request: object) -> HTTPResponse:
        return response.empty(status=204)

    @app.before_server_start
    async def start_rasa_client(_app: Sanic, _loop: object) -> None:
        await console.rasa.start()

    @app.after_server_stop
    async def stop_rasa_client(_app: Sanic, _loop: object) -> None:
        await console.rasa.close()

    logging.getLogger(__name__).info("console ready; Rasa at %s", console.config.rasa_url)
    return app
