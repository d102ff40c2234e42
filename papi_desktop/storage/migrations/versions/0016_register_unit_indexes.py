"""registers indexed by commune and date: the province's dashboard and its one-commune view read a
commune's (or every commune's) visits, petitions and dialogues of a period (issue 12 §5)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 21:30:00

A commune's own database holds one unit, where these only repeat the date indexes; at the province,
holding 75 communes, the date index alone made a year's totals and one commune's book read the whole
year of every commune.
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

INDEXES = (("ix_reception_unit_received", "reception", ["unit_code", "received_on"]),
           ("ix_petition_unit_received", "petition", ["unit_code", "received_on"]),
           ("ix_dialogue_unit_held", "dialogue", ["unit_code", "held_on"]))


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
