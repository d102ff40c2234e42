"""What SQLite and PostgreSQL do differently, in one place, so the code above writes it once.

Run-time helpers take a Connection (a session's: session.connection()) and emit the dialect's own
SQL; on SQLite each one emits exactly what the code emitted before PostgreSQL was supported.

The DDL helpers are called by migrations: what they emit for a revision that has shipped must
never change (a new schema change is a new revision).

What sync.apply does differently on PostgreSQL (tests/unit/test_sync_apply_pg.py: an outbox of a
commune applied to a PostgreSQL database gives the state hash SQLite gives, twice is unchanged, a batch
is not refused, its fallbacks end where SQLite's do):
  - PRAGMA defer_foreign_keys = ON            -> defer_foreign_keys(conn)
  - PRAGMA foreign_key_check(t)               -> foreign_key_violation(conn, t[, ids])
  - sqlite_master's UPDATE triggers of t      -> update_triggers(conn, t)
  - the INSERT into t_fts                     -> index_search_text(conn, t, ids) (nothing on PostgreSQL)
  - '?' marks in driver SQL                   -> marks(conn, n) / qmark(conn, sql)
  - the literal 1 for change_log.received     -> true (the same 1 on SQLite)
  - func.json_each(...) selects and joins     -> values_of(conn, values) / listed(conn, values)
  - 'json_each(?) AS listed CROSS JOIN t ON'  -> f'{listed_sql(conn)} AS listed JOIN t ON' on
    PostgreSQL (it has no CROSS JOIN ... ON; SQLite keeps CROSS JOIN, its join-order hint)
  - executemany of an INSERT run              -> copy_rows(conn, t, columns, rows) where the values
    allow it (sync.apply_shape.copyable): COPY FROM STDIN, one stream for the run
  - after any failed statement a PostgreSQL transaction refuses every other one until ROLLBACK TO
    a savepoint: each place that catches a database error and goes on writing needs one around
    the statement (apply's own SAVEPOINT papi_apply already does this for the batch).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ARRAY, Connection, Integer, Select, Text, func, literal, select
from sqlalchemy.sql.selectable import TableValuedAlias

POSTGRESQL = "postgresql"
SQLITE = "sqlite"


def name(bind: Any) -> str:
    """"sqlite" or "postgresql" for a Connection or an Engine."""
    return bind.dialect.name


def is_postgresql(bind: Any) -> bool:
    return bind.dialect.name == POSTGRESQL


# --- run time -------------------------------------------------------------------------------------

# PostgreSQL: the advisory lock every write session takes (per database: keys are scoped to it), and
# the key space of the per-device sequence locks.
WRITER_LOCK = 0x50415049  # "PAPI"
SEQUENCE_LOCK = WRITER_LOCK + 1


def take_writer_lock(conn: Connection, scope: str | None = None) -> None:
    """Make conn's transaction a writer until it ends. SQLite: nothing here (the engine's "begin" hook
    emits BEGIN IMMEDIATE: one writer at a time, whatever the scope). PostgreSQL: without a scope,
    the database's only writer (the writer lock, exclusive); with a scope (a commune's code), the only
    writer of that scope, beside writers of other scopes and never beside an unscoped one (the writer
    lock shared, then the scope's lock). Waits up to lock_timeout; the statements after it take fresh
    snapshots (READ COMMITTED), so they see what the previous writer committed."""
    if not is_postgresql(conn):
        return
    if scope is None:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
        return
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock_shared({WRITER_LOCK})")
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK}, hashtext(%s))", (scope,))


def take_sequence_lock(conn: Connection, node: str) -> None:
    """Before a writer reads the next number of a device's sequence: on PostgreSQL, writers of two
    scopes may run at once, and the second waits here for the first's commit (then reads past its
    numbers) instead of taking the same number. SQLite: one writer already; nothing to do."""
    if is_postgresql(conn):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SEQUENCE_LOCK}, hashtext(%s))", (node,))


def qmark(bind: Any, sql: str) -> str:
    """Our own driver-level SQL, written with ? marks, in the driver's style (psycopg: %s).

    Only for statements we write ourselves: no literal '?' or '%' in them (values go in parameters)."""
    return sql.replace("?", "%s") if is_postgresql(bind) else sql


def marks(bind: Any, count: int) -> str:
    """count parameter marks for a VALUES list: '?, ?, ?' or '%s, %s, %s'."""
    return ", ".join(("%s" if is_postgresql(bind) else "?",) * count)


def flag(bind: Any, value: bool | None) -> bool | int | None:
    """A boolean as a driver-level parameter: SQLite stores 1/0 (what SQLAlchemy's type stores);
    PostgreSQL's boolean column refuses an integer."""
    if value is None or is_postgresql(bind):
        return value
    return int(value)


def defer_foreign_keys(conn: Connection) -> None:
    """Check foreign keys at COMMIT, not per statement, for the rest of this transaction (a unit of
    work may carry a child before its parent). SQLite: PRAGMA defer_foreign_keys. PostgreSQL: SET
    CONSTRAINTS ALL DEFERRED, which reaches every foreign key because the migrations make each one
    DEFERRABLE INITIALLY IMMEDIATE (tests/storage/test_dialects.py checks that)."""
    if is_postgresql(conn):
        conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
    else:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def foreign_key_violation(conn: Connection, table: str, ids: Iterable[str] | None = None) -> bool:
    """Some row of table (or of its rows with these ids) points at a row that is not there: the
    commit would fail on it. SQLite: PRAGMA foreign_key_check (whole table; ids are ignored).
    PostgreSQL has no such check: one NOT EXISTS probe per foreign key of the table, from the
    catalogue, over the given rows or all."""
    if not is_postgresql(conn):
        return conn.exec_driver_sql(f"PRAGMA foreign_key_check({table})").first() is not None
    keys = conn.exec_driver_sql(
        "SELECT c.conname, c.confrelid::regclass::text, "
        "ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) "
        "      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i), "
        "ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) "
        "      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) "
        "FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = to_regclass(%s)", (table,)).fetchall()
    listed = sorted(ids) if ids is not None else None
    for _name, parent, child_cols, parent_cols in keys:
        present = " AND ".join(f'c."{col}" IS NOT NULL' for col in child_cols)
        joined = " AND ".join(f'p."{pc}" = c."{cc}"' for cc, pc in zip(child_cols, parent_cols, strict=True))
        sql = (f'SELECT 1 FROM "{table}" c WHERE {present} '
               f"AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {joined})")
        params: tuple[Any, ...] = ()
        if listed is not None:
            sql += " AND c.id = ANY(%s)"
            params = (listed,)
        if conn.exec_driver_sql(sql + " LIMIT 1", params).first() is not None:
            return True
    return False


def copy_rows(conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """PostgreSQL only: append rows to table with COPY FROM STDIN in conn's transaction. psycopg's
    executemany runs each row as a statement of its own; COPY streams them (a bundle's 10,000
    change-log rows: 0.09 s against 0.22 s). The same row triggers fire and the same constraints are
    checked; the caller sends only values COPY's text input reads as the INSERT would read them
    (sync.apply_shape.copyable). A refused row raises psycopg's error, the transaction then failed."""
    raw: Any = conn.connection.dbapi_connection
    quoted = ", ".join(f'"{c}"' for c in columns)
    with raw.cursor() as cur, cur.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
        write = copy.write_row
        for row in rows:
            write(row)


def listed(bind: Any, values: list[Any]) -> TableValuedAlias:
    """A list as one bound parameter, as a table of one column `value` (join it, or select from it):
    a look-up of 10,000 keys is one statement. SQLite: json_each; PostgreSQL: unnest of a typed array
    (integer[] for a list of ints, else text[]), so `value` compares with the column it is meant for."""
    if is_postgresql(bind):
        kind = Integer() if values and all(type(v) is int for v in values) else Text()
        array = literal(list(values), ARRAY(kind))
        return func.unnest(array).table_valued("value").render_derived(name="listed")
    return func.json_each(json.dumps(values)).table_valued("value").alias("listed")


def values_of(bind: Any, values: list[Any]) -> Select[Any]:
    """The list as a one-column select, for WHERE x IN (...). SQLite: json_each unaliased, the SQL
    sync.apply emitted before PostgreSQL was supported."""
    if is_postgresql(bind):
        return select(listed(bind, values).c.value)
    return select(func.json_each(json.dumps(values)).table_valued("value").c.value)


def listed_sql(bind: Any) -> str:
    """Driver-level SQL for the same table, its one parameter a JSON array text:
    'json_each(?)' or 'json_array_elements_text(%s::json)' (alias it: ... AS listed)."""
    return "json_array_elements_text(%s::json)" if is_postgresql(bind) else "json_each(?)"


def update_triggers(conn: Connection, table: str) -> list[str]:
    """The names of the triggers that fire on an UPDATE of table. SQLite: from sqlite_master (as
    sync.apply reads it); PostgreSQL: from pg_trigger (the tgtype bit for UPDATE)."""
    if is_postgresql(conn):
        return list(conn.exec_driver_sql(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(%s) AND NOT tgisinternal "
            "AND (tgtype & 16) <> 0", (table,)).scalars())
    return list(conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
        "AND upper(sql) LIKE '%UPDATE%'",
        (table,)).scalars())


# Tables with a full-text index over search_text (migration 0003). SQLite's FTS5 index is external
# content: new rows are written into it in batches (index_search_text); updates and deletes follow
# by trigger. PostgreSQL's trigram index on search_text is an ordinary index: nothing to do.
FTS_TABLES = frozenset({"reception", "petition"})


def index_search_text(conn: Connection, table: str, ids: list[str]) -> None:
    """Put these new rows of a full-text table into its index (before any update of them)."""
    if is_postgresql(conn):
        return
    # In rowid order: FTS5 writes out its pending terms whenever a rowid is not above the last one, and the
    # ids' index yields the rows in id order (100,000 new visits: 1.6 s of CPU; 0.4 s in rowid order).
    conn.exec_driver_sql(
        f"INSERT INTO {table}_fts(rowid, search_text) SELECT rowid, search_text FROM {table} "
        "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid", (json.dumps(ids),))


# --- DDL for migrations ---------------------------------------------------------------------------

def fk_options(bind: Any) -> dict[str, Any]:
    """Options for every ForeignKeyConstraint a migration creates. PostgreSQL: DEFERRABLE INITIALLY
    IMMEDIATE, checked per statement as SQLite's are, yet deferrable by defer_foreign_keys. SQLite:
    none (its keys defer by PRAGMA; its schema text stays as it was)."""
    return {"deferrable": True, "initially": "IMMEDIATE"} if is_postgresql(bind) else {}


_APPEND_ONLY_FUNCTION = (
    "CREATE OR REPLACE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'change_log is append-only' USING ERRCODE = 'integrity_constraint_violation'; "
    "END $$")


def create_append_only_triggers(bind: Any) -> list[str]:
    """The statements that make change_log refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE,
    which skips row triggers). Both raise an integrity error: sqlite3 and psycopg alike."""
    if is_postgresql(bind):
        return [_APPEND_ONLY_FUNCTION,
                "CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log "
                "FOR EACH ROW EXECUTE FUNCTION change_log_append_only()",
                "CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log "
                "FOR EACH ROW EXECUTE FUNCTION change_log_append_only()",
                "CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log "
                "FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only()"]
    return ["CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log "
            "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END",
            "CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log "
            "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END"]


def drop_append_only_triggers(bind: Any) -> list[str]:
    if is_postgresql(bind):
        return ["DROP TRIGGER IF EXISTS change_log_no_update ON change_log",
                "DROP TRIGGER IF EXISTS change_log_no_delete ON change_log",
                "DROP TRIGGER IF EXISTS change_log_no_truncate ON change_log"]
    return ["DROP TRIGGER IF EXISTS change_log_no_update", "DROP TRIGGER IF EXISTS change_log_no_delete"]


def create_search_index(bind: Any, table: str) -> list[str]:
    """The full-text index over table.search_text. SQLite: an FTS5 table (external content) and the
    triggers that follow deletes and updates. PostgreSQL: a pg_trgm GIN index, which serves the
    word-prefix regular expressions services.search builds (pg_trgm ships with PostgreSQL and is a
    trusted extension: a database owner may create it)."""
    if is_postgresql(bind):
        return ["CREATE EXTENSION IF NOT EXISTS pg_trgm",
                f"CREATE INDEX ix_{table}_search_trgm ON {table} USING gin (search_text gin_trgm_ops)"]
    return [f"CREATE VIRTUAL TABLE {table}_fts USING fts5(search_text, content='{table}', "
            "content_rowid='rowid', tokenize='unicode61')",
            f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
            f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, search_text) "
            "VALUES ('delete', old.rowid, old.search_text); END",
            f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF search_text ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, search_text) "
            "VALUES ('delete', old.rowid, old.search_text); "
            f"INSERT INTO {table}_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END"]


def drop_search_index(bind: Any, table: str) -> list[str]:
    if is_postgresql(bind):
        return [f"DROP INDEX IF EXISTS ix_{table}_search_trgm"]
    return [*(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}" for suffix in ("ai", "ad", "au")),
            f"DROP TABLE IF EXISTS {table}_fts"]
