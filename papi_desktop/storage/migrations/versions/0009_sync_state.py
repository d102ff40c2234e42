"""sync state: certificates issued, bundles received and sent, acknowledgements, the held, fork,
conflict and quarantine queues, the register of incoming documents

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 19:20:00
"""

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_ack',
    sa.Column('peer', sa.String(length=32), nullable=False),
    sa.Column('origin_node', sa.String(length=32), nullable=False),
    sa.Column('acked_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('peer', 'origin_node', name=op.f('pk_sync_ack'))
    )
    op.create_table('sync_bundle_in',
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('device', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('reason_vi', sa.Text(), nullable=False),
    sa.Column('reason_en', sa.Text(), nullable=False),
    sa.Column('manifest_json', sa.Text(), nullable=False),
    sa.Column('summary_json', sa.Text(), nullable=False),
    sa.Column('receipt', sa.LargeBinary(), nullable=True),
    sa.Column('kept_file', sa.Text(), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.Column('applied_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_sync_bundle_in'))
    )
    op.create_index(op.f('ix_sync_bundle_in_unit_code'), 'sync_bundle_in', ['unit_code'], unique=False)
    op.create_table('sync_bundle_out',
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('peer', sa.String(length=32), nullable=False),
    sa.Column('ranges_json', sa.Text(), nullable=False),
    sa.Column('changes', sa.Integer(), nullable=False),
    sa.Column('files_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('acknowledged_at', sa.String(length=32), nullable=True),
    sa.Column('receipt_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('bundle_id', name=op.f('pk_sync_bundle_out'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('local_json', sa.Text(), nullable=False),
    sa.Column('remote_json', sa.Text(), nullable=False),
    sa.Column('remote_origin', sa.String(length=48), nullable=False),
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('chosen', sa.String(length=8), nullable=False),
    sa.Column('resolved_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    op.create_index('ix_sync_conflict_open', 'sync_conflict', ['status', 'table_name', 'record_id'], unique=False)
    op.create_table('sync_enrolment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('device', sa.String(length=32), nullable=False),
    sa.Column('serial', sa.String(length=50), nullable=False),
    sa.Column('cert_pem', sa.Text(), nullable=False),
    sa.Column('recipient', sa.String(length=100), nullable=False),
    sa.Column('issued_at', sa.String(length=32), nullable=False),
    sa.Column('not_after', sa.String(length=32), nullable=False),
    sa.Column('revoked_at', sa.String(length=32), nullable=True),
    sa.Column('revoked_reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_enrolment')),
    sa.UniqueConstraint('serial', name=op.f('uq_sync_enrolment_serial'))
    )
    op.create_index(op.f('ix_sync_enrolment_unit_code'), 'sync_enrolment', ['unit_code'], unique=False)
    op.create_table('sync_incoming_document',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('source_id', sa.String(length=36), nullable=False),
    sa.Column('number_ref', sa.String(length=40), nullable=False),
    sa.Column('issued_on', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('files_json', sa.Text(), nullable=False),
    sa.Column('valid', sa.Boolean(), nullable=False),
    sa.Column('problems_json', sa.Text(), nullable=False),
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_incoming_document')),
    sa.UniqueConstraint('unit_code', 'source_id', name='uq_sync_incoming_document_source')
    )
    op.create_index(op.f('ix_sync_incoming_document_unit_code'), 'sync_incoming_document', ['unit_code'], unique=False)
    op.create_table('sync_peer',
    sa.Column('device', sa.String(length=32), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('recipient', sa.String(length=100), nullable=False),
    sa.Column('cert_pem', sa.Text(), nullable=False),
    sa.Column('added_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('device', name=op.f('pk_sync_peer'))
    )
    op.create_table('sync_quarantine',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('bundle_id', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=48), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('reason_vi', sa.Text(), nullable=False),
    sa.Column('reason_en', sa.Text(), nullable=False),
    sa.Column('change_json', sa.Text(), nullable=False),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_quarantine'))
    )
    op.create_index(op.f('ix_sync_quarantine_bundle_id'), 'sync_quarantine', ['bundle_id'], unique=False)


def downgrade() -> None:
    for table in ('sync_quarantine', 'sync_peer', 'sync_incoming_document', 'sync_enrolment', 'sync_conflict', 'sync_bundle_out',
                  'sync_bundle_in', 'sync_ack'):
        op.drop_table(table)
