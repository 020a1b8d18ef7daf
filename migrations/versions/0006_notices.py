"""Notices reach the enterprise, the 好差评 loop closes: the outbox, 并单, WeChat's 48-hour window.

``outbox`` holds every notice (answer, closure, 受理, 转办, 暂停, 临期…) written in the
transaction of the ticket change it tells about, and its delivery: pending, sending
(claimed by one worker until ``claimed_until``), sent or failed. ``tickets.joined_to``
names the ticket a joined one (并单) is handled with. ``channel_contacts`` keeps when a
WeChat/WeCom user last wrote (customer-service messages are allowed for 48 hours
after). Ratings stored before the national five levels (好评, 差评) become levels 5
and 1, as the monthly report always counted them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Creates ``outbox`` and ``channel_contacts``, adds ``tickets.joined_to``, converts ratings."""
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ticket_id", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("transport", sa.String(16), nullable=False),
        sa.Column("recipient", sa.String(255), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_via", sa.String(32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_outbox_ticket_id_tickets"),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
    )
    op.create_index("ix_outbox_ticket_id", "outbox", ["ticket_id"])
    op.create_index("ix_outbox_recipient", "outbox", ["recipient"])
    op.create_index("ix_outbox_state_next_attempt_at", "outbox", ["state", "next_attempt_at"])

    op.create_table(
        "channel_contacts",
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("last_message_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("channel", "user_id", name="pk_channel_contacts"),
    )
    op.create_index("ix_channel_contacts_last_message_at", "channel_contacts", ["last_message_at"])

    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("joined_to", sa.String(20), nullable=True))
        batch.create_index("ix_tickets_joined_to", ["joined_to"])

    tickets = sa.table("tickets", sa.column("rating", sa.String))
    op.execute(tickets.update().where(tickets.c.rating == "好评").values(rating="5"))
    op.execute(tickets.update().where(tickets.c.rating == "差评").values(rating="1"))


def downgrade() -> None:
    """Drops what upgrade added (ratings stay on the five levels)."""
    with op.batch_alter_table("tickets") as batch:
        batch.drop_index("ix_tickets_joined_to")
        batch.drop_column("joined_to")
    op.drop_index("ix_channel_contacts_last_message_at", table_name="channel_contacts")
    op.drop_table("channel_contacts")
    op.drop_index("ix_outbox_state_next_attempt_at", table_name="outbox")
    op.drop_index("ix_outbox_recipient", table_name="outbox")
    op.drop_index("ix_outbox_ticket_id", table_name="outbox")
    op.drop_table("outbox")
