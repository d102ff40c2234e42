"""No finished backup or export is missing from the audit trail, whatever moment a kill takes (issue 13
§2, §5). A backup is a file renamed into place and then an entry: a process killed between the two
(os._exit in a child, as SIGKILL would) leaves a note that the next opening settles. An export's entry
commits with its number's issue, by the exporting process or by the next start's recovery."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from test_audit import visit

from papi_desktop import paths
from papi_desktop.services import audit, backup, backup_journal, export_staging, setup
from papi_desktop.storage.reports import OutgoingDocument

TODAY = date(2026, 6, 5)
PASS = "ba-con-meo-tren-doi-2026"


def _child(data: Path, body: str) -> int:
    """Run body in a process of its own on the same data folder, as user "child"; its exit status."""
    script = textwrap.dedent("""
        import os, sys
        from pathlib import Path
        from papi_desktop import paths
        paths.set_override(Path(sys.argv[1]))
        from papi_desktop.services import audit, backup, export_staging, reports, setup
        db = setup.open_database(user="child")
    """) + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", script, str(data)], timeout=300, check=False).returncode


def _entries(db, kind: str, after: int) -> list:  # noqa: ANN001
    return [e for e in audit.list_entries(db, limit=10_000) if e.kind == kind and e.seq > after]


def _notes() -> list[Path]:
    folder = paths.data_dir() / backup_journal.FOLDER
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_a_backup_killed_before_its_entry_is_entered_at_the_next_opening(db, data_dir: Path) -> None:  # noqa: ANN001
    visit(db)
    first = backup.create(db, PASS)  # the backup key, and a backup the trail names
    assert not _notes()  # its note went with its entry
    start = audit.verify(db).head_seq
    # killed after the rename, before the entry's commit
    assert _child(data_dir, "audit.record_backup = lambda *a, **k: os._exit(9)\nbackup.create(db, None)\n") == 9
    made = [e for e in backup.list_backups(db) if e.path.name != first.entry.path.name]
    assert len(made) == 1 and backup.verify(made[0].path, PASS).seq == made[0].seq  # whole under its name
    assert not _entries(db, "backup", start) and len(_notes()) == 1
    assert backup_journal.settle(db) == [made[0].path.name]
    (entry,) = _entries(db, "backup", start)
    assert entry.detail["file"] == made[0].path.name and entry.detail["entered"] == "at-opening"
    assert entry.detail["reason"] == "manual" and entry.detail["seq"] == made[0].seq
    assert "ghi vào nhật ký khi mở lại" in audit.describe(entry)
    assert not _notes() and backup_journal.settle(db) == []  # once
    assert audit.verify(db).ok


def test_a_backup_killed_before_its_file_was_whole_leaves_no_entry(db, data_dir: Path) -> None:  # noqa: ANN001
    visit(db)
    backup.create(db, PASS)
    start = audit.verify(db).head_seq
    before = {e.path.name for e in backup.list_backups(db)}
    assert _child(data_dir, "backup._encrypt_into = lambda *a, **k: os._exit(9)\nbackup.create(db, None)\n") == 9
    assert {e.path.name for e in backup.list_backups(db)} == before and len(_notes()) == 1
    assert backup_journal.settle(db) == []  # it names nothing made: dropped
    assert not _notes() and not _entries(db, "backup", start)


def test_a_running_backup_s_note_is_its_own(db) -> None:  # noqa: ANN001
    """Another process opening meanwhile (this one still alive) does not enter it: the writer will."""
    visit(db)
    made = backup.create(db, PASS)
    start = audit.verify(db).head_seq
    note = backup_journal.intend(made.entry.path.with_name("papi-backup-x.age"), "manual", 1)
    made.entry.path.with_name("papi-backup-x.age").write_bytes(b"age")
    assert backup_journal.settle(db) == [] and note.exists() and not _entries(db, "backup", start)
    backup_journal.done(note)
    assert not _notes()


def test_a_backup_before_a_migration_is_entered_at_the_opening_after_it(db) -> None:  # noqa: ANN001
    visit(db)
    backup.create(db, PASS)
    start = audit.verify(db).head_seq
    path = backup.for_migration(db.path, "0013")  # storage.migrate's hook: no database open to enter it
    assert backup_journal.settle(db) == [path.name]
    (entry,) = _entries(db, "backup", start)
    assert entry.detail["reason"] == "before-migration" and entry.detail["file"] == path.name


def test_an_export_killed_after_its_files_moved_is_entered_by_the_recovery(bare_db, data_dir: Path,  # noqa: ANN001
                                                                            tmp_path: Path) -> None:
    setup.create_demo(bare_db, today=TODAY)
    start = audit.verify(bare_db).head_seq
    out = tmp_path / "out"
    # the files in place, then killed before the transaction that issues the number and enters the export
    body = f"""
        moved = export_staging._move_into_place
        def move_then_die(staging):
            moved(staging)
            os._exit(9)
        export_staging._move_into_place = move_then_die
        period = reports.resolve_period("petitions", "2026-H1", today={TODAY!r})
        reports.export(db, reports.ExportRequest("petitions", period, {TODAY!r}), Path({str(out)!r}), None,
                       {TODAY!r})
    """
    assert _child(data_dir, "import datetime\nfrom datetime import date\n" + textwrap.dedent(body)) == 9
    there = sorted(p.name for p in out.iterdir() if p.is_file())
    assert there and any(n.endswith(".pdf") for n in there) and not _entries(bare_db, "export", start)
    assert export_staging.recover_unfinished(bare_db)  # the next start finishes it
    (entry,) = _entries(bare_db, "export", start)
    assert sorted(entry.detail["files"]) == there and entry.actor == "child"  # who exported, not who recovered
    with bare_db.reader() as s:
        doc = s.get(OutgoingDocument, entry.detail["document_id"])
        assert doc is not None and doc.status == "issued"
        assert sorted(f["name"] for f in json.loads(doc.files_json)) == there
    assert not export_staging.recover_unfinished(bare_db) and len(_entries(bare_db, "export", start)) == 1
    assert audit.verify(bare_db).ok
