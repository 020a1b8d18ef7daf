"""WeChat / WeCom delivery log: one row per received message, numbered choices per user.

``channel_messages`` makes a message retried by WeChat (same MsgId, up to three
deliveries, possibly to different replicas) processed once: the first insert of
``(channel, msg_id)`` wins. ``channel_choices`` remembers the numbered choices last
offered to a user, so that a bare「2」means the second button. Both are short-lived
(rows older than a day are deleted by the channel); tickets stay untouched.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Creates ``channel_messages`` and ``channel_choices``."""
    op.create_table(
        "channel_messages",
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("msg_id", sa.String(128), nullable=False),
        sa.Column("sender", sa.String(128), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("channel", "msg_id", name="pk_channel_messages"),
    )
    op.create_index("ix_channel_messages_received_at", "channel_messages", ["received_at"])

    op.create_table(
        "channel_choices",
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("sender", sa.String(128), nullable=False),
        sa.Column("choices", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("channel", "sender", name="pk_channel_choices"),
    )
    op.create_index("ix_channel_choices_updated_at", "channel_choices", ["updated_at"])


def downgrade() -> None:
    """Drops both tables (only a delivery log and pending choices are lost)."""
    op.drop_index("ix_channel_choices_updated_at", table_name="channel_choices")
    op.drop_table("channel_choices")
    op.drop_index("ix_channel_messages_received_at", table_name="channel_messages")
    op.drop_table("channel_messages")
