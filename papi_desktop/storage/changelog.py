"""The one central hook: stamps every tracked write and appends it to the change log.

It runs in before_flush, so the log rows are flushed in the same transaction as
the change they describe: a rollback removes both.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, event, inspect
from sqlalchemy.orm import Session

from ..domain.errors import BugError
from ..domain.text import fold
from .models import ChangeLog, Tracked, new_id

_STAMP_COLUMNS = {"row_version", "created_hlc", "updated_hlc", "updated_by"}


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def snapshot(obj: Tracked, keys: set[str] | None = None) -> dict[str, Any]:
    """Column values (all, or only keys); the derived search_text is never logged."""
    mapper = inspect(obj).mapper
    return {col.key: _plain(getattr(obj, col.key)) for col in mapper.column_attrs
            if col.key != "search_text" and (keys is None or col.key in keys)}


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


def _refresh_search_text(obj: Tracked) -> None:
    """Models that declare __search_fields__ keep a folded copy for accent-insensitive search."""
    fields = getattr(type(obj), "__search_fields__", None)
    if fields:
        obj.search_text = fold(" ".join(str(getattr(obj, f) or "") for f in fields))


def _log(session: Session, obj: Tracked, op: str, before: dict[str, Any] | None,
         keys: set[str] | None = None) -> None:
    session.add(
        ChangeLog(
            hlc=obj.updated_hlc,
            unit_code=obj.unit_code,
            table_name=obj.__tablename__,  # type: ignore[attr-defined]
            record_id=obj.id,
            op=op,
            row_version=obj.row_version,
            actor=obj.updated_by,
            at_utc=datetime.now(UTC).isoformat(timespec="seconds"),
            before_json=json.dumps(before, ensure_ascii=False) if before is not None else None,
            after_json=json.dumps(snapshot(obj, keys), ensure_ascii=False),
        )
    )


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    tracked = [o for o in (*session.new, *session.dirty, *session.deleted) if isinstance(o, Tracked)]
    if not tracked:
        return
    clock = session.info.get("clock")
    if clock is None:
        raise BugError("session has no clock: open sessions through storage.db.Database")
    user = session.info.get("user", "")
    unit = session.info.get("unit_code", "")
    for obj in list(session.deleted):
        if isinstance(obj, Tracked):
            raise BugError(f"hard delete of {type(obj).__name__}: set a tombstone (services.common.tombstone)")
    for obj in list(session.new):
        if not isinstance(obj, Tracked):
            continue
        stamp = clock.now()
        obj.id = obj.id or new_id()
        obj.unit_code = obj.unit_code or unit
        obj.row_version = 1
        obj.created_hlc = obj.updated_hlc = stamp
        obj.updated_by = user
        obj.deleted = bool(obj.deleted)
        _refresh_search_text(obj)
        _log(session, obj, "insert", None)
    for obj in list(session.dirty):
        if not isinstance(obj, Tracked) or obj in session.new:
            continue
        changed = _changed_columns(obj) - _STAMP_COLUMNS - {"search_text"}
        if not changed:
            continue
        # Updates carry only what changed (before and after) plus the stamps: the audit trail
        # and the sync outbox both need no more, and the log stays small on old machines.
        before = _before_values(obj, changed | _STAMP_COLUMNS)
        op = "delete" if "deleted" in changed and obj.deleted else "update"
        obj.row_version = (obj.row_version or 0) + 1
        obj.updated_hlc = clock.now()
        obj.updated_by = user
        _refresh_search_text(obj)
        _log(session, obj, op, before, changed | _STAMP_COLUMNS | {"id"})


# Tables with an FTS5 index over search_text (migration 0003); new rows are indexed in batches here.
FTS_TABLES = frozenset({"reception", "petition"})


def _index_new(session: Session, table: str, ids: list[str]) -> None:
    session.connection().exec_driver_sql(
        f"INSERT INTO {table}_fts(rowid, search_text) SELECT rowid, search_text FROM {table} "
        "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))


def _after_flush(session: Session, _ctx: Any) -> None:
    new: dict[str, list[str]] = {}
    for obj in session.new:
        table = getattr(obj, "__tablename__", "")
        if table in FTS_TABLES:
            new.setdefault(table, []).append(obj.id)
    for table, ids in new.items():
        _index_new(session, table, ids)


def install(session_class: type[Session]) -> None:
    """Attach the hooks to a sessionmaker's class (done once by storage.db)."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)
        event.listen(session_class, "after_flush", _after_flush)


def _executemany(session: Session, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    session.connection().exec_driver_sql(sql, rows)


def bulk_insert(session: Session, model: type[Tracked], rows: list[dict[str, Any]]) -> list[str]:
    """Insert many new records of one model with one change-log entry each, in the session's transaction.

    The same stamps and log rows as the per-object hook, without building ORM objects: imports of
    100,000 rows use this. Rows are plain column dicts; ids are assigned here when missing.
    """
    if not rows:
        return []
    clock = session.info.get("clock")
    if clock is None:
        raise BugError("session has no clock: open sessions through storage.db.Database")
    user = session.info.get("user", "")
    unit = session.info.get("unit_code", "")
    table = model.__table__  # type: ignore[attr-defined]
    fields = getattr(model, "__search_fields__", None)
    columns = [c.key for c in table.columns]
    logged = [k for k in columns if k != "search_text"]
    # What SQLAlchemy's SQLite types store: ISO text for dates, 0/1 for booleans.
    date_cols = [c.key for c in table.columns if isinstance(c.type, Date)]
    bool_cols = [c.key for c in table.columns if isinstance(c.type, Boolean)]
    defaults = {c.key: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar}
    at = datetime.now(UTC).isoformat(timespec="seconds")
    values, log_rows = [], []
    for row, stamp in zip(rows, clock.many(len(rows)), strict=True):
        row.setdefault("id", new_id())
        row.setdefault("unit_code", unit)
        row.update(row_version=1, created_hlc=stamp, updated_hlc=stamp, updated_by=user, deleted=False)
        for key, value in defaults.items():
            row.setdefault(key, value)
        if fields:
            row["search_text"] = fold(" ".join(str(row.get(f) or "") for f in fields))
        for key in date_cols:
            day = row.get(key)
            row[key] = day.isoformat() if day is not None else None
        after = json.dumps(dict(zip(logged, map(row.get, logged), strict=True)), ensure_ascii=False)
        log_rows.append((stamp, row["unit_code"], table.name, row["id"], "insert", 1, user, at, None, after))
        for key in bool_cols:
            flag = row.get(key)
            row[key] = int(flag) if flag is not None else None
        values.append(tuple(map(row.get, columns)))
    # Driver-level executemany on the session's connection (same transaction): 100,000 rows build
    # no ORM objects and no per-row SQL parameter processing.
    _executemany(session, table.name, columns, values)
    if table.name in FTS_TABLES:
        _index_new(session, table.name, [r["id"] for r in rows])
    _executemany(session, ChangeLog.__tablename__, ["hlc", "unit_code", "table_name", "record_id", "op",
                                                    "row_version", "actor", "at_utc", "before_json", "after_json"],
                 log_rows)
    return [r["id"] for r in rows]
