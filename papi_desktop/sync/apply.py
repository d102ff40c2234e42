"""Apply changes made on another device, all of them or none.

A row takes the origin's values and stamps (row_version, created/updated HLC, updated_by, unit_code);
the log records each change as received, under the origin's node, number and transaction, with the
origin's actor and time. A change already held (same origin and number) is skipped, so applying a
batch twice changes nothing. The rows are written with Core statements: the local change-log hook
never sees them, so they are never re-stamped as local edits.

Where two devices edited one record, each column keeps the value of the change with the later HLC:
a change older than the row still sets the columns no later change touched (a parallel edit), and is
otherwise superseded. Either way it stays in the log, so every device converges on the same state.
Nothing is overwritten silently: a column where the two edits disagree is reported as a conflict
(both values, whichever won) for the import to queue for a person — on each PC, whichever direction
the change travels: an older change loses a column a later local edit set, or a newer change replaces
a local value it had never seen (its before-image holds another).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Column, Connection, Table, func, insert, select, update
from sqlalchemy.orm import Session

from ..domain.errors import BugError, KnownError
from ..storage.changelog import FTS_TABLES, STAMP_COLUMNS, derived_columns, index_new, search_text, tracked_models
from ..storage.db import Database
from ..storage.models import ChangeLog, Tracked
from .changes import FIELDS, Change

_LOG = ChangeLog.__table__


class ChangeHeld(KnownError):
    """The batch cannot be applied yet, or not without a person: nothing was written. reason is one of
    gap, fork, own_change, missing_record, missing_parent."""

    def __init__(self, reason: str, change: Change | None, vi: str, en: str) -> None:
        where = f" ({change.origin_node}#{change.origin_seq}, {change.table_name} {change.record_id})" if change else ""
        super().__init__(vi + where, en + where)
        self.reason = reason
        self.change = change


class ChangeRejected(KnownError):
    """The batch names a table or column this program does not have: nothing was written."""


@dataclass(frozen=True)
class FieldConflict:
    change: Change
    field: str
    local: Any  # the value this database held before the change
    remote: Any  # the value the change carries
    remote_won: bool  # the row now holds the remote value (its HLC is the later)


@dataclass
class ApplyResult:
    applied: int = 0  # newer than the row: the row now holds it
    merged: int = 0  # older than the row, but set columns no later change touched
    superseded: int = 0  # older than later changes to every column it touches: logged only
    unchanged: int = 0  # already held: skipped
    inserted: int = 0  # of the applied: new records
    conflicts: list[FieldConflict] = field(default_factory=list)

    def conflicting_changes(self) -> int:
        return len({(c.change.origin_node, c.change.origin_seq) for c in self.conflicts})


def apply_to(db: Database, changes: Iterable[Change]) -> ApplyResult:
    """apply_changes in a unit of work of its own."""
    with db.session() as s:
        return apply_changes(s, changes)


def apply_changes(session: Session, changes: Iterable[Change]) -> ApplyResult:
    """Apply changes from other devices in the session's transaction; any error leaves nothing applied
    once the caller's transaction rolls back. Changes come in the sender's order (its log order)."""
    if session.new or session.dirty or session.deleted:
        raise BugError("apply remote changes in a session without pending local edits")
    clock = session.info["clock"]
    conn = session.connection()
    # A unit of work may log a child before its parent; keys are checked once, at the end.
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    models = tracked_models()
    expected: dict[str, int] = {}
    touched: set[str] = set()
    result = ApplyResult()
    for change in changes:
        held = _held(conn, change)
        if held is not None:
            if held != change:
                raise ChangeHeld("fork", change,
                                 "Thay đổi này trùng số thứ tự với một thay đổi đã nhận nhưng khác nội dung: máy gửi "
                                 "có thể đã được khôi phục từ bản sao lưu cũ. Cần người kiểm tra",
                                 "This change has the number of one already received but other content: the "
                                 "sender may have been restored from an old backup. A person must check")
            result.unchanged += 1
            continue
        if change.origin_node == clock.node:
            raise ChangeHeld("own_change", change,
                             "Thay đổi do chính máy này tạo nhưng máy không còn giữ: máy có thể đã được khôi phục "
                             "từ bản sao lưu cũ. Cần người kiểm tra",
                             "A change made on this PC that it no longer holds: it may have been restored from "
                             "an old backup. A person must check")
        if change.origin_node not in expected:
            expected[change.origin_node] = _held_up_to(conn, change.origin_node) + 1
        if change.origin_seq != expected[change.origin_node]:
            raise ChangeHeld("gap", change,
                             f"Còn thiếu thay đổi số {expected[change.origin_node]} của máy gửi; hãy nhận các gói "
                             "trước đó trước",
                             f"Change number {expected[change.origin_node]} of that device is missing; import "
                             "the earlier bundles first")
        expected[change.origin_node] += 1
        model = models.get(change.table_name)
        if model is None:
            raise ChangeRejected(f"Bảng dữ liệu không có trong chương trình này: {change.table_name}.",
                                 f"No such table in this program: {change.table_name}.")
        outcome = _apply_row(session, conn, model, change, result.conflicts)
        setattr(result, outcome, getattr(result, outcome) + 1)
        result.inserted += outcome == "applied" and change.op == "insert"
        conn.execute(insert(_LOG).values(**change.as_dict(), received=True))
        clock.observe(change.hlc)
        touched.add(change.table_name)
    for table in sorted(touched):
        if conn.exec_driver_sql(f"PRAGMA foreign_key_check({table})").first() is not None:
            raise ChangeHeld("missing_parent", None,
                             f"Bảng {table}: có bản ghi thuộc về một bản ghi chưa nhận được; hãy nhận các gói trước đó",
                             f"Table {table}: a record belongs to one not received yet; import the earlier bundles")
    return result


def _held(conn: Connection, change: Change) -> Change | None:
    row = conn.execute(select(*(_LOG.c[name] for name in FIELDS)).where(
        _LOG.c.origin_node == change.origin_node, _LOG.c.origin_seq == change.origin_seq)).mappings().first()
    return Change.from_mapping(row) if row is not None else None


def _held_up_to(conn: Connection, node: str) -> int:
    return conn.execute(select(func.max(_LOG.c.origin_seq)).where(_LOG.c.origin_node == node)).scalar() or 0


def _value(column: Column[Any], value: Any) -> Any:
    """From the logged JSON value to what the column type binds."""
    if value is None:
        return None
    python_type = column.type.python_type
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    if python_type is bool:
        return bool(value)
    return value


def _touched_later(conn: Connection, change: Change) -> set[str]:
    """Columns set by logged changes of this record that are later than change (local or received)."""
    rows = conn.execute(select(_LOG.c.after_json).where(
        _LOG.c.table_name == change.table_name, _LOG.c.record_id == change.record_id, _LOG.c.hlc > change.hlc))
    return {key for (after,) in rows for key in json.loads(after)}


def _apply_row(session: Session, conn: Connection, model: type[Tracked], change: Change,
               conflicts: list[FieldConflict]) -> str:
    table: Table = model.__table__  # type: ignore[attr-defined]
    after = json.loads(change.after_json)
    unknown = set(after) - set(table.c.keys())
    if unknown or after.get("id", change.record_id) != change.record_id:
        raise ChangeRejected(f"Thay đổi của bảng {table.name} có cột không có trong chương trình này: "
                             f"{', '.join(sorted(unknown)) or 'id'}. Hãy cập nhật chương trình.",
                             f"A change to {table.name} has columns this program lacks: "
                             f"{', '.join(sorted(unknown)) or 'id'}. Update the program.")
    derived = derived_columns(model)
    values = {k: _value(table.c[k], v) for k, v in after.items() if k not in derived}
    row = conn.execute(select(table).where(table.c.id == change.record_id)).mappings().first()
    if row is None:
        if change.op != "insert":
            raise ChangeHeld("missing_record", change,
                             "Thay đổi của một bản ghi chưa nhận được; hãy nhận các gói trước đó",
                             "A change to a record not received yet; import the earlier bundles")
        values["id"] = change.record_id
        if derived:
            values["search_text"] = search_text(model, values)
        conn.execute(insert(table).values(values))
        if table.name in FTS_TABLES:
            index_new(session, table.name, [change.record_id])
        return "applied"
    newer = row["updated_hlc"] < change.hlc
    keep = {"id"} if newer else {"id"} | STAMP_COLUMNS | _touched_later(conn, change)
    before = json.loads(change.before_json) if change.before_json else {}
    for k, v in values.items():
        if k in STAMP_COLUMNS or k in derived or row[k] == v:
            continue
        if k in keep:  # a later local edit keeps its value
            conflicts.append(FieldConflict(change, k, row[k], v, remote_won=False))
        elif newer and k in before and _value(table.c[k], before[k]) != row[k]:  # replaces a value it never saw
            conflicts.append(FieldConflict(change, k, row[k], v, remote_won=True))
    values = {k: v for k, v in values.items() if k not in keep and row[k] != v}
    if derived and values:
        values["search_text"] = search_text(model, {**row, **values})
    if values:
        conn.execute(update(table).where(table.c.id == change.record_id).values(values))
    if newer:
        return "applied"
    return "merged" if values else "superseded"
