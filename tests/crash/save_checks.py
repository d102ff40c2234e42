"""The checks of the harness's `save` kind (save_child.py killed between or inside ordinary form saves):
every save the child reported (its service call had returned) is in the database whole; no half save in
the tables or in the change log; each save's transaction is one audit change entry covering exactly its
change-log rows, and every new change-log row is covered."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from papi_desktop import paths

TABLES = ("reception", "reception_citizen", "petition", "progress_update", "evidence")
PARENT = {"reception_citizen": ("reception", "reception_id"), "petition": ("reception", "reception_id"),
          "evidence": ("progress_update", "update_id")}  # a save's rows: a root and the rows naming it
ROOTS = ("reception", "progress_update")
SIDE = {"progress_update": {"task_state"}}  # rows a save may write besides its own (a task now in progress)


def reported(path: Path) -> list[list[str]]:
    """The child's whole lines: what it was told was saved."""
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    return [line.split() for line in text.split("\n")[:-1]]  # an unfinished last line is not a report


def _ro(data: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{data / paths.DB_FILE}?mode=ro", uri=True)


def _rows(conn: sqlite3.Connection) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Per table: id -> (deleted, the parent's id)."""
    out: dict[str, dict[str, tuple[Any, ...]]] = {}
    for table in TABLES:
        parent = PARENT.get(table, (None, "NULL"))[1]
        out[table] = {r[0]: r[1:] for r in conn.execute(f"SELECT id, deleted, {parent} FROM {table}")}
    return out


def check(data: Path, base: Path, lines: list[list[str]], killed: bool, saves: int, anchor_seq: int,
          outcome: Any) -> None:
    problems = outcome.problems
    with _ro(base) as conn:
        old = _rows(conn)
        top = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    conn = _ro(data)
    try:
        now = _rows(conn)
        log = conn.execute("SELECT seq, txn_id, table_name, record_id, op FROM change_log WHERE seq > ? "
                           "ORDER BY seq", (top,)).fetchall()
        spans = [(json.loads(s) if s else [[lo, hi]]) for lo, hi, s in conn.execute(
            "SELECT first_change, last_change, change_spans FROM audit_entry WHERE seq > ? AND kind = 'change'",
            (anchor_seq,))]
        evidence = dict(conn.execute("SELECT update_id, file_sha256 FROM evidence WHERE deleted = 0"))
    finally:
        conn.close()
    new = {t: set(now[t]) - set(old[t]) for t in TABLES}
    for t in TABLES:
        if lost := set(old[t]) - set(now[t]):
            problems.append(f"{len(lost)} {t} row(s) of the start gone")
    # No half save in the tables: a visit without citizens, a citizen or petition whose visit is not there.
    children: dict[str, set[str]] = defaultdict(set)
    for t, (parent_table, _col) in PARENT.items():
        for rid, (deleted, parent) in now[t].items():
            if parent is None and t == "petition":
                continue  # a petition by post or from the portal: no visit
            if parent not in now[parent_table]:
                problems.append(f"{t} {rid} without its {parent_table} {parent}")
            elif not deleted:
                children[parent].add(rid)
    for root in ROOTS:
        for rid in new[root]:
            if not children[rid]:
                rows = "citizens" if root == "reception" else "evidence"
                problems.append(f"{root} {rid} saved without its {rows}")
    # The change log: each new row logged once, in one transaction with the rest of its save.
    txns: dict[str, set[tuple[str, str]]] = defaultdict(set)
    txn_seqs: dict[str, set[int]] = defaultdict(set)
    logged: dict[str, set[str]] = defaultdict(set)
    for seq, txn, table, rid, op in log:
        txns[txn].add((table, rid))
        txn_seqs[txn].add(seq)
        if op == "insert":
            logged[table].add(rid)
    for t in TABLES:
        if new[t] != logged[t]:
            problems.append(f"{t}: {len(new[t] - logged[t])} new row(s) not in the change log, "
                            f"{len(logged[t] - new[t])} logged insert(s) not in the table")
    roots_done: set[str] = set()
    for txn, records in txns.items():
        roots = [(t, rid) for t, rid in records if t in ROOTS]
        if len(roots) != 1:
            problems.append(f"transaction {txn}: {len(roots)} saves in it")
            continue
        table, rid = roots[0]
        family = {(table, rid), *((t, c) for t, (p, _c) in PARENT.items() if p == table
                                  for c in now[t] if now[t][c][1] == rid)}
        if others := {r for r in records - family if r[0] not in SIDE.get(table, set())}:
            problems.append(f"transaction {txn}: rows of other saves {sorted(others)[:3]}")
        if missing := family - records:
            problems.append(f"transaction {txn}: {len(missing)} row(s) of its save logged apart")
        roots_done.add(rid)
    # The audit trail: each transaction is one change entry, covering exactly its rows.
    covered = [{s for lo, hi in e for s in range(lo, hi + 1)} for e in spans]
    for txn, seqs in txn_seqs.items():
        if sum(c == seqs for c in covered) != 1:
            problems.append(f"transaction {txn}: not exactly one change entry covering its {len(seqs)} rows")
    if stray := set().union(*covered) - {seq for seq, *_ in log}:
        problems.append(f"change entries cover {len(stray)} row(s) not in the new change log")
    # What the child was told is saved.
    told: set[str] = set()
    for kind, rid, extra in lines:
        told.add(rid)
        if rid not in new["reception" if kind != "progress" else "progress_update"]:
            problems.append(f"acknowledged {kind} save {rid} LOST")
        elif kind == "progress":
            if evidence.get(rid) != extra or not _whole(data / "attachments", extra):
                problems.append(f"progress {rid}: its evidence file {extra[:12]} is not there whole")
        else:
            if (found := len(children[rid] & set(now["reception_citizen"]))) != int(extra):
                problems.append(f"visit {rid}: {found} of its {extra} citizens")
            if (kind == "petition") != bool(children[rid] & set(now["petition"])):
                problems.append(f"visit {rid}: in the petition register {'not ' if kind == 'petition' else ''}"
                                "as saved")
    unreported = roots_done - told
    if len(unreported) > 1 or (unreported and not killed):
        problems.append(f"{len(unreported)} save(s) committed and never reported")
    elif unreported:
        outcome.notes.append("committed, killed before its report")
    if not killed and len(lines) != saves:
        problems.append(f"a finished run reported {len(lines)} of {saves} saves")
    outcome.state = "saved" if lines else "none"


def _whole(folder: Path, sha: str) -> bool:
    """A stored file is named by its SHA-256 (services.attachments): one with that content is there."""
    stored = [p for p in folder.glob(f"{sha}*") if p.suffix != ".part"]
    return any(hashlib.sha256(p.read_bytes()).hexdigest() == sha for p in stored)
