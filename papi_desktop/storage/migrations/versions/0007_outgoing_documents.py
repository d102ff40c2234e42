"""outgoing document register

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 07:21:23.284125
"""

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outgoing_document',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('symbol', sa.String(length=30), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('signed', sa.Boolean(), nullable=False),
    sa.Column('files_json', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outgoing_document')),
    sa.UniqueConstraint('unit_code', 'year', 'number', name='uq_outgoing_document_number')
    )


def downgrade() -> None:
    op.drop_table('outgoing_document')
