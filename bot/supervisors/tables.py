"""The ``supervisors`` table (schema by migration 0004), in the ticket database."""
from __future__ import annotations

import sqlalchemy as sa

from bot.db import UtcDateTime, new_metadata

metadata = new_metadata()

supervisors = sa.Table(
    "supervisors", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(30), nullable=False),
    sa.Column("phone", sa.String(20), nullable=False, index=True),
    # the phone while the appointment is active: unique, so two active entries never share a phone
    sa.Column("active_phone", sa.String(20), unique=True),
    sa.Column("organisation", sa.String(100)),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("added_at", UtcDateTime, nullable=False),
    sa.Column("added_by", sa.String(64), nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("updated_by", sa.String(64), nullable=False),
)
