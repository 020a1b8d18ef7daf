"""Several regions in one deployment: every ticket and every console account belongs to one.

``tickets.region`` and ``staff_users.region`` hold a region id (a folder of
``knowledge/regions/``). Rows stored before regions get the deployment's default
region: the ``default_region`` Alembic attribute when the caller sets one
(:func:`bot.db.migrate.upgrade`), else ``YS_DEFAULT_REGION`` (``example`` unless set).
Ticket ids stay one sequence for every region, so they never repeat across regions.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-09
"""
import sqlalchemy as sa
from alembic import context, op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: A region id's longest form (``bot.regions.loader.REGION_ID``).
REGION_LENGTH = 40


def _default_region() -> str:
    from bot.db.migrate import default_region_of

    return default_region_of(context.config.attributes)


def upgrade() -> None:
    """Adds ``region`` to tickets and staff accounts, filled with the default region, and indexes it."""
    region = _default_region()
    for table in ("tickets", "staff_users"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("region", sa.String(REGION_LENGTH), nullable=True))
        rows = sa.table(table, sa.column("region", sa.String))
        op.execute(rows.update().values(region=region))
        with op.batch_alter_table(table) as batch:
            batch.alter_column("region", existing_type=sa.String(REGION_LENGTH), nullable=False)
            batch.create_index(f"ix_{table}_region", ["region"])


def downgrade() -> None:
    """Drops the two columns (tickets and accounts stay; which region they belonged to is lost)."""
    for table in ("staff_users", "tickets"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_region")
            batch.drop_column("region")
