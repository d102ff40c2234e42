"""Start-up's sweep of stored files: a file no change ever named (an import or a save killed between
storing its files and committing) goes once it is a day old, a temporary copy a kill left once it is an
hour old; every file a record names, now or in an earlier version, stays."""

from __future__ import annotations

import hashlib
import os
import time
from datetime import date
from pathlib import Path

from papi_desktop import paths
from papi_desktop.services import attachments, progress
from papi_desktop.services import plan as plan_service

DAY = 24 * 3600


def _aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def _evidence(plan_db, task_no: int, scan: Path, content: bytes, title: str, kind: str) -> None:  # noqa: ANN001
    """A progress update of the plan's task_no-th task with one scanned file as its evidence."""
    plan = plan_service.current_plan(plan_db)
    task = plan_service.list_tasks(plan_db, plan_service.TaskFilter(plan.id), date(2026, 6, 1))[task_no]
    scan.write_bytes(content)
    progress.add_update(plan_db, task.id, "2026-H1", f"Đã có {kind.lower()}", date(2026, 5, 30),
                        [progress.EvidenceInput(title, date(2026, 5, 30), kind, scan)])


def test_only_old_files_nobody_named_are_removed(plan_db, tmp_path: Path) -> None:  # noqa: ANN001
    scan = tmp_path / "bien-ban.pdf"
    _evidence(plan_db, 0, scan, b"%PDF-1.4 minutes of the dialogue", "Biên bản số 3/BB", "Biên bản")
    folder = paths.attachments_dir()
    named = _aged(folder / f"{hashlib.sha256(scan.read_bytes()).hexdigest()}.pdf", 30 * DAY)
    orphan = folder / f"{hashlib.sha256(b'killed import').hexdigest()}.jpg"
    orphan.write_bytes(b"killed import")
    _aged(orphan, 2 * DAY)
    young = folder / f"{hashlib.sha256(b'import running').hexdigest()}.pdf"
    young.write_bytes(b"import running")  # maybe another process's import, not committed yet
    old_part = folder / ".0123abcd.part"
    old_part.write_bytes(b"half a copy")
    _aged(old_part, 2 * 3600)
    new_part = folder / "tmpx1y2.part"
    new_part.write_bytes(b"a copy in progress")
    other = folder / "ghi-chu.txt"  # not a stored file's name: never ours to remove
    other.write_bytes(b"x")
    _aged(other, 40 * DAY)

    removed = attachments.sweep_orphans(plan_db)

    assert sorted(removed) == sorted([orphan.name, old_part.name])
    assert named.is_file() and young.is_file() and new_part.is_file() and other.is_file()
    assert not orphan.exists() and not old_part.exists()
    assert attachments.sweep_orphans(plan_db) == []  # nothing more to do


def test_a_file_an_earlier_version_named_stays(plan_db, tmp_path: Path) -> None:  # noqa: ANN001
    """A record whose file was taken off keeps its old file: its history shows it."""
    from papi_desktop.storage.models import Evidence

    first = tmp_path / "ke-hoach.pdf"
    _evidence(plan_db, 1, first, b"%PDF-1.4 first scan", "Kế hoạch số 9/KH", "Kế hoạch")
    with plan_db.session() as s:
        for ev in s.query(Evidence).all():
            ev.file_sha256, ev.file_name = "", ""  # the current version names no file now
    stored = _aged(paths.attachments_dir() / f"{hashlib.sha256(first.read_bytes()).hexdigest()}.pdf", 90 * DAY)
    assert attachments.sweep_orphans(plan_db) == []
    assert stored.is_file()
