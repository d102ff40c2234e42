"""The one central hook: stamps every tracked write and appends it to the change log.

It runs in before_flush, so the log rows are flushed in the same transaction as
the change they describe: a rollback removes both.

Each log row names its origin: this device's node id and the next number of its gap-free sequence
(allocated here, inside the write transaction; UNIQUE(origin_node, origin_seq) is the backstop), and
the unit of work it belongs to (txn_id, one per database transaction), so sync never splits a save.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any, Protocol, cast

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Table,
    TextClause,
    event,
    inspect,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import (
    CallableColumnDefault,
    ColumnElementColumnDefault,
    DefaultClause,
    ScalarElementColumnDefault,
)

from ..domain.errors import BugError
from ..domain.text import fold
from . import dialect, personal_seal
from .dialect import FTS_TABLES
from .models import Base, ChangeLog, Tracked, new_id, table_of

STAMP_COLUMNS = frozenset({"row_version", "created_hlc", "updated_hlc", "updated_by"})
LOG_COLUMNS = ("hlc", "unit_code", "table_name", "record_id", "op", "row_version", "actor", "at_utc",
               "before_json", "after_json", "origin_node", "origin_seq", "txn_id", "received")
_ABSENT = object()
# json.dumps(value, ensure_ascii=False) makes a new encoder at every call: the bulk path's 200,000 log rows of
# an import spent 0.4 s of CPU on that alone. The same text.
_AFTER_JSON = json.JSONEncoder(ensure_ascii=False).encode


def tracked_models() -> dict[str, type[Tracked]]:
    """Every synced model by table name (all storage modules register on Base)."""
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers
            if issubclass(m.class_, Tracked)}


def derived_columns(model: type[Tracked]) -> frozenset[str]:
    """Columns the hook rebuilds from the row itself, so they are never logged (a receiver rebuilds them).

    A search_text built by a service from other rows (a visit's folds its citizens' names) is not
    derivable from the row: it is logged and travels like any stored value."""
    return frozenset({"search_text"}) if getattr(model, "__search_fields__", None) else frozenset()


def search_text(model: type[Tracked], values: dict[str, Any]) -> str:
    fields = getattr(model, "__search_fields__", ())
    return fold(" ".join(str(values.get(f) or "") for f in fields))


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def snapshot(obj: Tracked, keys: set[str] | None = None) -> dict[str, Any]:
    """Column values (all, or only keys) as logged; derived columns are never logged."""
    mapper = inspect(obj).mapper
    skip = derived_columns(type(obj))
    return {col.key: _plain(getattr(obj, col.key)) for col in mapper.column_attrs
            if col.key not in skip and (keys is None or col.key in keys)}


def column_default(session: Session, column: Column[Any]) -> Any:
    """The value the database would store for a column left out of an INSERT (_ABSENT if none).

    Resolved before the snapshot, so the log holds what is stored: a new Plan logs title "" (its
    default), not null. Python-side defaults (scalar or callable) first, then server defaults,
    evaluated by the database itself."""
    default = column.default
    if isinstance(default, ScalarElementColumnDefault):
        return default.arg
    if isinstance(default, CallableColumnDefault):
        # SQLAlchemy wraps callables to take a context; the models' defaults (new_id, ...) take none
        return default.arg(None)  # type: ignore[arg-type]
    if isinstance(default, ColumnElementColumnDefault):
        return session.connection().scalar(select(type_coerce(default.arg, column.type)))
    server = column.server_default
    if isinstance(server, DefaultClause) and server.arg is not None:
        arg = server.arg  # as the DDL writes it: a str is a quoted literal, text() raw SQL
        if isinstance(arg, str):
            arg = literal_column("'" + arg.replace("'", "''") + "'")
        elif isinstance(arg, TextClause):
            arg = literal_column(arg.text)
        value = session.connection().scalar(select(type_coerce(arg, column.type)))
        kind = column.type.python_type
        if value is not None and kind in (int, float) and not isinstance(value, kind):
            value = kind(value)  # SQLite's column affinity stores '7' as 7 in a numeric column
        return value
    return _ABSENT


def _apply_defaults(session: Session, obj: Tracked) -> None:
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        if attr.key in state.dict:  # set by the caller, None included (stored as NULL)
            continue
        value = column_default(session, attr.columns[0])
        if value is not _ABSENT:
            setattr(obj, attr.key, value)


def _before_values(obj: Tracked, keys: set[str]) -> dict[str, Any]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    for key in keys:
        hist = state.attrs[key].history
        before[key] = _plain(hist.deleted[0]) if hist.deleted else _plain(getattr(obj, key))
    return before


def _changed_columns(obj: Tracked) -> set[str]:
    state = inspect(obj)
    return {a.key for a in state.mapper.column_attrs if state.attrs[a.key].history.has_changes()}


class _Searchable(Protocol):
    search_text: str


def _refresh_search_text(obj: Tracked) -> None:
    """Models that declare __search_fields__ keep a folded copy for accent-insensitive search."""
    names: tuple[str, ...] | None = getattr(type(obj), "__search_fields__", None)
    if names:
        cast(_Searchable, obj).search_text = search_text(type(obj), {k: getattr(obj, k) for k in names})


class Origin:
    """This unit of work's place in the device's sequence: node, transaction id, next number."""

    def __init__(self, session: Session) -> None:
        clock = session.info.get("clock")
        if clock is None:
            raise BugError("session has no clock: open sessions through storage.db.Database")
        self.node: str = clock.node
        self.txn_id = txn_id(session)
        # Read inside the write transaction (write sessions BEGIN IMMEDIATE): no other writer can take
        # the same number; both lookups are single index probes. The clock also moves past stamps that
        # another process of this installation wrote, so stamps keep the order of the sequence.
        conn = session.connection()
        dialect.take_sequence_lock(conn, self.node)
        last_seq, last_hlc, floor = conn.exec_driver_sql(dialect.qmark(
            conn, "SELECT (SELECT MAX(origin_seq) FROM change_log WHERE origin_node = ?), "
            "(SELECT MAX(hlc) FROM change_log), (SELECT value FROM local_setting WHERE key = ?)"),
            (self.node, SEQUENCE_FLOOR)).one()
        if last_hlc:
            clock.observe(last_hlc)
        self._next = max(last_seq or 0, _int(floor)) + 1

    def take(self) -> int:
        seq, self._next = self._next, self._next + 1
        return seq


# local_setting key: the last change number this PC must not use again (set after a restore, which takes
# the database back to numbers the province may already hold with other content).
SEQUENCE_FLOOR = "sequence_floor"


def _int(value: object) -> int:
    try:
        return int(str(value)) if value is not None else 0
    except ValueError:
        return 0


def raise_sequence_floor(conn: Any, floor: int) -> None:
    """Never lower: a floor only moves up (in the caller's transaction)."""
    current = conn.exec_driver_sql(dialect.qmark(conn, "SELECT value FROM local_setting WHERE key = ?"),
                                   (SEQUENCE_FLOOR,)).scalar()
    if current is None:
        conn.exec_driver_sql(dialect.qmark(conn, "INSERT INTO local_setting (key, value) VALUES (?, ?)"),
                             (SEQUENCE_FLOOR, str(floor)))
    elif _int(current) < floor:
        conn.exec_driver_sql(dialect.qmark(conn, "UPDATE local_setting SET value = ? WHERE key = ?"),
                             (str(floor), SEQUENCE_FLOOR))


def txn_id(session: Session) -> str:
    """One id per database transaction of this session (savepoints share their parent's)."""
    session.connection()  # begins the transaction if needed
    root = session.get_transaction()
    current = session.info.get("_txn")
    if current is None or current[0] is not root:
        current = (root, new_id())
        session.info["_txn"] = current
    return current[1]


FORGET = "_personal_forget"  # session.info: (table, id) whose old personal values the next update leaves out


def _image(session: Session, table: str, record_id: str, values: dict[str, Any]) -> str:
    """A log image as stored: its personal values sealed under the record's key (storage.personal_seal)."""
    text = json.dumps(values, ensure_ascii=False)
    if personal_seal.needs_seal(table, values):
        key = personal_seal.SessionKeys(session).key(table, record_id)
        text = personal_seal.seal(table, record_id, values, text, key)
    return text


def _log(session: Session, origin: Origin, obj: Tracked, op: str, before: dict[str, Any] | None,
         keys: set[str] | None = None) -> None:
    table = obj.__tablename__
    if before is not None and (table, obj.id) in session.info.get(FORGET, ()):
        # an erasure or a correction that forgets: the old values are not written again, under a new key
        cols = personal_seal.personal_columns().get(table, frozenset())
        before = {k: v for k, v in before.items() if k not in cols}
    session.add(
        ChangeLog(
            hlc=obj.updated_hlc,
            unit_code=obj.unit_code,
            table_name=obj.__tablename__,
            record_id=obj.id,
            op=op,
            row_version=obj.row_version,
            actor=obj.updated_by,
            at_utc=datetime.now(UTC).isoformat(timespec="seconds"),
            before_json=_image(session, table, obj.id, before) if before is not None else None,
            after_json=_image(session, table, obj.id, snapshot(obj, keys)),
            origin_node=origin.node,
            origin_seq=origin.take(),
            txn_id=origin.txn_id,
            received=False,
        )
    )


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    tracked = [o for o in (*session.new, *session.dirty, *session.deleted) if isinstance(o, Tracked)]
    if not tracked:
        return
    for obj in list(session.deleted):
        if isinstance(obj, Tracked):
            raise BugError(f"hard delete of {type(obj).__name__}: set a tombstone (services.common.tombstone)")
    origin = Origin(session)
    clock = session.info["clock"]
    user = session.info.get("user", "")
    unit = session.info.get("unit_code", "")
    for obj in list(session.new):
        if not isinstance(obj, Tracked):
            continue
        _apply_defaults(session, obj)
        stamp = clock.now()
        obj.id = obj.id or new_id()
        obj.unit_code = obj.unit_code or unit
        obj.row_version = 1
        obj.created_hlc = obj.updated_hlc = stamp
        obj.updated_by = user
        obj.deleted = bool(obj.deleted)
        _refresh_search_text(obj)
        _log(session, origin, obj, "insert", None)
    for obj in list(session.dirty):
        if not isinstance(obj, Tracked) or obj in session.new:
            continue
        changed = _changed_columns(obj) - STAMP_COLUMNS - derived_columns(type(obj))
        if not changed:
            continue
        # Updates carry only what changed (before and after) plus the stamps: the audit trail
        # and the sync outbox both need no more, and the log stays small on old machines.
        before = _before_values(obj, changed | STAMP_COLUMNS)
        op = "delete" if "deleted" in changed and obj.deleted else "update"
        obj.row_version = (obj.row_version or 0) + 1
        obj.updated_hlc = clock.now()
        obj.updated_by = user
        _refresh_search_text(obj)
        _log(session, origin, obj, op, before, changed | STAMP_COLUMNS | {"id"})


def index_new(session: Session, table: str, ids: list[str]) -> None:
    """New rows of a full-text table (FTS_TABLES) into its index, in one statement (storage.dialect)."""
    dialect.index_search_text(session.connection(), table, ids)


def _after_flush(session: Session, _ctx: Any) -> None:
    new: dict[str, list[str]] = {}
    for obj in session.new:
        table = getattr(obj, "__tablename__", "")
        if table in FTS_TABLES:
            new.setdefault(table, []).append(obj.id)
    for table, ids in new.items():
        index_new(session, table, ids)


def install(session_class: type[Session]) -> None:
    """Attach the hooks to a sessionmaker's class (done once by storage.db)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "after_flush", _after_flush)


def executemany(session: Session, table: str, columns: tuple[str, ...] | list[str],
                rows: list[tuple[Any, ...]]) -> None:
    conn = session.connection()
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({dialect.marks(conn, len(columns))})"
    conn.exec_driver_sql(sql, rows)


def _bulk_defaults(session: Session, table: Table) -> tuple[dict[str, Any], dict[str, Column[Any]]]:
    """Constant defaults resolved once per call; callable ones are evaluated per row."""
    constant: dict[str, Any] = {}
    per_row: dict[str, Column[Any]] = {}
    for col in table.columns:
        if col.default is not None and col.default.is_callable:
            per_row[col.key] = col
        else:
            value = column_default(session, col)
            if value is not _ABSENT:
                constant[col.key] = value
    return constant, per_row


def bulk_insert(session: Session, model: type[Tracked], rows: list[dict[str, Any]]) -> list[str]:
    """Insert many new records of one model with one change-log entry each, in the session's transaction.

    The same stamps, defaults and log rows as the per-object hook, without building ORM objects:
    imports of 100,000 rows use this. Rows are plain column dicts; ids are assigned here when missing.
    """
    if not rows:
        return []
    origin = Origin(session)
    clock = session.info["clock"]
    user = session.info.get("user", "")
    unit = session.info.get("unit_code", "")
    table = table_of(model)
    columns = [c.key for c in table.columns]
    derived = derived_columns(model)
    logged = [k for k in columns if k not in derived]
    # What SQLAlchemy's SQLite types store: ISO text for dates, 0/1 for booleans (PostgreSQL takes the
    # ISO text into its date columns, and booleans as they are: storage.dialect.flag).
    conn = session.connection()
    date_cols = [c.key for c in table.columns if isinstance(c.type, Date)]
    bool_cols = [c.key for c in table.columns if isinstance(c.type, Boolean)]
    constant, per_row = _bulk_defaults(session, table)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    received = dialect.flag(conn, False)
    personal = personal_seal.personal_columns().get(table.name)
    keys: dict[str, bytes] = {}  # new records' keys, stored with the rows
    values, log_rows = [], []
    for row, stamp in zip(rows, clock.many(len(rows)), strict=True):
        row.setdefault("id", new_id())
        row.setdefault("unit_code", unit)
        row.update(row_version=1, created_hlc=stamp, updated_hlc=stamp, updated_by=user, deleted=False)
        for key, value in constant.items():
            row.setdefault(key, value)
        for key, col in per_row.items():
            if key not in row:
                row[key] = column_default(session, col)
        if derived:
            row["search_text"] = search_text(model, row)
        for key in date_cols:
            day = row.get(key)
            row[key] = day.isoformat() if isinstance(day, date) else day
        for key in bool_cols:  # logged as true/false, stored as 1/0
            flag = row.get(key)
            row[key] = bool(flag) if flag is not None else None
        image = dict(zip(logged, map(row.get, logged), strict=True))
        after = _AFTER_JSON(image)
        if personal is not None and personal_seal.needs_seal(table.name, image):
            sealing = keys[row["id"]] = personal_seal.new_key()
            after = personal_seal.seal(table.name, row["id"], image, after, sealing)
        log_rows.append((stamp, row["unit_code"], table.name, row["id"], "insert", 1, user, at, None, after,
                         origin.node, origin.take(), origin.txn_id, received))
        for key in bool_cols:
            row[key] = dialect.flag(conn, row[key])
        values.append(tuple(map(row.get, columns)))
    # Driver-level executemany on the session's connection (same transaction): 100,000 rows build
    # no ORM objects and no per-row SQL parameter processing.
    executemany(session, table.name, columns, values)
    if table.name in FTS_TABLES:
        index_new(session, table.name, [r["id"] for r in rows])
    executemany(session, ChangeLog.__tablename__, LOG_COLUMNS, log_rows)
    personal_seal.store_keys(conn, table.name, keys)
    return [r["id"] for r in rows]
