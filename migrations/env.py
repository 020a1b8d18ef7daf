"""Alembic environment of the ticket database, configured by ``bot.db.migrate``.

There is no ``alembic.ini``: run ``python -m bot db upgrade``, which passes the URL
from the settings (``YS_DATABASE_URL``) and an open connection in
``config.attributes``.
"""
from __future__ import annotations

from alembic import context

from bot.channel_store import metadata as channel_metadata
from bot.db import get_engine
from bot.handoff.store import metadata as handoff_metadata
from bot.ratelimit import metadata as rate_metadata
from bot.staff.tables import metadata as staff_metadata
from bot.supervisors.tables import metadata as supervisor_metadata
from bot.tickets.tables import metadata as ticket_metadata

#: Every table the migrations manage: the ticket store, the channels' message log, the
#: console's accounts and sessions, human handoff requests, the supervisor register and the
#: rate counts.
TARGET = [ticket_metadata, channel_metadata, staff_metadata, handoff_metadata, supervisor_metadata, rate_metadata]

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=TARGET,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """Writes the SQL to stdout (``alembic upgrade --sql``) instead of running it."""
    context.configure(
        url=config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url"),
        target_metadata=TARGET,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Runs the migrations on the connection given, or on one opened from the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    with get_engine(url).begin() as opened:
        _run(opened)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
