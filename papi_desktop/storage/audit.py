"""The audit trail's chain: one entry per committed write that changed something, hash-chained.

Each write session's commit appends, in the same transaction (a rollback removes them with the rest):
  - a "change" entry covering the change-log rows the transaction wrote (local saves and received
    changes alike), with their count and SHA-256, when it wrote any;
  - an entry for each sync record it wrote (a bundle read or sent, a PC's card added, a certificate
    issued or revoked): import, export, key;
  - the entries a service queued in the session (note()): an export, a backup, a restore…

hash = SHA-256(prev_hash, the entry's columns, changes_sha256 over the covered rows), so an entry
altered, removed or put in, and a covered change-log row altered, removed or added, breaks the chain
where it happened (services.audit.verify says where). The chain is this database's own: what travels
between PCs is verified by its signatures; received changes are covered here as this PC wrote them.

Format 1 below (ENTRY_FIELDS, CHANGE_FIELDS, line_sql, the encodings) is frozen: verify checks entries of every
age with it, so a change is a new format number, never an edit.

Writers are serialised per chain: SQLite has one writer; on PostgreSQL writers of two communes may
run at once (storage.dialect.take_writer_lock), so the end of each commit takes the chain's advisory
lock, and a transaction's rows are found as the rows above the change log's top at its start that no
committed entry covers (every committed row is covered, since entries commit with their rows).
"""

from __future__ import annotations

import hashlib
import json
import uuid
import weakref
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Session

from . import changelog, dialect

FORMAT = 1
ZERO = "0" * 64  # the prev_hash of the first entry
CHAIN_LOCK = dialect.WRITER_LOCK + 2  # PostgreSQL advisory lock of the chain's end (+1 is the sequences')
CHANGE_FIELDS = ("seq", "hlc", "unit_code", "table_name", "record_id", "op", "row_version", "actor", "at_utc",
                 "before_json", "after_json", "origin_node", "origin_seq", "txn_id", "received")
ENTRY_FIELDS = ("at_utc", "actor", "actor_id", "node", "kind", "detail_json", "first_change", "last_change",
                "change_count", "change_spans", "changes_sha256")
COLUMNS = ("seq", *ENTRY_FIELDS, "prev_hash", "hash")
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_QUEUE, _WRITTEN, _LOW = "_audit_queue", "_audit_written", "_audit_low"
_ready: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()  # engine -> the table exists


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def line_sql(conn: Connection) -> str:
    """A change-log row as hashed, made by the database itself (reading 10,000 rows back as Python values
    to encode them was a sixth of a bundle's import): the JSON array of its CHANGE_FIELDS, then a newline,
    as UTF-8 bytes - SQLite's json_array (received 0/1), PostgreSQL's json_build_array (true/false): a
    chain is one database's, written and verified by the same one."""
    fields = ", ".join(CHANGE_FIELDS)
    if dialect.is_postgresql(conn):
        return f"convert_to(json_build_array({fields})::text || chr(10), 'UTF8')"
    return f"CAST(json_array({fields}) || char(10) AS BLOB)"


def _raw(conn: Connection) -> Any:
    """The driver's own connection, in the session's transaction: rows as plain tuples, no Row objects."""
    return conn.connection.driver_connection


class ChangeDigest:
    """SHA-256 over the covered rows' lines (line_sql) in seq order; their count,
    and what the entry's detail says of them (per table and operation; how many came from other PCs).
    Rows are (seq, table_name, op, received, line) as digest_sql() selects them."""

    def __init__(self) -> None:
        self._sha = hashlib.sha256()
        self.count = 0
        self.received = 0
        self.ops: Counter[tuple[str, str]] = Counter()

    def add(self, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        deque(map(self._sha.update, map(itemgetter(4), rows)), 0)  # each line in turn, no copy of them all
        self.count += len(rows)
        self.ops.update(map(itemgetter(1, 2), rows))
        self.received += sum(map(bool, map(itemgetter(3), rows)))

    def hexdigest(self) -> str:
        return self._sha.hexdigest() if self.count else ""

    def detail(self) -> dict[str, Any]:
        tables: dict[str, dict[str, int]] = {}
        for (table, op), n in sorted(self.ops.items()):
            tables.setdefault(table, {})[op] = n
        return {"tables": tables, "received": self.received}


def digest_sql(conn: Connection) -> str:
    return f"SELECT seq, table_name, op, received, {line_sql(conn)} FROM change_log"


def fields_sql() -> str:
    return f"SELECT {', '.join(CHANGE_FIELDS)} FROM change_log"


def entry_hash(prev_hash: str, values: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + "\n" + _ENCODE([FORMAT, *(values[k] for k in ENTRY_FIELDS)])).encode()
                          ).hexdigest()


