"""the audit trail: audit_entry, append-only and hash-chained, its first entry covering the change log as it is

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 10:00:00

Every commit from now on appends its entries (storage/audit.py). The rows the change log already holds
were written before there was a chain: one "genesis" entry covers them all (their count and SHA-256),
so from here on an edit of an old row is found like an edit of a new one. Triggers refuse UPDATE and
DELETE of audit_entry (and TRUNCATE on PostgreSQL), as change_log's do.
"""

import sqlalchemy as sa
from alembic import op

from papi_desktop.storage import audit, dialect

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'integrity_constraint_violation'; "
    "END $$")


def _triggers(postgresql: bool) -> list[str]:
    if postgresql:
        return [_PG_FUNCTION, *(f"CREATE TRIGGER audit_entry_no_{op.lower()} BEFORE {op} ON audit_entry "
                                f"FOR EACH {each} EXECUTE FUNCTION audit_entry_append_only()"
                                for op, each in (("UPDATE", "ROW"), ("DELETE", "ROW"), ("TRUNCATE", "STATEMENT")))]
    return [f"CREATE TRIGGER audit_entry_no_{op.lower()} BEFORE {op} ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END" for op in ("UPDATE", "DELETE")]


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at_utc", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=False),
        sa.Column("node", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("detail_json", sa.Text(), nullable=False),
        sa.Column("first_change", sa.Integer(), nullable=True),
        sa.Column("last_change", sa.Integer(), nullable=True),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.Column("change_spans", sa.Text(), nullable=True),
        sa.Column("changes_sha256", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entry")),
    )
    op.create_index("ix_audit_entry_at_utc", "audit_entry", ["at_utc"], unique=False)
    op.create_index("ix_audit_entry_actor", "audit_entry", ["actor"], unique=False)
    op.create_index("ix_audit_entry_kind", "audit_entry", ["kind"], unique=False)
    op.create_index("ix_audit_entry_last_change", "audit_entry", ["last_change"], unique=False)
    conn = op.get_bind()
    for statement in _triggers(dialect.is_postgresql(conn)):
        op.execute(statement)
    node = conn.exec_driver_sql("SELECT value FROM local_setting WHERE key = 'node_id'").scalar() or ""
    audit.genesis(conn, {"revision": revision}, node)


def downgrade() -> None:
    conn = op.get_bind()
    if dialect.is_postgresql(conn):
        op.execute("DROP TABLE audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
        return
    for name in ("audit_entry_no_update", "audit_entry_no_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("audit_entry")
