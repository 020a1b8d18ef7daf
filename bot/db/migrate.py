"""Alembic without ``alembic.ini``: the configuration is built from the database URL.

``python -m bot db upgrade`` calls :func:`upgrade`; every store calls
:func:`check_schema` (through :class:`bot.db.Database`) before first use and refuses an
un-migrated database.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from bot.config import PROJECT_ROOT, get_settings
from bot.db.engine import READ_ONLY, get_engine
from bot.db.errors import StoreUnavailable, unavailable_as_store_error

if TYPE_CHECKING:  # pragma: no cover
    from alembic.config import Config

#: The Alembic script directory (``env.py`` and ``versions/``).
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
#: Alembic's bookkeeping table (its default name).
VERSION_TABLE = "alembic_version"


def alembic_config(url: str, script_location: Path = MIGRATIONS_DIR) -> Config:
    """Builds an Alembic configuration for ``url`` in memory."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    # ConfigParser treats % as interpolation; URLs may contain escaped passwords.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["database_url"] = url
    return config


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str | None:
    """The newest revision in ``migrations/versions``."""
    from alembic.script import ScriptDirectory

    head: str | None = ScriptDirectory(str(script_location)).get_current_head()
    return head


def current_revision(url: str) -> str | None:
    """The revision the database at ``url`` is at, ``None`` if never migrated.

    Reads Alembic's ``alembic_version`` table directly (quietly: no migration
    context, whose set-up logs on every call).
    """
    with get_engine(url).connect() as connection:
        connection = connection.execution_options(**{READ_ONLY: True})
        if not sa.inspect(connection).has_table(VERSION_TABLE):
            return None
        table = sa.table(VERSION_TABLE, sa.column("version_num"))
        versions = [str(v) for v in connection.execute(sa.select(table.c.version_num)).scalars().all()]
        return versions[0] if len(versions) == 1 else ",".join(sorted(versions)) or None


def upgrade(url: str, revision: str = "head", default_region: str | None = None) -> list[str | None]:
    """Migrates the database at ``url`` to ``revision`` (the directory of a SQLite file is created).

    Args:
        url: the database.
        revision: the revision wanted.
        default_region: the region rows stored before regions get (revisions 0007 and 0008);
            ``None``: ``YS_DEFAULT_REGION``.

    Returns:
        The revision before and after, e.g. ``[None, "0001"]``.
    """
    from alembic import command

    before = current_revision(url)
    config = alembic_config(url)
    if default_region:
        config.attributes["default_region"] = default_region
    with _migrating(url) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return [before, current_revision(url)]


def default_region_of(attributes: Mapping[str, Any]) -> str:
    """The region rows stored before regions get, for a migration that adds a ``region``
    column: the ``default_region`` the caller of :func:`upgrade` gave (Alembic's config
    attributes), else ``YS_DEFAULT_REGION``."""
    given = attributes.get("default_region")
    if given:
        return str(given)
    return get_settings().default_region


def downgrade(url: str, revision: str) -> list[str | None]:
    """Migrates the database at ``url`` back to ``revision``.

    Returns:
        The revision before and after, e.g. ``["0007", "0006"]``.
    """
    from alembic import command

    before = current_revision(url)
    config = alembic_config(url)
    with _migrating(url) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    return [before, current_revision(url)]


@contextmanager
def _migrating(url: str) -> Iterator[sa.engine.Connection]:
    """A connection in one transaction for the migrations.

    SQLite changes a column by copying its table and dropping the old one (Alembic's
    batch mode); with foreign keys enforced that drop fails as soon as another table
    refers to a row (``ticket_events`` to ``tickets``, ``handoff_events`` to
    ``handoffs``). So on SQLite they are switched off for the migration (SQLite ignores
    the switch inside a transaction: it is set before it begins), checked with
    ``PRAGMA foreign_key_check`` before the commit, and switched on again.

    Raises:
        StoreUnavailable: the migrated rows break a foreign key (nothing is committed).
    """
    engine = get_engine(url)
    with engine.connect() as connection:
        if engine.dialect.name != "sqlite":
            with connection.begin():
                yield connection
            return
        raw = connection.connection
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise StoreUnavailable(f"the migration breaks foreign keys: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def check_schema(url: str) -> None:
    """Makes sure the database at ``url`` is at the newest revision.

    Raises:
        StoreUnavailable: the database cannot be reached, has no tables yet, or has an
            older revision; the message tells to run ``python -m bot db upgrade``.
    """
    with unavailable_as_store_error():
        current = current_revision(url)
    head = head_revision()
    if current != head:
        raise StoreUnavailable(f"database at revision {current or 'none'}, code expects {head}")
