"""The office's register of 特邀监督员: a supervisor's report runs on its own clock.

``supervisors`` lists everyone the office appointed, by name and the mobile number
their reports are filed with. Entries are never deleted; ``active_phone`` holds the
phone while the appointment is active and is unique, so one phone has at most one
active entry.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Creates ``supervisors``."""
    op.create_table(
        "supervisors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(30), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("active_phone", sa.String(20), nullable=True),
        sa.Column("organisation", sa.String(100), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_supervisors"),
        sa.UniqueConstraint("active_phone", name="uq_supervisors_active_phone"),
    )
    op.create_index("ix_supervisors_phone", "supervisors", ["phone"])


def downgrade() -> None:
    """Drops ``supervisors``."""
    op.drop_index("ix_supervisors_phone", table_name="supervisors")
    op.drop_table("supervisors")
