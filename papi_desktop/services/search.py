"""Accent-insensitive full-text search over the registers (SQLite FTS5 on folded text)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import TextClause, text

from ..domain.text import fold
from ..storage.db import Database


def fts_query(query: str) -> str:
    """Folded words as FTS5 prefix terms: 'Nguyễn Văn' -> '"nguyen"* "van"*'."""
    words = [w.replace('"', "") for w in fold(query).split()]
    return " ".join(f'"{w}"*' for w in words if w)


@lru_cache(maxsize=64)
def _statement(sql: str) -> TextClause:
    """Compiled once per filter shape: typing in the search box reuses it."""
    return text(sql)


def ids_newest_first(db: Database, table: str, date_column: str, where: list[str], params: dict[str, Any],
                     search: str = "") -> list[str]:
    """Ids of live rows of a register table matching the filters (alias t) and the search words.

    table and date_column are our own identifiers, never user input; values go in params.
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
    with db.reader() as s:
        return [row[0] for row in s.execute(_statement(sql), params)]
