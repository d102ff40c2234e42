"""Accent-insensitive full-text search over the registers (SQLite FTS5 on folded text)."""

from __future__ import annotations

from typing import Any

from ..domain.text import fold
from ..storage.db import Database


def _printable(query: str) -> str:
    """Control, format and unpaired surrogate characters as spaces: SQLite cuts a string at NUL, and a
    lone surrogate cannot be encoded; a search box can receive any of them from a paste."""
    if query.isprintable():
        return query
    return "".join(c if c.isprintable() or c.isspace() else " " for c in query)


def fts_query(query: str) -> str:
    """Folded words as FTS5 prefix terms: 'Nguyễn Văn' -> '"nguyen"* "van"*'."""
    words = [w.replace('"', "") for w in fold(_printable(query or "")).split()]
    return " ".join(f'"{w}"*' for w in words if w)


def ids_newest_first(db: Database, table: str, date_column: str, where: list[str], params: dict[str, Any],
                     search: str = "") -> list[str]:
    """Ids of live rows of a register table matching the filters (alias t, named :params) and the
    search words.

    table and date_column are our own identifiers, never user input; values go in params. The query
    runs on a plain pooled connection: it is on the typing path of the search box.
    """
    source = f"{table} t"
    match = fts_query(search)
    conditions = ["t.deleted = 0", *where]
    if match:
        source = f"{table}_fts f JOIN {table} t ON t.rowid = f.rowid"
        conditions.append(f"{table}_fts MATCH :match")
        params = {**params, "match": match}
    sql = (f"SELECT t.id FROM {source} WHERE {' AND '.join(conditions)} "
           f"ORDER BY t.{date_column} DESC, t.rowid DESC")
    with db.connection() as conn:
        return [row[0] for row in conn.exec_driver_sql(sql, params).fetchall()]
