"""Every handoff (转人工) belongs to a region: agents see and take only their regions' conversations.

``handoffs.region`` holds a region id (a folder of ``knowledge/regions/``). Handoffs
stored before get the deployment's default region, as 0007 gave tickets and accounts:
the ``default_region`` Alembic attribute when the caller sets one
(:func:`bot.db.migrate.upgrade`), else ``YS_DEFAULT_REGION`` (``example`` unless set).
Notices need no column: a notice is of its ticket's region, read through ``tickets.region``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import context, op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

#: A region id's longest form (``bot.regions.loader.REGION_ID``).
REGION_LENGTH = 40


def _default_region() -> str:
    from bot.db.migrate import default_region_of

    return default_region_of(context.config.attributes)


def upgrade() -> None:
    """Adds ``region`` to handoffs, filled with the default region, and indexes it."""
    with op.batch_alter_table("handoffs") as batch:
        batch.add_column(sa.Column("region", sa.String(REGION_LENGTH), nullable=True))
    rows = sa.table("handoffs", sa.column("region", sa.String))
    op.execute(rows.update().values(region=_default_region()))
    with op.batch_alter_table("handoffs") as batch:
        batch.alter_column("region", existing_type=sa.String(REGION_LENGTH), nullable=False)
        batch.create_index("ix_handoffs_region", ["region"])


def downgrade() -> None:
    """Drops the column (handoffs stay; which region they belonged to is lost)."""
    with op.batch_alter_table("handoffs") as batch:
        batch.drop_index("ix_handoffs_region")
        batch.drop_column("region")
