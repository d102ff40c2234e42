"""The crash harnesses' audit checks find what they look for: an entry altered, and entries cut off after
the anchor the run started from, are problems; the entries a run wrote are read back by kind and detail."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import audit_checks  # noqa: E402
import harness  # noqa: E402

from papi_desktop import paths  # noqa: E402


def _raw(data: Path, *statements: str) -> None:
    """SQL outside the program, its append-only triggers dropped first (as someone with the file would)."""
    with sqlite3.connect(data / paths.DB_FILE) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        for sql in statements:
            conn.execute(sql)
    conn.close()


def test_an_altered_or_cut_chain_is_a_problem_and_a_run_s_entries_are_found(tmp_path: Path) -> None:
    from papi_desktop.services import audit, setup

    data = tmp_path / "data"
    with harness._opened(data) as db:  # noqa: SLF001
        setup.create_demo(db, today=harness.TODAY)
        start = audit_checks.head(db)
        audit.record(db, "backup", {"file": "papi-backup-x.age", "copies": []})
        run = audit_checks.head(db)
        problems: list[str] = []
        audit_checks.check(db, start, problems)
        assert problems == []
    entries = audit_checks.entries_after(data, start[0])
    assert [(e.kind, e.detail["file"]) for e in entries] == [("backup", "papi-backup-x.age")]
    assert audit_checks.of(entries, "backup", file="papi-backup-x.age") == entries
    assert audit_checks.of(entries, "backup", file="other.age") == audit_checks.of(entries, "export") == []

    _raw(data, f"DELETE FROM audit_entry WHERE seq = {run[0]}")  # the run's entry gone: the chain is shorter
    with harness._opened(data) as db:  # noqa: SLF001
        audit_checks.check(db, start, problems)
        assert problems == []  # nothing before the start's anchor is missing...
        audit_checks.check(db, run, problems, " after the run")
    assert len(problems) == 1 and problems[0].startswith("audit chain after the run: ")  # ...an anchor after it is

    _raw(data, f"UPDATE audit_entry SET actor = 'nguoi-khac' WHERE seq = {start[0] - 1}")
    problems.clear()
    with harness._opened(data) as db:  # noqa: SLF001
        audit_checks.check(db, start, problems)
    assert problems == [f"audit chain: Audit entry {start[0] - 1} was altered after it was written: its content does "
                        "not match its hash."]
