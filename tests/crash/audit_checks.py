"""The audit trail after a kill (issue 13 §2, §5), for both crash harnesses: the chain verifies
(services.audit.verify) with the head of the data folder the run started from as an anchor (so no
entry written before the run was lost or rewritten), and the entries written since are read back to
check that what the run finished, or committed, has its entry."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, NamedTuple

from papi_desktop import paths

Anchor = tuple[int, str]


class Entry(NamedTuple):
    seq: int
    kind: str
    detail: dict[str, Any]
    changes: int  # change-log rows it covers


def head(db: Any) -> Anchor:
    """The chain's last entry (seq, hash) of a data folder before any kill; it must verify."""
    from papi_desktop.services import audit

    verdict = audit.verify(db)
    if not verdict.ok:
        raise AssertionError(f"the audit chain is broken before any kill: {verdict.message('en')}")
    return verdict.head_seq, verdict.head_hash


def check(db: Any, anchor: Anchor | None, problems: list[str], when: str = "") -> None:
    """A broken chain is a problem like the others."""
    from papi_desktop.services import audit

    verdict = audit.verify(db, [anchor] if anchor and anchor[0] else [])
    if not verdict.ok:
        problems.append(f"audit chain{when}: {verdict.message('en')}")


def entries_after(data: Path, seq: int) -> list[Entry]:
    conn = sqlite3.connect(f"file:{data / paths.DB_FILE}?mode=ro", uri=True)
    try:
        return [Entry(n, kind, json.loads(detail or "{}"), changes) for n, kind, detail, changes in conn.execute(
            "SELECT seq, kind, detail_json, change_count FROM audit_entry WHERE seq > ? ORDER BY seq", (seq,))]
    finally:
        conn.close()


def of(entries: list[Entry], kind: str, **detail: object) -> list[Entry]:
    """The entries of this kind whose detail has these values."""
    return [e for e in entries if e.kind == kind and all(e.detail.get(k) == v for k, v in detail.items())]
