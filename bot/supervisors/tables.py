"""The ``supervisors`` table (schema by migrations 0004 and 0009), in the ticket database."""
from __future__ import annotations

import sqlalchemy as sa

from bot.db import UtcDateTime, new_metadata

metadata = new_metadata()

supervisors = sa.Table(
    "supervisors", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(30), nullable=False),
    sa.Column("phone", sa.String(20), nullable=False, index=True),
    # the phone while the appointment is active: unique per region (migration 0009), so two
    # active entries of one region never share a phone
    sa.Column("active_phone", sa.String(20)),
    # the region whose office keeps the entry (a folder of knowledge/regions/)
    sa.Column("region", sa.String(40), nullable=False, index=True),
    sa.Column("organisation", sa.String(100)),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("added_at", UtcDateTime, nullable=False),
    sa.Column("added_by", sa.String(64), nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("updated_by", sa.String(64), nullable=False),
    sa.UniqueConstraint("region", "active_phone", name="uq_supervisors_region_active_phone"),
)
