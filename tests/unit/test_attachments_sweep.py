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


def test_only_old_files_nobody_named_are_removed(plan_db, tmp_path: Path) -> None:  # noqa: ANN001
    plan = plan_service.current_plan(plan_db)
    task = plan_service.list_tasks(plan_db, plan_service.TaskFilter(plan.id), date(2026, 6, 1))[0]
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 minutes of the dialogue")
    progress.add_update(plan_db, task.id, "2026-H1", "Đã tổ chức đối thoại", date(2026, 5, 30),
                        [progress.EvidenceInput("Biên bản số 3/BB", date(2026, 5, 30), "Biên bản", scan)])
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

    plan = plan_service.current_plan(plan_db)
    task = plan_service.list_tasks(plan_db, plan_service.TaskFilter(plan.id), date(2026, 6, 1))[1]
    first = tmp_path / "ke-hoach.pdf"
    first.write_bytes(b"%PDF-1.4 first scan")
    progress.add_update(plan_db, task.id, "2026-H1", "Đã ban hành", date(2026, 5, 30),
                        [progress.EvidenceInput("Kế hoạch số 9/KH", date(2026, 5, 2), "Kế hoạch", first)])
    with plan_db.session() as s:
        for ev in s.query(Evidence).all():
            ev.file_sha256, ev.file_name = "", ""  # the current version names no file now
    stored = _aged(paths.attachments_dir() / f"{hashlib.sha256(first.read_bytes()).hexdigest()}.pdf", 90 * DAY)
    assert attachments.sweep_orphans(plan_db) == []
    assert stored.is_file()
