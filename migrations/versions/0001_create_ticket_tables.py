"""Create the ticket store: tickets, their event log, counted urges, daily sequences.

Revision ID: 0001
Revises:
Create Date: 2026-11-20
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Creates the four tables and their indexes."""
    op.create_table(
        "tickets",
        sa.Column("id", sa.String(20), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("company_name", sa.String(100), nullable=True),
        sa.Column("credit_code", sa.String(18), nullable=True),
        sa.Column("contact_name", sa.String(30), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("procedure", sa.String(64), nullable=True),
        sa.Column("department", sa.String(64), nullable=True),
        sa.Column("policy", sa.String(32), nullable=False),
        sa.Column("policy_overridden", sa.Boolean(), nullable=False),
        sa.Column("clock_started_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("next_escalation_at", sa.DateTime(), nullable=True),
        sa.Column("conversation_id", sa.String(255), nullable=True),
        sa.Column("filing_key", sa.String(128), nullable=True),
        sa.Column("rating", sa.String(8), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tickets"),
        sa.UniqueConstraint("filing_key", name="uq_tickets_filing_key"),
        sa.UniqueConstraint("filed_on", "seq", name="uq_tickets_filed_on_seq"),
    )
    op.create_index("ix_tickets_status", "tickets", ["status"])
    op.create_index("ix_tickets_department", "tickets", ["department"])
    op.create_index("ix_tickets_due_at", "tickets", ["due_at"])
    op.create_index("ix_tickets_next_escalation_at", "tickets", ["next_escalation_at"])
    op.create_index("ix_tickets_conversation_id", "tickets", ["conversation_id"])

    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ticket_id", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ticket_events"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_ticket_events_ticket_id_tickets"),
    )
    op.create_index("ix_ticket_events_ticket_id", "ticket_events", ["ticket_id"])

    op.create_table(
        "ticket_urges",
        sa.Column("ticket_id", sa.String(20), nullable=False),
        sa.Column("workday", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("ticket_id", "workday", name="pk_ticket_urges"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_ticket_urges_ticket_id_tickets"),
    )

    op.create_table(
        "ticket_sequences",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_ticket_sequences"),
    )


def downgrade() -> None:
    """Drops the ticket store (development databases only: it deletes every ticket)."""
    op.drop_table("ticket_sequences")
    op.drop_table("ticket_urges")
    op.drop_index("ix_ticket_events_ticket_id", table_name="ticket_events")
    op.drop_table("ticket_events")
    for name in ("conversation_id", "next_escalation_at", "due_at", "department", "status"):
        op.drop_index(f"ix_tickets_{name}", table_name="tickets")
    op.drop_table("tickets")