def spans_of(seqs: Iterable[int]) -> list[list[int]]:
    """Sorted numbers as runs [first, last] of consecutive ones."""
    runs: list[list[int]] = []
    for n in sorted(seqs):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return runs


def entry_spans(first: int | None, last: int | None, spans_json: str | None) -> list[list[int]]:
    if first is None or last is None:
        return []
    return json.loads(spans_json) if spans_json else [[first, last]]


def read_spans(conn: Connection, spans: list[list[int]], batch: int = 20_000, select: str | None = None
               ) -> Iterator[Sequence[Any]]:
    """The change-log rows in the spans, in seq order, in batches (a genesis may cover millions), as
    select (default digest_sql) reads them; seq is their first column."""
    sql = dialect.qmark(conn, f"{select or digest_sql(conn)} WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT {batch}")
    raw = _raw(conn)
    for lo, hi in spans:
        start = lo
        while start <= hi:
            rows = raw.execute(sql, (start, hi)).fetchall()
            if not rows:
                break
            yield rows
            start = rows[-1][0] + 1


def covering(first: int | None, last: int | None, digest: ChangeDigest, spans: list[list[int]] | None = None,
             detail: dict[str, Any] | None = None) -> dict[str, Any]:
    """The coverage columns of an entry (and its detail) from the rows digested."""
    if not digest.count or first is None or last is None:
        first = last = None
    spans = spans or ([[first, last]] if first is not None and last is not None else [])
    return {"detail": {**digest.detail(), **(detail or {})}, "first_change": first, "last_change": last,
            "change_count": digest.count, "change_spans": _ENCODE(spans) if len(spans) > 1 else None,
            "changes_sha256": digest.hexdigest()}


def append(conn: Connection, entries: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """Chain these entries after the last one (the caller holds the chain: one writer, or CHAIN_LOCK).

    Each is a dict with kind, actor, actor_id, node, detail (a dict) and optionally at_utc and the
    coverage columns (covering()). Returns (seq, hash) of each."""
    raw = _raw(conn)  # the driver's own calls: three statements on every save
    tail = raw.execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (tail[0], tail[1]) if tail else (0, ZERO)
    sql = dialect.qmark(conn, f"INSERT INTO audit_entry ({', '.join(COLUMNS)}) "
                              f"VALUES ({', '.join('?' * len(COLUMNS))})")
    at, out, rows = now(), [], []
    for item in entries:
        values = {"at_utc": item.get("at_utc") or at, "actor": item.get("actor") or "",
                  "actor_id": item.get("actor_id") or "", "node": item.get("node") or "", "kind": item["kind"],
                  "detail_json": _ENCODE(item.get("detail") or {}), "first_change": item.get("first_change"),
                  "last_change": item.get("last_change"), "change_count": item.get("change_count") or 0,
                  "change_spans": item.get("change_spans"), "changes_sha256": item.get("changes_sha256") or ""}
        seq += 1
        digest = entry_hash(prev, values)
        rows.append((seq, *(values[k] for k in ENTRY_FIELDS), prev, digest))
        out.append((seq, digest))
        prev = digest
    if rows:
        raw.cursor().executemany(sql, rows)
    return out


def genesis(conn: Connection, reason: dict[str, Any], node: str = "") -> None:
    """The first entry of a chain started on a database that already has a change log (migration 0011):
    it covers every row there is, from the lowest seq to the highest."""
    low, high = conn.exec_driver_sql("SELECT MIN(seq), MAX(seq) FROM change_log").one()
    digest = ChangeDigest()
    if high is not None:
        for rows in read_spans(conn, [[low, high]]):
            digest.add(rows)
    append(conn, [{"kind": "genesis", "node": node, **covering(low, high, digest, detail=reason)}])


# --- the session hooks -----------------------------------------------------------------------------

def note(session: Session, kind: str, detail: dict[str, Any], actor: str | None = None) -> None:
    """An entry to chain when this session's transaction commits (nothing if it rolls back); actor:
    someone else than the session's user (a pending entry made by an earlier run)."""
    session.info.setdefault(_QUEUE, []).append((kind, detail, actor))


PENDING = "-audit.json"  # beside a SQLite file: an entry for the next opening to chain


def pending_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + PENDING)


