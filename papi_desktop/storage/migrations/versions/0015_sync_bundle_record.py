"""sync_bundle_record: which records a held, forked or quarantined bundle carries changes of, so each
record shows it is waiting, with the bundle's reason (issue 10 §5)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 09:00:00

Only (table, record id): no values, so nothing personal. Bundles held before this revision have no
rows here; their records show their own state until the bundle is read again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_bundle_record",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", "table_name", "record_id", name=op.f("pk_sync_bundle_record")),
    )
    op.create_index("ix_sync_bundle_record_record", "sync_bundle_record", ["table_name", "record_id"], unique=False)


def downgrade() -> None:
    op.drop_table("sync_bundle_record")
