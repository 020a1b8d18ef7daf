"""Security: counts a new conversation cannot reset, nonces of signed requests, replies per sender.

- ``rate_events``: failed ticket lookups and filings per ticket id, conversation and
  client, over a time window (``bot.ratelimit``);
- ``channel_nonces``: the (timestamp, nonce) of each signed WeChat/WeCom request with a
  digest of its body, so that a captured signature replayed over another body is
  refused;
- ``channel_messages`` is keyed by ``(channel, sender, msg_id)`` instead of
  ``(channel, msg_id)``: a MsgId is only unique per user, and a forged message with
  another user's MsgId must not get that user's stored reply. The table is a one-day
  delivery log, so it is recreated empty (deliveries in flight during the upgrade are
  processed again, at most once more).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _channel_messages(primary_key: tuple) -> None:
    op.create_table(
        "channel_messages",
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("sender", sa.String(128), nullable=False),
        sa.Column("msg_id", sa.String(128), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint(*primary_key, name="pk_channel_messages"),
    )
    op.create_index("ix_channel_messages_received_at", "channel_messages", ["received_at"])


def upgrade() -> None:
    """Creates ``rate_events`` and ``channel_nonces``; re-keys ``channel_messages``."""
    op.create_table(
        "rate_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(160), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rate_events"),
    )
    op.create_index("ix_rate_events_at", "rate_events", ["at"])
    op.create_index("ix_rate_events_kind_subject_at", "rate_events", ["kind", "subject", "at"])
    op.create_table(
        "channel_nonces",
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("timestamp", sa.String(16), nullable=False),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.Column("body_digest", sa.String(64), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("channel", "timestamp", "nonce", name="pk_channel_nonces"),
    )
    op.create_index("ix_channel_nonces_seen_at", "channel_nonces", ["seen_at"])
    op.drop_index("ix_channel_messages_received_at", table_name="channel_messages")
    op.drop_table("channel_messages")
    _channel_messages(("channel", "sender", "msg_id"))


def downgrade() -> None:
    """Back to 0003 (the delivery log is recreated empty; the counts are lost)."""
    op.drop_index("ix_channel_messages_received_at", table_name="channel_messages")
    op.drop_table("channel_messages")
    _channel_messages(("channel", "msg_id"))
    op.drop_index("ix_channel_nonces_seen_at", table_name="channel_nonces")
    op.drop_table("channel_nonces")
    op.drop_index("ix_rate_events_kind_subject_at", table_name="rate_events")
    op.drop_index("ix_rate_events_at", table_name="rate_events")
    op.drop_table("rate_events")
