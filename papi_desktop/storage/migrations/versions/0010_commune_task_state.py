"""a commune's progress on a task lives in its own record (task_state, milestone_state), not on the
province's task; an outgoing document records the change-log position it was built from

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 22:50:00

The province owns the plan; 75 communes marking one task's status on the task row itself would
overwrite each other at the province. Status, note and milestone completion move into one record per
(task or milestone, commune), its id derived from both (storage.models.state_id), so the commune's
PCs make one record and communes never share one.

Existing values move for the commune this installation is set up for (its profile), and are logged
as this device's inserts (next numbers of its sequence, one transaction) so they travel like any
edit. A province installation, or one not set up yet, moves nothing: the values on its task rows
came from communes' bundles and belonged to none in particular. The old columns stay, unused, so
changes logged before this migration still apply.
"""

import json
import re
import time
import unicodedata
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from papi_desktop.storage import dialect

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_STATE_NAMESPACE = uuid.UUID("5d0f3b64-8a51-4c1e-9a8e-2f6b7c41d9a3")  # = storage.models._STATE_NAMESPACE


def _fold(text: str) -> str:
    """As domain.text.fold (kept here: a migration must not change when the program does)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"\s+", " ", "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()).strip()


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=10), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("updated_hlc", sa.String(length=64), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    fk = dialect.fk_options(op.get_bind())  # PostgreSQL: DEFERRABLE INITIALLY IMMEDIATE
    op.create_table(
        "task_state", *_tracked(),
        sa.Column("task_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], name=op.f("fk_task_state_task_id_task"), **fk),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_state")),
        sa.UniqueConstraint("task_id", "unit_code", name="uq_task_state_task_unit"),
    )
    op.create_index(op.f("ix_task_state_task_id"), "task_state", ["task_id"], unique=False)
    op.create_index(op.f("ix_task_state_status"), "task_state", ["status"], unique=False)
    op.create_table(
        "milestone_state", *_tracked(),
        sa.Column("milestone_id", sa.String(length=36), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["milestone_id"], ["milestone.id"], name=op.f("fk_milestone_state_milestone_id_milestone"), **fk),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone_state")),
        sa.UniqueConstraint("milestone_id", "unit_code", name="uq_milestone_state_milestone_unit"),
    )
    op.create_index(op.f("ix_milestone_state_milestone_id"), "milestone_state", ["milestone_id"], unique=False)
    with op.batch_alter_table("outgoing_document") as batch_op:
        batch_op.add_column(sa.Column("built_from_seq", sa.Integer(), nullable=True))
    _move_values(op.get_bind())


def _move_values(conn: sa.Connection) -> None:
    mode = conn.exec_driver_sql("SELECT value FROM local_setting WHERE key = 'mode'").scalar()
    unit = conn.exec_driver_sql("SELECT unit_code FROM commune_profile WHERE deleted = false LIMIT 1").scalar()
    if mode == "province" or not unit:
        return
    tasks = conn.exec_driver_sql(
        "SELECT id, status, note FROM task WHERE deleted = false AND (status != 'not_started' OR note != '')"
    ).fetchall()
    milestones = conn.exec_driver_sql(
        "SELECT id, done_on FROM milestone WHERE deleted = false AND done_on IS NOT NULL").fetchall()
    if not tasks and not milestones:
        return
    node = conn.exec_driver_sql("SELECT value FROM local_setting WHERE key = 'node_id'").scalar()
    if not node:  # storage.db makes the same kind of id on first open
        node = uuid.uuid4().hex[:12]
        conn.exec_driver_sql(dialect.qmark(conn, "INSERT INTO local_setting(key, value) VALUES ('node_id', ?)"),
                             (node,))
    seq = conn.exec_driver_sql(dialect.qmark(conn, "SELECT MAX(origin_seq) FROM change_log WHERE origin_node = ?"),
                               (node,)).scalar() or 0
    last = conn.exec_driver_sql("SELECT MAX(hlc) FROM change_log").scalar() or ""
    millis = max(int(time.time() * 1000), int(last.split("-", 1)[0]) + 1 if last else 0)
    txn, at = str(uuid.uuid4()), datetime.now(UTC).isoformat(timespec="seconds")
    rows = [("task_state", (task_id, {"task_id": task_id, "status": status, "note": note}))
            for task_id, status, note in tasks]
    # SQLite returns a date as its ISO text, PostgreSQL as a date: the log holds the text.
    rows += [("milestone_state", (milestone_id, {"milestone_id": milestone_id, "done_on": str(done_on)}))
             for milestone_id, done_on in milestones]
    for counter, (table, (parent, values)) in enumerate(rows):
        record_id = str(uuid.uuid5(_STATE_NAMESPACE, f"{unit}/{parent}"))
        hlc = f"{millis + counter // 100_000:013d}-{counter % 100_000:05d}-{node}"
        stored = {"id": record_id, "unit_code": unit, "row_version": 1, "created_hlc": hlc, "updated_hlc": hlc,
                  "updated_by": "", "deleted": False, **values}
        row = {**stored, "search_text": _fold(values["note"])} if table == "task_state" else stored
        names = ", ".join(row)
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({dialect.marks(conn, len(row))})",
                             tuple(row.values()))
        seq += 1
        conn.exec_driver_sql(dialect.qmark(conn,
            "INSERT INTO change_log (hlc, unit_code, table_name, record_id, op, row_version, actor, at_utc, "
            "before_json, after_json, origin_node, origin_seq, txn_id, received) "
            "VALUES (?, ?, ?, ?, 'insert', 1, '', ?, NULL, ?, ?, ?, ?, false)"),
            (hlc, unit, table, record_id, at, json.dumps(stored, ensure_ascii=False), node, seq, txn))


def downgrade() -> None:
    with op.batch_alter_table("outgoing_document") as batch_op:
        batch_op.drop_column("built_from_seq")
    op.drop_index(op.f("ix_milestone_state_milestone_id"), table_name="milestone_state")
    op.drop_table("milestone_state")
    op.drop_index(op.f("ix_task_state_status"), table_name="task_state")
    op.drop_index(op.f("ix_task_state_task_id"), table_name="task_state")
    op.drop_table("task_state")
