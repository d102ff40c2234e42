"""indexes for the status filter and per-period progress queries

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 13:05:00
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("task") as batch:
        batch.create_index("ix_task_status", ["status"])
    with op.batch_alter_table("progress_update") as batch:
        batch.create_index("ix_progress_update_period_code", ["period_code"])


def downgrade() -> None:
    with op.batch_alter_table("progress_update") as batch:
        batch.drop_index("ix_progress_update_period_code")
    with op.batch_alter_table("task") as batch:
        batch.drop_index("ix_task_status")
