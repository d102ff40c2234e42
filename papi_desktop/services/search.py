"""Accent-insensitive full-text search over the registers, on folded text: SQLite FTS5, or on
PostgreSQL a word-prefix regular expression that a trigram index serves (migration 0003).

Both find the same rows: a query word w matches what FTS5 matches for "w"* with the unicode61
tokenizer. w is cut into tokens (runs of letters, digits and private-use characters: unicode61's
default); the last token is a prefix, the ones before it whole tokens, all adjacent in the text
(separated only by non-token characters). A word with no token is dropped, and a query whose words
all are has no match (as FTS5 treats the empty phrases). PostgreSQL tells token characters by its
[[:alnum:]] class: the same for the folded text's Latin letters and digits; for other scripts it
follows the database's LC_CTYPE (C.UTF-8 recommended).

The ties of a day are ordered newest inserted first on SQLite (rowid) and newest created first on
PostgreSQL (created_hlc, which has no rowid): the same order for rows made on the device that holds
them, possibly not for rows that arrived by sync out of creation order.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import text

from ..domain.text import fold
from ..storage.db import Database


def _printable(query: str) -> str:
    """Control, format and unpaired surrogate characters as spaces: SQLite cuts a string at NUL, and a
    lone surrogate cannot be encoded; a search box can receive any of them from a paste."""
    if query.isprintable():
        return query
    return "".join(c if c.isprintable() or c.isspace() else " " for c in query)


def _words(query: str) -> list[str]:
    return [w.replace('"', "") for w in fold(_printable(query or "")).split()]


def fts_query(query: str) -> str:
    """Folded words as FTS5 prefix terms: 'Nguyễn Văn' -> '"nguyen"* "van"*'."""
    return " ".join(f'"{w}"*' for w in _words(query) if w)


def _token_char(c: str) -> bool:
    category = unicodedata.category(c)
    return category[0] in "LN" or category == "Co"


def _tokens(word: str) -> list[str]:
    out, current = [], ""
    for c in word:
        if _token_char(c):
            current += c
        elif current:
            out.append(current)
            current = ""
    return [*out, current] if current else out


def word_patterns(query: str) -> list[str] | None:
    """PostgreSQL regular expressions, one per query word, all to match (see the module's note);
    [] when the query has no words (every row), None when it has words but none with a token (none)."""
    words = [w for w in _words(query) if w]
    if not words:
        return []
    patterns = []
    for word in words:
        tokens = _tokens(word)
        if tokens:  # tokens hold letters and digits only: nothing in them to escape
            patterns.append("(^|[^[:alnum:]])" + "[^[:alnum:]]+".join(tokens))
    return patterns or None


def ids_newest_first(db: Database, table: str, date_column: str, where: list[str], params: dict[str, Any],
                     search: str = "") -> list[str]:
    """Ids of live rows of a register table matching the filters (alias t, named :params) and the
    search words.

    table and date_column are our own identifiers, never user input; values go in params. The query
    runs on a plain pooled connection: it is on the typing path of the search box.
    """
    if db.dialect == "postgresql":
        return _ids_postgresql(db, table, date_column, where, params, search)
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


def _ids_postgresql(db: Database, table: str, date_column: str, where: list[str], params: dict[str, Any],
                    search: str) -> list[str]:
    patterns = word_patterns(search)
    if patterns is None:
        return []
    conditions = ["t.deleted = false", *where]
    params = dict(params)
    for number, pattern in enumerate(patterns):
        conditions.append(f"t.search_text ~ :word{number}")
        params[f"word{number}"] = pattern
    sql = (f"SELECT t.id FROM {table} t WHERE {' AND '.join(conditions)} "
           f"ORDER BY t.{date_column} DESC, t.created_hlc DESC, t.id DESC")
    with db.connection() as conn:
        return [row[0] for row in conn.execute(text(sql), params).fetchall()]