def leave_pending(db_file: Path, kind: str, actor: str, detail: dict[str, Any]) -> None:
    """An entry for a database that must not be written now (a restored file, still the backup's bytes):
    chained by apply_pending when it is next opened."""
    from ..exports.signing import atomic_write  # noqa: PLC0415 - the one fsynced write-and-rename

    item = {"id": uuid.uuid4().hex, "kind": kind, "actor": actor, "at_utc": now(), "detail": detail}
    atomic_write(pending_path(db_file), _ENCODE(item).encode("utf-8"))


def apply_pending(db: Any) -> None:
    """Chain the entry left beside this database (Database's opening), once: its id is in the detail, so a
    kill between the commit and the file's removal does not chain it twice."""
    if db.path is None:
        return
    marker = pending_path(db.path)
    try:
        item = json.loads(marker.read_text("utf-8"))
        kind, detail, actor, mark = item["kind"], {**item["detail"], "id": item["id"]}, item["actor"], item["id"]
        detail.setdefault("noted_at", item.get("at_utc", ""))
    except FileNotFoundError:
        return
    except (OSError, ValueError, KeyError, TypeError):
        return  # unreadable: left for a person to see, never a reason not to open
    with db.session() as s:
        conn = s.connection()
        if not _has_table(conn):
            return  # an older schema: after its upgrade
        done = conn.exec_driver_sql(dialect.qmark(conn, "SELECT 1 FROM audit_entry WHERE kind = ? AND detail_json "
                                                        "LIKE ?"), (kind, f'%"id":"{mark}"%')).first()
        if done is None:
            note(s, kind, detail, actor)
        if kind == "restore" and isinstance(detail.get("resume_after"), int):
            changelog.raise_sequence_floor(conn, int(detail["resume_after"]))
    marker.unlink(missing_ok=True)


def _has_table(conn: Connection) -> bool:
    """False on a database not migrated to 0011 yet (a test opening an old revision, a migration)."""
    engine = conn.engine
    if _ready.get(engine):
        return True
    found = (conn.exec_driver_sql("SELECT to_regclass('audit_entry') IS NOT NULL").scalar()
             if dialect.is_postgresql(conn) else
             conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'").first()
             is not None)
    if found:
        _ready[engine] = True
    return bool(found)


def forget_tables() -> None:
    """Tests that drop and make tables again under one engine."""
    _ready.clear()


def _after_begin(writer_option: tuple[str, str]) -> Any:
    key, value = writer_option

    def hook(session: Session, _transaction: Any, conn: Connection) -> None:
        # PostgreSQL: every change-log row this transaction writes will be above the top now (the
        # sequence only grows); a row another writer has not committed yet is above it too, and is
        # covered by that writer's entry once it commits (see _mine).
        if dialect.is_postgresql(conn) and conn.get_execution_options().get(key) == value:
            session.info[_LOW] = conn.exec_driver_sql("SELECT COALESCE(MAX(seq), 0) FROM change_log").scalar()

    return hook


def _after_flush(session: Session, _ctx: Any) -> None:
    """Remember the sync records this transaction writes (their final state is read at commit)."""
    from .sync_state import BundleIn, BundleOut, Enrolment, Peer  # noqa: PLC0415 - sync_state imports models

    kinds = (BundleIn, BundleOut, Enrolment, Peer)
    written = session.info.setdefault(_WRITTEN, {})  # by object: its key is known only once flushed
    for obj in session.new:
        if isinstance(obj, kinds):
            written[id(obj)] = (obj, "new")
    for obj in session.dirty:
        if isinstance(obj, kinds) and id(obj) not in written and session.is_modified(obj):
            written[id(obj)] = (obj, "changed")
    for obj in session.deleted:
        if isinstance(obj, BundleOut):
            written[id(obj)] = (obj, "deleted")


