"""personal_key: one key per record that seals its personal values in the change log (issue 13 §3)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 16:30:00

Local to the PC, never synced (storage.personal_seal). Change-log rows written before this revision
keep their personal values in clear: rewriting them would break the audit chain that hashes them;
services.personal_data says so when it erases a record that has such rows.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personal_key",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "record_id", name=op.f("pk_personal_key")),
    )


def downgrade() -> None:
    op.drop_table("personal_key")
