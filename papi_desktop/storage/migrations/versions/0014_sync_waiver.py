"""sync_waiver: change numbers a person chose to go on without when releasing a held bundle early
(issue 10 §4)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_waiver",
        sa.Column("origin_node", sa.String(length=32), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("released_by", sa.String(length=64), nullable=False),
        sa.Column("released_at", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("origin_node", "first_seq", name=op.f("pk_sync_waiver")),
    )


def downgrade() -> None:
    op.drop_table("sync_waiver")