def _sync_events(session: Session) -> list[tuple[str, dict[str, Any]]]:
    from .sync_state import BundleIn, BundleOut, Enrolment  # noqa: PLC0415

    out = []
    for obj, how in session.info.get(_WRITTEN, {}).values():
        new = how == "new"
        if isinstance(obj, BundleIn):
            summary = json.loads(obj.summary_json or "{}")
            counts = {k: summary[k] for k in ("records", "imported", "updated", "unchanged", "conflicts", "rejected",
                                             "held") if isinstance(summary.get(k), int)}
            out.append(("import", {"what": "bundle", "bundle_id": obj.bundle_id, "digest": obj.digest,
                                   "unit": obj.unit_code, "device": obj.device, "status": obj.status, **counts}))
        elif isinstance(obj, BundleOut):
            if how == "changed" and not obj.acknowledged_at:
                continue  # only a receipt changes a bundle sent
            what = {"new": "bundle", "changed": "receipt", "deleted": "bundle-withdrawn"}[how]
            out.append(("import" if what == "receipt" else "export", {
                "what": what, "bundle_id": obj.bundle_id, "digest": obj.digest, "peer": obj.peer,
                "changes": obj.changes, **({"acknowledged_at": obj.acknowledged_at} if what == "receipt" else {})}))
        elif isinstance(obj, Enrolment):
            out.append(("key", {"what": "certificate-issued" if new else "certificate-changed", "unit": obj.unit_code,
                                "device": obj.device, "serial": obj.serial,
                                **({"revoked_at": obj.revoked_at} if obj.revoked_at else {})}))
        else:
            out.append(("key", {"what": "peer-added" if new else "peer-changed", "unit": obj.unit_code,
                                "device": obj.device}))
    return out


def _mine(conn: Connection, low: int) -> list[list[int]]:
    """PostgreSQL: the spans of this transaction's change-log rows: above low, covered by no entry."""
    seqs = conn.exec_driver_sql("SELECT seq FROM change_log WHERE seq > %s ORDER BY seq", (low,)).scalars().all()
    if not seqs:
        return []
    covered = sorted(span for row in conn.exec_driver_sql(
        "SELECT first_change, last_change, change_spans FROM audit_entry WHERE last_change > %s", (low,))
        for span in entry_spans(*row))
    mine, i = [], 0
    for n in seqs:
        while i < len(covered) and covered[i][1] < n:
            i += 1
        if not (i < len(covered) and covered[i][0] <= n):
            mine.append(n)
    return spans_of(mine)


def _digest_above(conn: Connection, digest: ChangeDigest, batch: int = 20_000) -> list[list[int]]:
    """SQLite (one writer): digest the rows above the highest covered, a batch at a time (a 100,000-visit
    import writes 200,000: read at once they were 150 MB of lines), and return their spans."""
    raw = _raw(conn)
    start = raw.execute("SELECT COALESCE(MAX(last_change), 0) FROM audit_entry").fetchone()[0] + 1
    sql = f"{digest_sql(conn)} WHERE seq >= ? ORDER BY seq LIMIT {batch}"
    spans: list[list[int]] = []
    while True:
        rows = raw.execute(sql, (start,)).fetchall()
        if not rows:
            return spans
        digest.add(rows)
        first, last = rows[0][0], rows[-1][0]
        runs = [[first, last]] if last - first + 1 == len(rows) else spans_of(r[0] for r in rows)  # nearly always one
        for lo, hi in runs:
            if spans and spans[-1][1] + 1 == lo:
                spans[-1][1] = hi
            else:
                spans.append([lo, hi])
        start = last + 1


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint released: the entry comes with the real commit
        return
    session.flush()
    conn = session.connection()
    if not _has_table(conn):
        return
    digest = ChangeDigest()
    if dialect.is_postgresql(conn):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})")
        spans = _mine(conn, session.info.get(_LOW, 0))
        for rows in read_spans(conn, spans):
            digest.add(rows)
    else:  # one writer: its rows are the ones above the highest covered
        spans = _digest_above(conn, digest)
    events = [(kind, detail, None) for kind, detail in _sync_events(session)] + session.info.get(_QUEUE, [])
    if not digest.count and not events:
        return
    clock = session.info.get("clock")
    who = {"actor": session.info.get("user", ""), "actor_id": session.info.get("user_id", ""),
           "node": clock.node if clock is not None else ""}
    entries = []
    if digest.count:
        entries.append({"kind": "change", **who, **covering(spans[0][0], spans[-1][1], digest, spans)})
    entries += [{"kind": kind, **who, "detail": detail, **({"actor": actor} if actor is not None else {})}
                for kind, detail, actor in events]
    append(conn, entries)


def _after_transaction_end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        for key in (_QUEUE, _WRITTEN, _LOW):
            session.info.pop(key, None)


def install(session_class: type[Session], writer_option: tuple[str, str]) -> None:
    """Attach the hooks to the session class (storage.db). writer_option: the execution option (key,
    value) a write session's connection carries."""
    if not event.contains(session_class, "before_commit", _before_commit):
        event.listen(session_class, "after_begin", _after_begin(writer_option))
        event.listen(session_class, "after_flush", _after_flush)
        event.listen(session_class, "before_commit", _before_commit)
        event.listen(session_class, "after_transaction_end", _after_transaction_end)
