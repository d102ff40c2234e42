"""change-log rows name their origin: device, per-device sequence, transaction; received changes marked

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 19:30:00

Existing rows were all made on this installation: origin = the local node id, origin_seq = their
insertion order (1..n). Their transactions were not recorded, so they are rebuilt from the log: a run
of consecutive rows by the same actor, each written at most one second after the previous one, is one
transaction. A save (a visit and its citizens) or an import is such a run even when it crossed a second;
two quick saves of one person may merge into one, which only makes a unit larger, never split.
"""

import uuid
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from papi_desktop.storage import dialect

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _drop_triggers() -> None:
    for statement in dialect.drop_append_only_triggers(op.get_bind()):
        op.execute(statement)


def _create_triggers() -> None:
    # Batch mode rebuilds the table, and a rebuilt table has lost its triggers: the guarantee is restored here.
    for statement in dialect.create_append_only_triggers(op.get_bind()):
        op.execute(statement)


def _recreate() -> str:
    return "auto" if dialect.is_postgresql(op.get_bind()) else "always"


def _local_node(conn: sa.Connection) -> str:
    node = conn.exec_driver_sql("SELECT value FROM local_setting WHERE key = 'node_id'").scalar()
    if not node:  # storage.db makes the same kind of id on first open
        node = uuid.uuid4().hex[:12]
        conn.exec_driver_sql(dialect.qmark(conn, "INSERT INTO local_setting(key, value) VALUES ('node_id', ?)"),
                             (node,))
    return node


def _origins(conn: sa.Connection, node: str) -> list[tuple[str, int, str, int]]:
    rows = conn.exec_driver_sql("SELECT seq, at_utc, actor FROM change_log ORDER BY seq").fetchall()
    out, txn, prev_actor, prev_at = [], "", None, None
    for number, (seq, at_utc, actor) in enumerate(rows, start=1):
        at = datetime.fromisoformat(at_utc)
        if actor != prev_actor or prev_at is None or (at - prev_at).total_seconds() > 1:
            txn = str(uuid.uuid4())
        out.append((node, number, txn, seq))
        prev_actor, prev_at = actor, at
    return out


def upgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("change_log") as batch_op:
        batch_op.add_column(sa.Column("origin_node", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("origin_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("txn_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("received", sa.Boolean(), nullable=False, server_default=sa.false()))
    conn = op.get_bind()
    rows = _origins(conn, _local_node(conn))
    if rows:
        conn.exec_driver_sql(dialect.qmark(conn, "UPDATE change_log SET origin_node = ?, origin_seq = ?, "
                                                 "txn_id = ? WHERE seq = ?"), rows)
    # SQLite rebuilds the table (it cannot alter a column); PostgreSQL alters in place: a rebuilt
    # table there would get a new sequence for seq, starting again at 1.
    with op.batch_alter_table("change_log", recreate=_recreate()) as batch_op:
        batch_op.alter_column("origin_node", existing_type=sa.String(length=32), nullable=False)
        batch_op.alter_column("origin_seq", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("txn_id", existing_type=sa.String(length=36), nullable=False)
        batch_op.alter_column("received", existing_type=sa.Boolean(), server_default=None)
        batch_op.create_unique_constraint("uq_change_log_origin_seq", ["origin_node", "origin_seq"])
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("change_log", recreate=_recreate()) as batch_op:
        batch_op.drop_constraint("uq_change_log_origin_seq", type_="unique")
        batch_op.drop_column("received")
        batch_op.drop_column("txn_id")
        batch_op.drop_column("origin_seq")
        batch_op.drop_column("origin_node")
    _create_triggers()
