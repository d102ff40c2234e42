"""citizens of a visit indexed with their position (a list page reads them in order without sorting)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reception_citizen") as batch_op:
        batch_op.drop_index("ix_reception_citizen_reception_id")
        batch_op.create_index("ix_reception_citizen_visit_position", ["reception_id", "position"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reception_citizen") as batch_op:
        batch_op.drop_index("ix_reception_citizen_visit_position")
        batch_op.create_index("ix_reception_citizen_reception_id", ["reception_id"], unique=False)
