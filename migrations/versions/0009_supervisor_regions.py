"""The register of 特邀监督员 is per region: an entry belongs to the region whose office keeps it.

``supervisors.region`` holds a region id (a folder of ``knowledge/regions/``); entries
stored before get the deployment's default region, as 0007 gave tickets and accounts
(the ``default_region`` Alembic attribute when the caller sets one, else
``YS_DEFAULT_REGION``). One phone has at most one active entry *per region*
(``uq_supervisors_region_active_phone`` replaces ``uq_supervisors_active_phone``): a
supervisor appointed by two regions is two entries, each ended by its own office.

The downgrade drops the column and restores the deployment-wide uniqueness; it stops
(nothing changed) when two regions' active entries share a phone, since the old schema
cannot hold them — end one of them first.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import context, op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: A region id's longest form (``bot.regions.loader.REGION_ID``).
REGION_LENGTH = 40


def _default_region() -> str:
    from bot.db.migrate import default_region_of

    return default_region_of(context.config.attributes)


def upgrade() -> None:
    """Adds ``region``, filled with the default region; the active phone is unique per region."""
    with op.batch_alter_table("supervisors") as batch:
        batch.add_column(sa.Column("region", sa.String(REGION_LENGTH), nullable=True))
    rows = sa.table("supervisors", sa.column("region", sa.String))
    op.execute(rows.update().values(region=_default_region()))
    with op.batch_alter_table("supervisors") as batch:
        batch.alter_column("region", existing_type=sa.String(REGION_LENGTH), nullable=False)
        batch.drop_constraint("uq_supervisors_active_phone", type_="unique")
        batch.create_unique_constraint("uq_supervisors_region_active_phone", ["region", "active_phone"])
        batch.create_index("ix_supervisors_region", ["region"])


def downgrade() -> None:
    """Drops ``region`` (entries stay); refuses when two regions' active entries share a phone."""
    shared = op.get_bind().execute(sa.text(
        "SELECT active_phone FROM supervisors WHERE active_phone IS NOT NULL "
        "GROUP BY active_phone HAVING count(*) > 1")).scalars().all()
    if shared:
        raise RuntimeError(f"cannot downgrade below 0009: active supervisors of several regions share the phones "
                           f"{', '.join(shared)}; end all but one entry of each first")
    with op.batch_alter_table("supervisors") as batch:
        batch.drop_index("ix_supervisors_region")
        batch.drop_constraint("uq_supervisors_region_active_phone", type_="unique")
        batch.create_unique_constraint("uq_supervisors_active_phone", ["active_phone"])
        batch.drop_column("region")
