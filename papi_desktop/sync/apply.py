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

A province applies bundles of 10,000 changes from 75 communes, so a batch is applied in few
statements: what it already holds is looked up once per device, the rows it touches once per table,
and its writes go out as one executemany per table and statement shape, in each table's own order
(keys are checked at the end, so the order between tables does not matter); on PostgreSQL a run of
inserts and the log are one COPY each where their values allow (psycopg's executemany sends a statement
per row: 0.34 s of a bundle's 1.47 s). The outcome is the one
the changes would have one by one; if the database refuses a batched statement, the batch is undone
and applied one by one, so the error is the one the first failing change raises (or, without a
savepoint, Refused tells the caller to roll back and apply again with one).
"""

from __future__ import annotations

import abc
import contextlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, update
from sqlalchemy.orm import Session

from ..domain.errors import BugError, KnownError
from ..storage import dialect, personal_seal
from ..storage.changelog import (
    FTS_TABLES,
    STAMP_COLUMNS,
    index_new,
    search_text,
    tracked_models,
)
from ..storage.db import Database
from ..storage.models import ChangeLog, Tracked
from ..storage.sync_state import Waiver
from . import personal
from .apply_shape import TableShape as _Shape
from .apply_shape import copy_types, copyable
from .apply_shape import logged_value as _value
from .changes import FIELDS, Change, loads
from .outbox import held_up_to

_LOG = ChangeLog.__table__
_LOG_COPY_TYPES = copy_types(_LOG)


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


class Refused(Exception):
    """apply_changes(savepoint=False): the database refused one of the batch's statements. What the
    batch wrote before it is still in the transaction: the caller rolls it back and applies the changes
    again with savepoint=True, which finds the change the database refuses."""


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


def apply_changes(session: Session, changes: Iterable[Change], savepoint: bool = True) -> ApplyResult:
    """Apply changes from other devices in the session's transaction; any error leaves nothing applied
    once the caller's transaction rolls back. Changes come in the sender's order (its log order).

    With savepoint=False the batch is written without a savepoint to return to, and raises Refused
    where it would have gone back to it: a savepoint makes SQLite copy every page the batch changes
    first into its sub-journal, a tenth of the apply on a province database of 500 MB."""
    if session.new or session.dirty or session.deleted:
        raise BugError("apply remote changes in a session without pending local edits")
    conn = session.connection()
    # A unit of work may log a child before its parent; keys are checked once, at the end.
    dialect.defer_foreign_keys(conn)
    changes = list(changes)
    if not savepoint:
        try:
            return _apply(session, changes, _Batch(session, conn, changes, assume_new=True))
        except _Refused as exc:
            raise Refused("a batched statement refused: roll back, apply with a savepoint") from exc
    conn.exec_driver_sql("SAVEPOINT papi_apply")
    try:
        batch = None
        try:
            batch = _Batch(session, conn, changes, assume_new=True)
            result = _apply(session, changes, batch)
        except _Refused:
            conn.exec_driver_sql("ROLLBACK TO papi_apply")
            retried = None
            if batch is not None and batch.assumed_wrongly():  # a record the batch took as new is there
                try:
                    retried = _apply(session, changes, _Batch(session, conn, changes, assume_new=False))
                except _Refused:
                    conn.exec_driver_sql("ROLLBACK TO papi_apply")
            result = retried if retried is not None else _apply(session, changes, _OneByOne(session, conn))
    except BaseException:
        with contextlib.suppress(Exception):
            conn.exec_driver_sql("RELEASE papi_apply")
        raise
    conn.exec_driver_sql("RELEASE papi_apply")
    return result


def _apply(session: Session, changes: list[Change], writes: _Writes) -> ApplyResult:
    clock = session.info["clock"]
    here = clock.node
    models = tracked_models()
    shapes: dict[str, _Shape] = {}  # the tables touched
    expected: dict[str, int] = {}
    result = ApplyResult()
    conflicts = result.conflicts
    counts = {"applied": 0, "merged": 0, "superseded": 0}
    inserted = 0
    held_of, log, may_hold = writes.held, writes.log, writes.may_hold
    latest = ""  # the latest canonical stamp applied (string order is clock order)
    try:
        for change in changes:
            held = held_of(change) if may_hold else None
            if held is not None:
                if held != change and not personal.same_but_erased(held, change):
                    raise ChangeHeld("fork", change,
                                     "Thay đổi này trùng số thứ tự với một thay đổi đã nhận nhưng khác nội dung: "
                                     "máy gửi có thể đã được khôi phục từ bản sao lưu cũ. Cần người kiểm tra",
                                     "This change has the number of one already received but other content: the "
                                     "sender may have been restored from an old backup. A person must check")
                result.unchanged += 1
                continue
            node = change.origin_node
            if node == here:
                raise ChangeHeld("own_change", change,
                                 "Thay đổi do chính máy này tạo nhưng máy không còn giữ: máy có thể đã được khôi "
                                 "phục từ bản sao lưu cũ. Cần người kiểm tra",
                                 "A change made on this PC that it no longer holds: it may have been restored from "
                                 "an old backup. A person must check")
            want = expected.get(node)
            if want is None:
                want = _held_up_to(writes.conn, node) + 1
            seq = change.origin_seq
            if seq != want and not _waived(writes.conn, node, min(seq, want), seq if seq < want else seq - 1):
                raise ChangeHeld("gap", change,
                                 f"Còn thiếu thay đổi số {want} của máy gửi; hãy nhận các gói trước đó trước",
                                 f"Change number {want} of that device is missing; import the earlier bundles "
                                 "first")
            expected[node] = want if seq < want else seq + 1  # a late one (waived, arriving after all) waits
            shape = shapes.get(change.table_name)
            if shape is None:
                model = models.get(change.table_name)
                if model is None:
                    raise ChangeRejected(f"Bảng dữ liệu không có trong chương trình này: {change.table_name}.",
                                         f"No such table in this program: {change.table_name}.")
                shape = shapes[change.table_name] = writes.shape(model)
            outcome = _apply_row(writes, shape, change, conflicts)
            counts[outcome] += 1
            if outcome == "applied" and change.op == "insert":
                inserted += 1
            log(change)
            hlc = change.hlc
            if not _CANONICAL(hlc):
                clock.observe(hlc)  # raises on a stamp it cannot read, as it did
            elif hlc > latest:  # observed once, at the end
                latest = hlc
        writes.flush()
    except _Refused:
        raise
    except Exception:
        writes.flush()  # a write before the failing change that the database refuses comes first
        raise
    finally:
        if latest:
            clock.observe(latest)
    result.applied, result.merged, result.superseded = counts["applied"], counts["merged"], counts["superseded"]
    result.inserted = inserted
    for table in sorted(shapes):
        if writes.orphaned(shapes[table].table):
            raise ChangeHeld("missing_parent", None,
                             f"Bảng {table}: có bản ghi thuộc về một bản ghi chưa nhận được; hãy nhận các gói trước đó",
                             f"Table {table}: a record belongs to one not received yet; import the earlier bundles")
    return result


def _held(conn: Connection, change: Change) -> Change | None:
    row = conn.execute(select(*(_LOG.c[name] for name in FIELDS)).where(
        _LOG.c.origin_node == change.origin_node, _LOG.c.origin_seq == change.origin_seq)).mappings().first()
    return personal.open_changes(conn, [Change.from_mapping(row)])[0] if row is not None else None


def _held_up_to(conn: Connection, node: str) -> int:
    return held_up_to(conn, [node])[node]


def _waived(conn: Connection, node: str, first: int, last: int) -> bool:
    """A person released a bundle early over these numbers (services.sync_release): asked only off the
    gap-free path, so it costs nothing there."""
    w = Waiver.__table__.c
    return conn.execute(select(func.count()).where(w.origin_node == node, w.first_seq <= first,
                                                   w.last_seq >= last)).scalar() != 0


def _touched_later(conn: Connection, change: Change, shape: _Shape) -> set[str]:
    """Columns set by logged changes of this record that are later than change (local or received)."""
    rows = conn.execute(select(_LOG.c.op, _LOG.c.after_json).where(
        _LOG.c.table_name == change.table_name, _LOG.c.record_id == change.record_id, _LOG.c.hlc > change.hlc)).all()
    opened = personal_seal.open_many(conn, [(change.table_name, change.record_id, after) for _op, after in rows])
    return {key for op, after in zip((op for op, _a in rows), opened, strict=True)
            for key in shape.set_by(op, json.loads(after or "{}"))}


def _apply_row(writes: _Writes, shape: _Shape, change: Change, conflicts: list[FieldConflict]) -> str:
    record_id = change.record_id
    after = loads(change.after_json)
    if not shape.columns.issuperset(after) or after.get("id", record_id) != record_id:
        table = shape.table
        unknown = set(after) - shape.columns
        raise ChangeRejected(f"Thay đổi của bảng {table.name} có cột không có trong chương trình này: "
                             f"{', '.join(sorted(unknown)) or 'id'}. Hãy cập nhật chương trình.",
                             f"A change to {table.name} has columns this program lacks: "
                             f"{', '.join(sorted(unknown)) or 'id'}. Update the program.")
    plain = shape.check(after)  # raises what converting the values raises, before the row is read
    row = writes.row(shape, record_id)
    if row is None:
        if change.op != "insert":
            raise ChangeHeld("missing_record", change,
                             "Thay đổi của một bản ghi chưa nhận được; hãy nhận các gói trước đó",
                             "A change to a record not received yet; import the earlier bundles")
        writes.insert(shape, record_id, after, plain)
        return "applied"
    # The same record made on two PCs (its id derived from what it is for: the commune's profile, its
    # state of a task): what an insert left at the column's default, it did not set.
    table = shape.table
    after = shape.set_by(change.op, after)
    derived = shape.derived
    values, exact = shape.values(after)
    newer = row["updated_hlc"] < change.hlc
    if newer:
        keep = {"id"}
    else:
        writes.flush()  # this batch's log so far counts among the later edits
        keep = {"id"} | STAMP_COLUMNS | _touched_later(writes.conn, change, shape)
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
        values["search_text"] = search_text(shape.model, {**row, **values})
    if values:
        writes.update(shape, record_id, values, exact)
    if newer:
        return "applied"
    return "merged" if values else "superseded"


class _Refused(Exception):
    """The database refused a batched statement (or its parameters): apply one by one instead."""


class _Writes(abc.ABC):
    conn: Connection
    may_hold = True  # a change may be held already (else held() need not be asked)
    log: Callable[[Change], None]  # note a change as logged: a method, or a batch's list.append

    @abc.abstractmethod
    def held(self, change: Change) -> Change | None: ...
    @abc.abstractmethod
    def shape(self, model: type[Tracked]) -> _Shape: ...
    @abc.abstractmethod
    def row(self, shape: _Shape, record_id: str) -> dict[str, Any] | None: ...
    @abc.abstractmethod
    def insert(self, shape: _Shape, record_id: str, after: dict[str, Any], plain: bool) -> None: ...
    @abc.abstractmethod
    def update(self, shape: _Shape, record_id: str, values: dict[str, Any], exact: bool) -> None: ...
    @abc.abstractmethod
    def flush(self) -> None: ...
    @abc.abstractmethod
    def orphaned(self, table: Table) -> bool: ...


class _OneByOne(_Writes):
    """Each change's own statements, at once: reads see every write before them."""

    def __init__(self, session: Session, conn: Connection) -> None:
        self.session, self.conn = session, conn
        self.shapes: dict[str, _Shape] = {}

    def held(self, change: Change) -> Change | None:
        return _held(self.conn, change)

    def shape(self, model: type[Tracked]) -> _Shape:
        name = model.__tablename__
        if name not in self.shapes:
            self.shapes[name] = _Shape(model, self.conn.dialect)
        return self.shapes[name]

    def row(self, shape: _Shape, record_id: str) -> dict[str, Any] | None:
        table = shape.table
        found = self.conn.execute(select(table).where(table.c.id == record_id)).mappings().first()
        return found  # type: ignore[return-value]

    def insert(self, shape: _Shape, record_id: str, after: dict[str, Any], plain: bool) -> None:
        table = shape.table
        self.conn.execute(insert(table).values(shape.new_row(record_id, after)))
        if table.name in FTS_TABLES:
            index_new(self.session, table.name, [record_id])

    def update(self, shape: _Shape, record_id: str, values: dict[str, Any], exact: bool) -> None:
        table = shape.table
        self.conn.execute(update(table).where(table.c.id == record_id).values(values))

    def log(self, change: Change) -> None:
        sealed = personal.seal_received(self.conn, [change])[0]  # personal values under this database's keys
        self.conn.execute(insert(_LOG).values(**sealed.as_dict(), received=True))

    def flush(self) -> None:
        pass

    def orphaned(self, table: Table) -> bool:
        return dialect.foreign_key_violation(self.conn, table.name)


_UNREAD = object()
_STALE = object()


class _Batch(_Writes):
    """The batch's lookups done up front and its writes buffered: rows are read once (one query per
    table) and kept as written, writes go out per table in runs of one statement shape. Anything that
    reads the database (an older change's later edits) flushes first."""

    def __init__(self, session: Session, conn: Connection, changes: list[Change], assume_new: bool) -> None:
        self.session, self.conn = session, conn
        self.changes, self.assume_new = changes, assume_new
        self.shapes: dict[str, _Shape] = {}
        # table -> id -> the row as read (dict), None (not there), (logged values, run, place, flushes) for
        # one inserted here, or _STALE (read again when needed); an id not in it is unread (with assume_new,
        # taken as new: it is the record of an insert).
        self.rows: dict[str, dict[str, Any]] = {}
        self.looked_up: dict[str, set[str]] = {}
        self.runs: dict[str, list[list[Any]]] = {}  # table -> [kind, keys, parameter rows, ids]
        self.pending: dict[tuple[str, str], tuple[list[Any], int]] = {}  # (table, id) -> its insert, not sent yet
        self.sent = 0  # flushes so far: an insert's place in a run holds until the next
        self.pending_log: list[Change] = []
        self.written: dict[str, set[str]] = {}
        self.foldable: dict[str, bool] = {}
        # The dialect's driver SQL: parameter mark, the true of change_log.received, the tables whose
        # full-text index is written here (SQLite's FTS5; PostgreSQL's trigram index follows by itself).
        self.pg = dialect.is_postgresql(conn)
        self.mark = "%s" if self.pg else "?"
        self.log_insert = _LOG_INSERT_PG if self.pg else _LOG_INSERT
        self.fts_tables = frozenset() if self.pg else FTS_TABLES
        try:
            self.logged = self._held(changes)
            self._prefetch(changes)
        except Exception as exc:
            raise _Refused from exc
        self.may_hold = bool(self.logged) or self.repeats
        # a number repeated in the batch is noted as held; else the log is the list itself
        self.log = self._log_repeating if self.repeats else self.pending_log.append

    def _held(self, changes: list[Change]) -> dict[tuple[str, int], Change]:
        """The logged changes that have the number of one in the batch: one query per origin device."""
        seqs: dict[str, list[int]] = {}
        nodes = set(map(_NODE, changes))
        if len(nodes) == 1:  # a bundle from one PC: the usual case
            seqs[nodes.pop()] = list(map(_SEQ, changes))
        else:
            for change in changes:
                seqs.setdefault(change.origin_node, []).append(change.origin_seq)
        # A number twice in the batch: the second is held (logged) when it comes; else log needs no note.
        self.repeats = any(len(set(numbers)) != len(numbers) for numbers in seqs.values())
        found: dict[tuple[str, int], Change] = {}
        columns = [_LOG.c[name] for name in FIELDS]
        for node, numbers in seqs.items():
            if min(numbers) > _held_up_to(self.conn, node):  # all above what is held: the usual case
                continue
            rows = self.conn.execute(select(*columns).where(_LOG.c.origin_node == node,
                                                            _LOG.c.origin_seq.in_(_each(self.conn, numbers))))
            held = personal.open_changes(self.conn, [Change.from_mapping(row) for row in rows.mappings()])
            found.update(((c.origin_node, c.origin_seq), c) for c in held)
        return found

    def _prefetch(self, changes: list[Change]) -> None:
        """The rows the batch's changes touch, one query per table. With assume_new, a record only
        inserts name is taken as not there, unread: if it is, its INSERT breaks the primary key, the
        database refuses the batch, and it is applied again with every row looked up."""
        models = tracked_models()
        ids = self.looked_up
        logged = self.logged
        for change in [c for c in changes if c.op != "insert"] if self.assume_new else changes:
            if change.table_name in models and (change.origin_node, change.origin_seq) not in logged:
                ids.setdefault(change.table_name, set()).add(change.record_id)
        for name, wanted in ids.items():
            table = self.shape(models[name]).table
            rows = self.rows[name]
            found = self.conn.execute(select(table).select_from(_joined(self.conn, table, list(wanted))))
            for row in found.mappings():
                rows[row["id"]] = dict(row)
            for record_id in wanted:
                rows.setdefault(record_id, None)

    def assumed_wrongly(self) -> bool:
        """One of the records taken as new is there (the batch was refused, and rolled back)."""
        assumed: dict[str, set[str]] = {}
        for change in self.changes:
            if change.op == "insert" and change.table_name in self.shapes \
                    and change.record_id not in self.looked_up.get(change.table_name, ()):
                assumed.setdefault(change.table_name, set()).add(change.record_id)
        for name, ids in assumed.items():
            table = self.shapes[name].table
            if self.conn.execute(select(table.c.id).select_from(_joined(self.conn, table, list(ids)))
                                 .limit(1)).first():
                return True
        return False

    def held(self, change: Change) -> Change | None:
        return self.logged.get((change.origin_node, change.origin_seq))

    def shape(self, model: type[Tracked]) -> _Shape:
        name = model.__tablename__
        found = self.shapes.get(name)
        if found is None:
            found = self.shapes[name] = _Shape(model, self.conn.dialect)
            self.rows.setdefault(name, {})
        return found

    def row(self, shape: _Shape, record_id: str) -> dict[str, Any] | None:
        rows = self.rows[shape.name]
        found = rows.get(record_id, _UNREAD)
        if found is None or type(found) is dict:
            return found
        if found is _UNREAD and self.assume_new:
            return None
        if type(found) is tuple:  # written here: the same values typed, if that is what a SELECT returns
            after, run, at, sent = found
            values = shape.new_row(record_id, after)
            if len(values) == len(shape.columns) and shape.values(values)[1]:
                rows[record_id] = values
                if sent == self.sent:  # its insert is not sent yet: an update can go into it
                    self.pending[(shape.name, record_id)] = (run, at)
                return values
        self.flush()
        table = shape.table
        try:
            read = self.conn.execute(select(table).where(table.c.id == record_id)).mappings().first()
        except Exception as exc:
            raise _Refused from exc
        rows[record_id] = dict(read) if read is not None else None
        return rows[record_id]

    def _run(self, name: str, kind: str, keys: tuple[str, ...]) -> list[Any]:
        runs = self.runs.setdefault(name, [])
        if not runs or runs[-1][0] != kind or runs[-1][1] != keys:
            runs.append([kind, keys, [], []])
        return runs[-1]

    def insert(self, shape: _Shape, record_id: str, after: dict[str, Any], plain: bool) -> None:
        name = shape.name
        if plain:  # bound as logged (Core's processors would give the same text and numbers)
            keys, params = tuple(after), tuple(after.values())
            if "id" not in after:
                keys, params = (*keys, "id"), (*params, record_id)
            if shape.derived:
                keys = (*keys, "search_text")
                source = after if shape.plain_search else shape.values(after)[0]
                params = (*params, search_text(shape.model, source))
        else:
            values = shape.new_row(record_id, after)
            keys = tuple(values)
            try:
                params = shape.bound(values)
            except Exception as exc:
                raise _Refused from exc
        runs = self.runs.get(name)
        run = runs[-1] if runs else None
        if run is None or run[0] != "insert" or run[1] != keys:
            run = self._run(name, "insert", keys)
        params_of = run[2]
        self.rows[name][record_id] = (after, run, len(params_of), self.sent)  # written here, typed when read
        params_of.append(params)
        run[3].append(record_id)

    def update(self, shape: _Shape, record_id: str, values: dict[str, Any], exact: bool) -> None:
        name = shape.name
        try:
            params = shape.bound(values)
        except Exception as exc:
            raise _Refused from exc
        slot = self.pending.get((name, record_id))
        if slot is None or not self._fold(shape, slot, values, params):
            run = self._run(name, "update", tuple(values))
            run[2].append((*params, record_id))
            run[3].append(record_id)
        row = self.rows[name].get(record_id)
        if type(row) is dict and exact:
            row.update(values)
        else:  # read back when needed
            self.rows[name][record_id] = _STALE

    def _log_repeating(self, change: Change) -> None:  # a batch that repeats a number
        self.pending_log.append(change)
        self.logged[(change.origin_node, change.origin_seq)] = change  # twice in one batch: held the second time

    def _fold(self, shape: _Shape, slot: tuple[list[Any], int], values: dict[str, Any],
              params: tuple[Any, ...]) -> bool:
        """Write an update of a record inserted by this batch, not sent yet, into that insert's parameters:
        the row the database ends with is the same, in one statement fewer (and, in a full-text table, no
        trigger rewriting its index). Only where the database could not tell the two ways apart: no
        trigger of the table runs on UPDATE but the full-text one, no column of a unique constraint
        changes (the insert alone could collide, or not), every column is in the insert, and no value
        replaced is one the insert would be refused for (NULL in a NOT NULL column, a type it cannot bind)."""
        run, at = slot
        keys = run[1]
        if not (shape.unique.isdisjoint(values) and self._update_triggers_only_fts(shape.name)):
            return False
        row = list(run[2][at])
        for k, v in zip(values, params, strict=True):
            try:
                i = keys.index(k)
            except ValueError:
                return False
            old = row[i]
            if type(old) not in _BINDABLE or (old is None and k in shape.not_null):
                return False
            row[i] = v
        run[2][at] = tuple(row)
        return True

    def _update_triggers_only_fts(self, name: str) -> bool:
        found = self.foldable.get(name)
        if found is None:
            triggers = dialect.update_triggers(self.conn, name)
            found = self.foldable[name] = all(t == f"{name}_fts_au" for t in triggers)
        return found

    def _index(self, name: str, ids: list[str]) -> None:
        """New rows into the table's full-text index, in the order they were inserted: FTS5 keeps
        appending to its pending terms while rowids grow, and flushes them for each row that goes back
        (ids in id order cost it more than twice as much)."""
        self.conn.exec_driver_sql(
            f'INSERT INTO "{name}_fts"(rowid, search_text) SELECT t.rowid, t.search_text '
            f'FROM json_each(?) AS listed CROSS JOIN "{name}" AS t ON t.id = listed.value', (json.dumps(ids),))

    def flush(self) -> None:
        runs, pending = self.runs, list(self.pending_log)
        mark, fts_tables = self.mark, self.fts_tables
        self.runs, self.pending = {}, {}
        self.pending_log.clear()  # in place: log may be its append
        self.sent += 1
        try:
            log = list(map(_FIELDS_OF, personal.seal_received(self.conn, pending)))  # under this database's keys
            for name, table_runs in runs.items():
                written = self.written.setdefault(name, set())
                unindexed: list[str] = []  # inserted, not in the full-text index yet: indexed before an update
                for kind, keys, params, ids in table_runs:
                    written.update(ids)
                    quoted = [f'"{k}"' for k in keys]
                    if kind == "insert":
                        if self.pg and copyable(self.shapes[name].copy_types, keys, params):
                            dialect.copy_rows(self.conn, name, keys, params)  # one stream, not a statement a row
                        else:
                            self.conn.exec_driver_sql(f'INSERT INTO "{name}" ({", ".join(quoted)}) '
                                                      f'VALUES ({", ".join((mark,) * len(keys))})', params)
                        if name in fts_tables:
                            unindexed.extend(ids)
                    else:
                        if unindexed:  # its trigger updates the index of rows already in it
                            self._index(name, unindexed)
                            unindexed = []
                        sets = ", ".join(f"{q} = {mark}" for q in quoted)
                        self.conn.exec_driver_sql(f'UPDATE "{name}" SET {sets} WHERE id = {mark}', params)
                if unindexed:
                    self._index(name, unindexed)
            if log:
                if self.pg and copyable(_LOG_COPY_TYPES, FIELDS, log):
                    dialect.copy_rows(self.conn, "change_log", (*FIELDS, "received"), [(*row, True) for row in log])
                else:
                    self.conn.exec_driver_sql(self.log_insert, log)
        except Exception as exc:
            raise _Refused from exc

    def orphaned(self, table: Table) -> bool:
        """A row of table written here points at a record this database does not hold.

        Only rows written here can: a change never alters a record's id, and a database that checks
        its keys at every commit held no broken one before (a key to another column is checked whole)."""
        written = self.written.get(table.name)
        if not written:
            return False
        try:
            if any(fk.constraint is None or len(fk.constraint.columns) != 1 or not fk.column.primary_key
                   for fk in table.foreign_keys):
                return dialect.foreign_key_violation(self.conn, table.name, written)
            # PostgreSQL has no CROSS JOIN ... ON; SQLite's CROSS JOIN keeps the list as the outer loop.
            listed, join = ((dialect.listed_sql(self.conn), "JOIN") if self.pg
                            else ("json_each(?)", "CROSS JOIN"))
            rows = self.rows.get(table.name, {})
            for fk in table.foreign_keys:
                child, parent, key = fk.parent.name, fk.column.table.name, fk.column.name
                unsure: list[str] = list(written)  # rows whose key value is not known here
                parents: set[Any] = set()  # values not known here to name a row of parent
                known = self.rows.get(parent) if key == "id" else None
                if known is not None:
                    unsure = []
                    for record_id in written:
                        value = _value_of(rows.get(record_id), child)
                        if value is _UNREAD:
                            unsure.append(record_id)
                        elif value is not None:
                            there = known.get(value, _UNREAD)
                            if there is None:  # looked up, not there, and not written since
                                return True
                            if there is _UNREAD:
                                parents.add(value)
                if unsure and self.conn.exec_driver_sql(
                        f'SELECT 1 FROM {listed} AS listed {join} "{table.name}" AS c '
                        f'ON c.id = listed.value WHERE c."{child}" IS NOT NULL AND NOT EXISTS '
                        f'(SELECT 1 FROM "{parent}" AS p WHERE p."{key}" = c."{child}") LIMIT 1',
                        (json.dumps(unsure),)).first():
                    return True
                if parents and self.conn.exec_driver_sql(
                        f'SELECT 1 FROM {listed} AS listed WHERE NOT EXISTS (SELECT 1 FROM "{parent}" AS p '
                        f'WHERE p."{key}" = listed.value) LIMIT 1', (json.dumps(list(parents)),)).first():
                    return True
        except Exception as exc:
            raise _Refused from exc
        return False


def _value_of(state: Any, column: str) -> Any:
    """A column's value in a row _Batch.rows holds as read or as written here; _UNREAD if it does not
    know it (the row must be read, or the insert left the column to its default)."""
    if type(state) is dict:
        return state.get(column, _UNREAD)
    if type(state) is tuple:
        return state[0].get(column, _UNREAD)
    return _UNREAD


def _each(conn: Connection, values: list[Any]) -> Any:
    """A list as one bound parameter (json_each; PostgreSQL: unnest of an array): a lookup of 10,000
    keys is one statement."""
    return dialect.values_of(conn, values)


def _joined(conn: Connection, table: Table, ids: list[str]) -> Any:
    """table's rows with these ids (unique), as json_each joined to the table: one index probe per id,
    without the sorted list an IN (subquery) builds first (a third of the time for 10,000 ids)."""
    listed = dialect.listed(conn, ids)
    return listed.join(table, table.c.id == listed.c.value)


_BINDABLE = frozenset({str, int, float, bool, bytes, type(None)})
_FIELDS_OF = attrgetter(*FIELDS)
_NODE, _SEQ = attrgetter("origin_node"), attrgetter("origin_seq")
_CANONICAL = re.compile(r"\d{13}-\d{5}-").match  # a stamp HybridLogicalClock wrote: it parses
_LOG_INSERT = (f"INSERT INTO change_log ({', '.join(FIELDS)}, received) "
               f"VALUES ({', '.join('?' * len(FIELDS))}, 1)")
_LOG_INSERT_PG = (f"INSERT INTO change_log ({', '.join(FIELDS)}, received) "
                  f"VALUES ({', '.join(('%s',) * len(FIELDS))}, true)")
