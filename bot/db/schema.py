"""The one naming convention of constraints and indexes, for every table's ``MetaData``.

The Alembic revisions in ``migrations/`` name constraints the same way, so that the
tables the code queries and the schema the revisions create compare equal (a test
checks it).
"""
from __future__ import annotations

import sqlalchemy as sa

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_metadata() -> sa.MetaData:
    """A ``MetaData`` with :data:`NAMING_CONVENTION` (one per package that owns tables)."""
    return sa.MetaData(naming_convention=dict(NAMING_CONVENTION))
