"""Tables of the ticket store: tickets, their events, urges, daily sequences and the outbox.

The tables here describe the schema for queries; the schema itself is created and
changed only by the Alembic revisions in ``migrations/``. The engine, the column
types and the naming convention are :mod:`bot.db`'s.
"""
from __future__ import annotations

import sqlalchemy as sa

from bot.db import UtcDateTime, new_metadata

metadata = new_metadata()

tickets = sa.Table(
    "tickets", metadata,
    sa.Column("id", sa.String(20), primary_key=True),
    sa.Column("filed_on", sa.Date, nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("company_name", sa.String(100)),
    sa.Column("credit_code", sa.String(18)),
    sa.Column("contact_name", sa.String(30), nullable=False),
    sa.Column("phone", sa.String(20), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("procedure", sa.String(64)),
    sa.Column("department", sa.String(64), index=True),
    sa.Column("region", sa.String(40), nullable=False, index=True),
    sa.Column("policy", sa.String(32), nullable=False),
    sa.Column("policy_overridden", sa.Boolean, nullable=False, default=False),
    sa.Column("clock_started_at", UtcDateTime, nullable=False),
    sa.Column("accepted_at", UtcDateTime),
    sa.Column("due_at", UtcDateTime, index=True),
    sa.Column("due_provisional", sa.Boolean, nullable=False, default=False),
    sa.Column("escalation_level", sa.Integer, nullable=False, default=0),
    sa.Column("next_escalation_at", UtcDateTime, index=True),
    sa.Column("conversation_id", sa.String(255), index=True),
    sa.Column("filing_key", sa.String(128), unique=True),
    sa.Column("joined_to", sa.String(20), index=True),
    sa.Column("rating", sa.String(8)),
    sa.Column("closed_at", UtcDateTime),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.UniqueConstraint("filed_on", "seq", name="uq_tickets_filed_on_seq"),
)

ticket_events = sa.Table(
    "ticket_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ticket_id", sa.String(20), sa.ForeignKey("tickets.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("actor", sa.String(255), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

ticket_urges = sa.Table(
    "ticket_urges", metadata,
    sa.Column("ticket_id", sa.String(20), sa.ForeignKey("tickets.id"), primary_key=True),
    sa.Column("workday", sa.Date, primary_key=True),
)

ticket_sequences = sa.Table(
    "ticket_sequences", metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("last", sa.Integer, nullable=False),
)

#: Notices to enterprises (and departments) waiting to be sent, and what became of them:
#: written in the transaction of the ticket change they tell about (bot.notify).
outbox = sa.Table(
    "outbox", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ticket_id", sa.String(20), sa.ForeignKey("tickets.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("transport", sa.String(16), nullable=False),
    sa.Column("recipient", sa.String(255), nullable=False, index=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("next_attempt_at", UtcDateTime, nullable=False),
    sa.Column("claimed_by", sa.String(64)),
    sa.Column("claimed_until", UtcDateTime),
    sa.Column("last_error", sa.Text),
    sa.Column("sent_via", sa.String(32)),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("sent_at", UtcDateTime),
    sa.Index("ix_outbox_state_next_attempt_at", "state", "next_attempt_at"),
)
