"""The console's account tables, in the ticket database (schema by migrations 0003 and 0007).

``staff_sessions`` keeps a SHA-256 of each session token, never the token itself,
so a copy of the database does not let anyone in. ``staff_login_failures`` is the
sign-in throttle's memory (rows older than the lock window are deleted).
"""
from __future__ import annotations

import sqlalchemy as sa

from bot.db import UtcDateTime, new_metadata

metadata = new_metadata()

staff_users = sa.Table(
    "staff_users", metadata,
    sa.Column("username", sa.String(32), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("department", sa.String(64)),
    sa.Column("region", sa.String(40), nullable=False, index=True),
    sa.Column("display_name", sa.String(50), nullable=False),
    sa.Column("password_hash", sa.String(100), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

staff_sessions = sa.Table(
    "staff_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(32), sa.ForeignKey("staff_users.username"), nullable=False, index=True),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("last_seen_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False, index=True),
)

staff_login_failures = sa.Table(
    "staff_login_failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("ip", sa.String(64), nullable=False, index=True),
    sa.Column("at", UtcDateTime, nullable=False, index=True),
)
