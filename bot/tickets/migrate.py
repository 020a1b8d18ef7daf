"""Alembic without ``alembic.ini``: the configuration is built from the database URL.

``python -m bot db upgrade`` calls :func:`upgrade`; the ticket store calls
:func:`check_schema` before first use and refuses an un-migrated database.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from bot.config import PROJECT_ROOT
from bot.tickets.errors import DatabaseNotReady

#: The Alembic script directory (``env.py`` and ``versions/``).
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
#: Alembic's bookkeeping table (its default name).
VERSION_TABLE = "alembic_version"


def alembic_config(url: str, script_location: Path = MIGRATIONS_DIR) -> "alembic.config.Config":  # noqa: F821
    """Builds an Alembic configuration for ``url`` in memory."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    # ConfigParser treats % as interpolation; URLs may contain escaped passwords.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["database_url"] = url
    return config


def head_revision(script_location: Path = MIGRATIONS_DIR) -> Optional[str]:
    """The newest revision in ``migrations/versions``."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(script_location)).get_current_head()


def current_revision(url: str) -> Optional[str]:
    """The revision the database at ``url`` is at, ``None`` if never migrated.

    Reads Alembic's ``alembic_version`` table directly (quietly: no migration
    context, whose set-up logs on every call).
    """
    import sqlalchemy as sa

    from bot.tickets.db import READ_ONLY, get_engine

    with get_engine(url).connect() as connection:
        connection = connection.execution_options(**{READ_ONLY: True})
        if not sa.inspect(connection).has_table(VERSION_TABLE):
            return None
        table = sa.table(VERSION_TABLE, sa.column("version_num"))
        versions = connection.execute(sa.select(table.c.version_num)).scalars().all()
        return versions[0] if len(versions) == 1 else ",".join(sorted(versions)) or None


def upgrade(url: str, revision: str = "head") -> List[str]:
    """Migrates the database at ``url`` to ``revision`` (the directory of a SQLite file is created).

    Returns:
        The revision before and after, e.g. ``[None, "0001"]``.
    """
    from alembic import command

    from bot.tickets.db import get_engine

    before = current_revision(url)
    config = alembic_config(url)
    with get_engine(url).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return [before, current_revision(url)]


def check_schema(url: str) -> None:
    """Makes sure the database at ``url`` is at the newest revision.

    Raises:
        DatabaseNotReady: no tables yet, or an older revision; the message tells to
            run ``python -m bot db upgrade``.
    """
    current, head = current_revision(url), head_revision()
    if current != head:
        raise DatabaseNotReady(f"database at revision {current or 'none'}, code expects {head}")
