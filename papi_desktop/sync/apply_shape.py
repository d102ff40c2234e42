"""What sync.apply needs of a table, worked out once per batch: its columns' types and bind processors,
defaults, unique and derived columns; and how a logged JSON value becomes what its column binds."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Column, Table, UniqueConstraint
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from ..storage.changelog import STAMP_COLUMNS, derived_columns, search_text
from ..storage.models import Tracked, table_of

_ABSENT = object()
_FLAG_TYPES = frozenset({bool, type(None)})  # a logged boolean, or none
# By a column's Python type: the values COPY's text input reads as PostgreSQL reads psycopg's INSERT
# parameter (text goes to the column's input function either way; an int's digits are its text).
# Not a float (its text and its binary value may round apart), nor a bool outside a boolean column
# (INSERT casts it to 'true', COPY writes 't').
_COPY_TYPES: dict[type | None, frozenset[type]] = {
    bool: frozenset({bool, str}), int: frozenset({int, str}), str: frozenset({str, int}),
    date: frozenset({date, str}), bytes: frozenset({bytes})}


def logged_value(column: Column[Any], value: Any) -> Any:
    """From the logged JSON value to what the column type binds."""
    if value is None:
        return None
    python_type = column.type.python_type
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    if python_type is bool:
        return bool(value)
    return value


def copy_types(table: Table) -> dict[str, frozenset[type]]:
    """Per column of table, the types of value copyable() lets through."""
    out = {}
    for col in table.columns:
        try:
            kind = col.type.python_type
        except NotImplementedError:
            kind = None
        out[col.key] = _COPY_TYPES.get(kind, frozenset({str})) | {type(None)}
    return out


def copyable(types: dict[str, frozenset[type]], keys: tuple[str, ...], rows: list[tuple[Any, ...]]) -> bool:
    """Every value of these rows (in keys' order) is one COPY writes as the INSERT would (types: copy_types)."""
    return bool(rows) and all(set(map(type, column)) <= types[k]
                              for k, column in zip(keys, zip(*rows, strict=True), strict=True))


class TableShape:
    """What apply needs of a table, worked out once per batch rather than once per change."""

    def __init__(self, model: type[Tracked], dialect: Any) -> None:
        self.model = model
        self.table: Table = table_of(model)
        self.name: str = self.table.name
        self.columns = frozenset(self.table.c.keys())
        self.derived = derived_columns(model)
        self.types: dict[str, type | None] = {}
        self.bind: dict[str, Any] = {}
        for col in self.table.columns:
            try:
                self.types[col.key] = col.type.python_type
            except NotImplementedError:
                self.types[col.key] = None  # _value raises as it did
            self.bind[col.key] = col.type.dialect_impl(dialect).bind_processor(dialect)
        # Columns whose logged value is not bound as it is: dates (ISO text), booleans, the unknown.
        logged = [k for k in self.types if k not in self.derived]
        self.dates = [k for k in logged if self.types[k] is date]
        self.flags = [k for k in logged if self.types[k] is bool]
        self.unknown = [k for k in logged if self.types[k] is None]
        self.iso: dict[str, bool] = {}
        # What folding an update into an insert must not touch (apply's _Batch._fold).
        self.unique = frozenset(c.key for con in self.table.constraints if isinstance(con, UniqueConstraint)
                                for c in con.columns) | frozenset(
            c.key for index in self.table.indexes if index.unique for c in index.columns) | frozenset(
            c.key for c in self.table.columns if c.unique)
        self.not_null = frozenset(c.key for c in self.table.columns if not c.nullable)
        self.copy_types = copy_types(self.table)
        fields = getattr(model, "__search_fields__", ())
        self.plain_search = all(self.types.get(f) is str for f in fields)  # folded from the logged text as is
        # What a column holds when an insert does not set it (logged after images are JSON: dates as text).
        self.defaults: dict[str, Any] = {}
        for col in self.table.columns:
            if col.key in STAMP_COLUMNS or col.primary_key:
                continue
            if isinstance(col.default, ScalarElementColumnDefault):
                self.defaults[col.key] = col.default.arg
            elif col.default is None and col.server_default is None and col.nullable:
                self.defaults[col.key] = None

    def set_by(self, op: str, after: dict[str, Any]) -> dict[str, Any]:
        """The columns a logged change set: all of an update's; an insert's that differ from the default."""
        if op != "insert":
            return after
        defaults, absent = self.defaults, _ABSENT
        return {k: v for k, v in after.items() if defaults.get(k, absent) != v}

    def check(self, after: dict[str, Any]) -> bool:
        """Raise what _value raises on these values; True when each value binds as it was logged (ISO
        dates, true/false): the row can then be written from the logged values themselves."""
        plain = self.derived.isdisjoint(after)
        get = after.get
        try:
            for k in self.dates:
                v = get(k)
                if v is not None and (type(v) is not str or not self._iso(v)):
                    plain = False
            if not _FLAG_TYPES.issuperset(map(type, map(get, self.flags))):
                plain = False
            for k in self.unknown:
                v = get(k)
                if v is not None:
                    logged_value(self.table.c[k], v)
                    plain = False
        except Exception:
            self.values(after)  # the first bad value in the logged order raises, as it did
            raise
        return plain

    def _iso(self, text: str) -> bool:
        """text is a date as date.isoformat writes it (raises as date.fromisoformat does); a batch holds
        a few hundred days for thousands of dates, so each is worked out once."""
        known = self.iso.get(text)
        if known is None:
            known = self.iso[text] = date.fromisoformat(text).isoformat() == text
        return known

    def values(self, after: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """_value for every logged column but the derived ones, and whether each value is already of the
        type its column reads back as (then the row kept in memory is the row a SELECT would return)."""
        out: dict[str, Any] = {}
        exact = True
        types = self.types
        for k, v in after.items():
            if k in self.derived:
                continue
            kind = types[k]
            if v is None:
                out[k] = None
            elif kind is date and isinstance(v, str):
                out[k] = date.fromisoformat(v)
            elif kind is bool:
                out[k] = bool(v)
            elif kind is None:
                out[k] = logged_value(self.table.c[k], v)
                exact = False
            else:
                out[k] = v
                exact = exact and type(v) is kind
        return out, exact

    def new_row(self, record_id: str, after: dict[str, Any]) -> dict[str, Any]:
        """The values an insert writes (the typed values, the id, the derived search text)."""
        values = self.values(after)[0]
        values["id"] = record_id
        if self.derived:
            values["search_text"] = search_text(self.model, values)
        return values

    def bound(self, values: dict[str, Any]) -> tuple[Any, ...]:
        """The parameters Core would send: the column types' bind processors (dates, booleans) applied."""
        bind = self.bind
        return tuple(v if v is None or bind[k] is None else bind[k](v) for k, v in values.items())
