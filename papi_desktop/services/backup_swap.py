"""A restore's swap of the data folder, written so that a kill at any moment leaves the old or the new
state: a fsynced plan, then renames; recover() finishes what a kill interrupted, sweep() drops what
killed runs left."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from pathlib import Path

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from .backup_stream import _PIDDED, ITEMS, _fsync_dir, _now

PLAN = "plan.json"


def _write_plan(stage: Path, plan: dict[str, str]) -> None:
    """From the moment this file is on the disk the restore is decided: a kill after it is finished by
    recover()."""
    signing.atomic_write(stage / PLAN, json.dumps(plan).encode("utf-8"))
    _fsync_dir(stage)


def _swap(stage: Path, data: Path) -> int:
    """Move each current item aside and the restored one in; running it again after a kill continues
    where it stopped (an item moved aside is never moved twice). Returns the renames made."""
    moves = 0
    for item in ITEMS:
        cur, old, new = data / item, stage / "old" / item, stage / "new" / item
        if (cur.exists() or cur.is_symlink()) and not old.exists():
            os.replace(cur, old)
            moves += 1
        if new.exists():
            os.replace(new, cur)
            moves += 1
    _fsync_dir(data)
    return moves


def _swap_and_finish(stage: Path, data: Path) -> Path | None:
    try:
        _swap(stage, data)
    except OSError as exc:
        if not any((stage / "old").iterdir()):  # nothing moved yet (a file held open): nothing to finish
            shutil.rmtree(stage, ignore_errors=True)
            raise KnownError(f"Không thay được dữ liệu: {exc.strerror}. Có thể một chương trình khác đang mở cơ sở dữ "
                             "liệu; hãy đóng nó rồi làm lại. Không có gì bị thay thế.", f"The data could not be "
                             f"replaced: {exc.strerror}. Another program may hold the database open; close it and try "
                             "again. Nothing was replaced.") from exc
        raise KnownError("Khôi phục chưa xong và sẽ được hoàn tất khi mở lại chương trình: hãy đóng rồi mở lại PAPI "
                         "Desktop ngay.", "The restore did not finish and will be finished when the program starts "
                         "again: close PAPI Desktop and open it again now.") from exc
    return _finish(stage, data)


def _finish(stage: Path, data: Path) -> Path | None:
    """After the swap: the replaced files go with the staging folder when a backup of them was made, else
    they are kept in data/replaced-<time> for a person."""
    plan = _load_plan(stage) or {}
    kept = None
    if not plan.get("replaced_backup") and (stage / "old").is_dir() and any((stage / "old").iterdir()):
        kept = data / f"replaced-{_now():%Y%m%d-%H%M%S}-{stage.name[-8:]}"
        os.replace(stage / "old", kept)
        _fsync_dir(data)
    shutil.rmtree(stage, ignore_errors=True)
    return kept


def _load_plan(stage: Path) -> dict[str, str] | None:
    try:
        plan = json.loads((stage / PLAN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return plan if isinstance(plan, dict) and plan.get("format") == "papi-restore/1" else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT there
        import ctypes  # noqa: PLC0415

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _abandoned(path: Path) -> bool:
    """Left by a process that is gone (its id is in the name)."""
    m = _PIDDED.search(path.name)
    return m is not None and not _alive(int(m[1] or m[2]))


def _sweep(folder: Path) -> None:
    with contextlib.suppress(OSError):
        for part in folder.glob(".papi-backup-*.part"):
            if _abandoned(part):
                part.unlink()


def sweep() -> None:
    """Remove what killed backups, checks and restores left before their plan (safe at any time: a
    folder is touched only when the process named in it is gone, and never a restore already decided)."""
    data = paths.data_dir()
    for pattern in (".backup-work-*", ".verify-*", ".restore-*"):
        for work in data.glob(pattern):
            if _abandoned(work) and (pattern != ".restore-*" or _load_plan(work) is None):
                shutil.rmtree(work, ignore_errors=True)
    _sweep(paths.backups_dir())


def recover() -> list[tuple[str, str]]:
    """Before the database is opened (at start-up, in the command line): finish a restore a kill interrupted
    after its plan was written, and sweep() the rest. Returns notes (vi, en) for the user."""
    data = paths.data_dir()
    notes: list[tuple[str, str]] = []
    for stage in sorted(data.glob(".restore-*")):
        plan = _load_plan(stage)
        if plan is None or not _abandoned(stage):
            continue
        _swap(stage, data)
        kept = _finish(stage, data)
        where = (f" Dữ liệu cũ được giữ ở {kept}.", f" The replaced data is kept in {kept}.") if kept else ("", "")
        notes.append((f"Đã hoàn tất lần khôi phục bị gián đoạn từ {plan.get('backup', '')}.{where[0]}",
                      f"Finished the interrupted restore from {plan.get('backup', '')}.{where[1]}"))
    sweep()
    return notes
