"""transparency: villages, postings, budget tables, poverty reviews, news

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 06:57:50.967503
"""

import sqlalchemy as sa
from alembic import op

from papi_desktop.storage import dialect


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    fk = dialect.fk_options(op.get_bind())  # PostgreSQL: DEFERRABLE INITIALLY IMMEDIATE
    op.create_table('budget_table',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=30), nullable=False),
    sa.Column('form_code', sa.String(length=30), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('columns_json', sa.Text(), nullable=False),
    sa.Column('doc_number', sa.String(length=100), nullable=False),
    sa.Column('doc_date', sa.Date(), nullable=True),
    sa.Column('source_name', sa.String(length=300), nullable=False),
    sa.Column('source_sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_table'))
    )
    with op.batch_alter_table('budget_table', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_table_year'), ['year'], unique=False)

    op.create_table('news_item',
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('link', sa.Text(), nullable=False),
    sa.Column('topic', sa.String(length=30), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_news_item'))
    )
    with op.batch_alter_table('news_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_news_item_published_on'), ['published_on'], unique=False)

    op.create_table('poverty_review',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('standard', sa.String(length=20), nullable=False),
    sa.Column('listed_on', sa.Date(), nullable=True),
    sa.Column('recheck_on', sa.Date(), nullable=True),
    sa.Column('decision_number', sa.String(length=100), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('source_name', sa.String(length=300), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poverty_review'))
    )
    with op.batch_alter_table('poverty_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poverty_review_year'), ['year'], unique=False)

    op.create_table('village',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_village'))
    )
    op.create_table('budget_line',
    sa.Column('table_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('values_json', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['table_id'], ['budget_table.id'], name=op.f('fk_budget_line_table_id_budget_table'), **fk),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line'))
    )
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_table_id'), ['table_id'], unique=False)

    op.create_table('posting',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject_period', sa.String(length=20), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('doc_number', sa.String(length=100), nullable=False),
    sa.Column('doc_date', sa.Date(), nullable=True),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('feedback_to', sa.String(length=300), nullable=False),
    sa.Column('feedback_until', sa.Date(), nullable=True),
    sa.Column('budget_table_id', sa.String(length=36), nullable=True),
    sa.Column('poverty_review_id', sa.String(length=36), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['budget_table_id'], ['budget_table.id'], name=op.f('fk_posting_budget_table_id_budget_table'), **fk),
    sa.ForeignKeyConstraint(['poverty_review_id'], ['poverty_review.id'], name=op.f('fk_posting_poverty_review_id_poverty_review'), **fk),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting'))
    )
    with op.batch_alter_table('posting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_posting_subject_period'), ['subject_period'], unique=False)

    op.create_table('poverty_household',
    sa.Column('review_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('head_name', sa.String(length=200), nullable=False),
    sa.Column('id_number', sa.String(length=50), nullable=False),
    sa.Column('village', sa.String(length=200), nullable=False),
    sa.Column('ethnicity', sa.String(length=50), nullable=False),
    sa.Column('members', sa.Integer(), nullable=False),
    sa.Column('area', sa.String(length=10), nullable=False),
    sa.Column('income', sa.Integer(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('deprivations', sa.String(length=300), nullable=False),
    sa.Column('deprivation_count', sa.Integer(), nullable=True),
    sa.Column('preliminary_class', sa.String(length=20), nullable=False),
    sa.Column('final_class', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['poverty_review.id'], name=op.f('fk_poverty_household_review_id_poverty_review'), **fk),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poverty_household'))
    )
    with op.batch_alter_table('poverty_household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poverty_household_review_id'), ['review_id'], unique=False)

    op.create_table('posting_attachment',
    sa.Column('posting_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['posting_id'], ['posting.id'], name=op.f('fk_posting_attachment_posting_id_posting'), **fk),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting_attachment'))
    )
    with op.batch_alter_table('posting_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_attachment_posting_id'), ['posting_id'], unique=False)

    op.create_table('posting_channel',
    sa.Column('posting_id', sa.String(length=36), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['posting_id'], ['posting.id'], name=op.f('fk_posting_channel_posting_id_posting'), **fk),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting_channel'))
    )
    with op.batch_alter_table('posting_channel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_channel_posting_id'), ['posting_id'], unique=False)

    op.create_table('posting_feedback',
    sa.Column('posting_id', sa.String(length=36), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('sender', sa.String(length=200), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['posting_id'], ['posting.id'], name=op.f('fk_posting_feedback_posting_id_posting'), **fk),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting_feedback'))
    )
    with op.batch_alter_table('posting_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_feedback_posting_id'), ['posting_id'], unique=False)

    op.create_table('posting_place',
    sa.Column('posting_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=10), nullable=False),
    sa.Column('village_id', sa.String(length=36), nullable=True),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['posting_id'], ['posting.id'], name=op.f('fk_posting_place_posting_id_posting'), **fk),
    sa.ForeignKeyConstraint(['village_id'], ['village.id'], name=op.f('fk_posting_place_village_id_village'), **fk),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting_place'))
    )
    with op.batch_alter_table('posting_place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_place_posting_id'), ['posting_id'], unique=False)

    op.create_table('poverty_objection',
    sa.Column('review_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('sender', sa.String(length=200), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('rechecked_on', sa.Date(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('class_after', sa.String(length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_code', sa.String(length=10), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_hlc', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['poverty_household.id'], name=op.f('fk_poverty_objection_household_id_poverty_household'), **fk),
    sa.ForeignKeyConstraint(['review_id'], ['poverty_review.id'], name=op.f('fk_poverty_objection_review_id_poverty_review'), **fk),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_poverty_objection'))
    )
    with op.batch_alter_table('poverty_objection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_poverty_objection_review_id'), ['review_id'], unique=False)

    with op.batch_alter_table('commune_profile', schema=None) as batch_op:
        # Existing communes: a loudspeaker system is assumed (most have one), a web page is not.
        batch_op.add_column(sa.Column('has_loudspeaker', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('has_portal', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("commune_profile", schema=None) as batch_op:
        batch_op.drop_column('has_portal')
        batch_op.drop_column('has_loudspeaker')

    with op.batch_alter_table('poverty_objection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poverty_objection_review_id'))

    op.drop_table('poverty_objection')
    with op.batch_alter_table('posting_place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posting_place_posting_id'))

    op.drop_table('posting_place')
    with op.batch_alter_table('posting_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posting_feedback_posting_id'))

    op.drop_table('posting_feedback')
    with op.batch_alter_table('posting_channel', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posting_channel_posting_id'))

    op.drop_table('posting_channel')
    with op.batch_alter_table('posting_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posting_attachment_posting_id'))

    op.drop_table('posting_attachment')
    with op.batch_alter_table('poverty_household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poverty_household_review_id'))

    op.drop_table('poverty_household')
    with op.batch_alter_table('posting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_posting_subject_period'))
        batch_op.drop_index(batch_op.f('ix_posting_kind'))

    op.drop_table('posting')
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_table_id'))

    op.drop_table('budget_line')
    op.drop_table('village')
    with op.batch_alter_table('poverty_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_poverty_review_year'))

    op.drop_table('poverty_review')
    with op.batch_alter_table('news_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_news_item_published_on'))

    op.drop_table('news_item')
    with op.batch_alter_table('budget_table', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_table_year'))

    op.drop_table('budget_table')
