"""An export's files appear under their final names only when all of them are complete (and signed).

They are written into a hidden staging folder inside the target folder (same filesystem, so the final
renames are atomic), flushed to disk, and listed in a manifest there: the manifest is the commit point.
Then they are renamed into place (a .p7s before its .xlsx) and the folder removed. A journal row in
local_setting (machine-local, never synced, like the paths it holds) names every export in progress, and
a lock file held by the exporting process tells a live export from a killed one. At start-up,
recover_unfinished finishes what has a manifest, removes what has none and withdraws its number. A
destination that takes no file is refused before a number is taken (begin), and a staging folder a
stick pulled out mid-export kept is removed by the next export into that folder."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import select

from .. import paths
from ..domain.errors import KnownError
from ..storage import audit as chain
from ..storage.db import Database
from ..storage.models import LocalSetting
from ..storage.reports import OutgoingDocument
from .backup_messages import disk_error, explained

log = logging.getLogger(__name__)

JOURNAL = "export-in-progress:"
STAGING_PREFIX = ".staging-"
MANIFEST = "manifest.json"


def _locks_dir() -> Path:
    folder = paths.cache_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _try_lock(token: str) -> IO[bytes] | None:
    """An exclusive lock on the export's lock file, or None while another process holds it. The
    system drops the lock when its process dies, however it dies."""
    path = _locks_dir() / f"export-{token}.lock"
    for _attempt in range(5):
        fh = path.open("a+b")
        try:
            if sys.platform == "win32":
                import msvcrt  # noqa: PLC0415

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
                return fh  # Windows cannot delete an open file: no stale lock file to race with
            import fcntl  # noqa: PLC0415

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.fstat(fh.fileno()).st_ino == os.stat(path).st_ino:
                return fh
        except FileNotFoundError:  # removed by its owner between our open and our lock: try the new file
            fh.close()
            continue
        except OSError:
            fh.close()
            return None
        fh.close()
    return None


def _unlock(token: str, fh: IO[bytes] | None) -> None:
    if fh is not None:
        fh.close()
    with contextlib.suppress(OSError):
        (_locks_dir() / f"export-{token}.lock").unlink()


def fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make renames and removals in a folder durable (POSIX; Windows has no directory handle to flush)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


NOT_FINISHED = ("chưa xuất được báo cáo; số văn bản vừa lấy được ghi là đã hủy trong sổ văn bản đi",
                "the report was not exported; the number it took is marked withdrawn in the outgoing register")
NOT_FINISHED_UNNUMBERED = ("chưa xuất được báo cáo", "the report was not exported")
STAGING_LEFT = ("Không có tệp nào mang tên chính thức; phần dở dang còn trên ổ được dọn ở lần xuất sau vào thư mục này.",
                "No file has its final name; what is left on the disk is removed by the next export into this folder.")
NOT_EXPORTED = ("chưa xuất báo cáo, chưa lấy số văn bản nào", "the report was not exported and no number was taken")
NOTHING_WRITTEN = ("Không có tệp nào được ghi.", "Nothing was written.")


@dataclass
class Staging:
    """One export in progress: its private folder beside the final one, and its lock."""

    token: str
    final_dir: Path
    doc_id: str | None = None
    _lock: IO[bytes] | None = None

    @property
    def dir(self) -> Path:
        return self.final_dir / f"{STAGING_PREFIX}{self.token}"

    def path(self, name: str) -> Path:
        return self.dir / name

    def journal(self, s) -> None:  # noqa: ANN001
        """Record the export in the caller's transaction (the one that reserves its number)."""
        s.add(LocalSetting(key=JOURNAL + self.token, value=json.dumps(
            {"final_dir": str(self.final_dir), "doc_id": self.doc_id}, ensure_ascii=False)))

    def commit(self, names: list[str], entry: tuple[str, dict, str | None] | None = None) -> list[dict[str, str]]:
        """Flush every file, then write the manifest: from here on the export is finished, by this
        process or by the next start's recovery. names: in the order they are moved into place; entry:
        the audit entry (kind, detail, actor) committed with the number's issue, whoever finishes it."""
        files = []
        with self.explained():  # a file just written gone: the stick was pulled out
            for name in names:
                fsync_file(self.path(name))
                files.append({"name": name, "sha256": _sha256(self.path(name))})
            tmp = self.path(MANIFEST + ".part")
            with tmp.open("w", encoding="utf-8") as fh:
                json.dump({"doc_id": self.doc_id, "files": files, **({"audit": list(entry)} if entry else {})}, fh,
                          ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
            tmp.replace(self.path(MANIFEST))
            fsync_dir(self.dir)
        return files

    def explained(self) -> contextlib.AbstractContextManager[None]:
        """A full, read-only or pulled-out destination in words, once the export has begun (the caller
        then settles it unfinished: the number withdrawn, the staging folder removed)."""
        outcome = NOT_FINISHED if self.doc_id else NOT_FINISHED_UNNUMBERED
        return explained(self.final_dir, outcome, STAGING_LEFT)


def _check_writable(folder: Path) -> None:
    """A destination that takes no file (read-only, not allowed, a stick not there) is refused before a
    number is taken. The probe is a nameless temporary file (O_TMPFILE where there is one): a kill
    leaves nothing. What has no words here (a file in the folder's place) is met by the export itself."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        known = disk_error(exc, folder, NOT_EXPORTED, NOTHING_WRITTEN)
        if known is not None:
            raise known from exc


def begin(final_dir: Path) -> Staging:
    """Check the folder takes files, clear what failed exports left there, and take the lock of a new
    export; the caller then journals it and makes its folder."""
    final = Path(final_dir).resolve()
    _check_writable(final)
    _remove_stale(final, live=None)
    token = uuid.uuid4().hex
    lock = _try_lock(token)
    if lock is None:  # a fresh random token is never held: the locks folder itself is unusable
        raise KnownError("Không khóa được tệp tạm của lần xuất báo cáo.", "Cannot lock the export's work file.")
    return Staging(token, final, _lock=lock)


def _entries(s) -> dict[str, dict]:  # noqa: ANN001
    return {row.key[len(JOURNAL):]: json.loads(row.value)
            for row in s.scalars(select(LocalSetting).where(LocalSetting.key.startswith(JOURNAL)))}


def _move_into_place(staging: Staging) -> list[dict[str, str]] | None:
    """Roll forward from the manifest; None when the files cannot all be put in place."""
    try:
        files = json.loads(staging.path(MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError):
        return None
    for f in files:
        src, dst = staging.path(f["name"]), staging.final_dir / f["name"]
        if src.exists() and _sha256(src) == f["sha256"]:
            continue
        if not (dst.exists() and _sha256(dst) == f["sha256"]):  # neither still staged nor already moved
            return None
    for f in files:
        src = staging.path(f["name"])
        if src.exists():
            os.replace(src, staging.final_dir / f["name"])
    fsync_dir(staging.final_dir)
    return files


def _audit_entry(staging: Staging) -> tuple[str, dict, str | None] | None:
    try:
        kind, detail, actor = json.loads(staging.path(MANIFEST).read_text(encoding="utf-8"))["audit"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # an export staged before entries travelled in the manifest
    ok = isinstance(kind, str) and isinstance(detail, dict) and isinstance(actor, str | None)
    return (kind, detail, actor) if ok else None


def _remove_moved(staging: Staging) -> None:
    """Rolling back after the commit point: take away our own files already moved (same content)."""
    with contextlib.suppress(OSError, ValueError, KeyError):
        for f in json.loads(staging.path(MANIFEST).read_text(encoding="utf-8"))["files"]:
            dst = staging.final_dir / f["name"]
            if dst.exists() and _sha256(dst) == f["sha256"]:
                dst.unlink()


def settle(db: Database, staging: Staging, finish: bool) -> list[dict[str, str]] | None:
    """End an export in progress: with finish, put a committed export's files in place and mark its
    number issued; otherwise (or when that is impossible) remove everything and withdraw the number.
    Returns the files put in place, or None. The journal row goes last: a kill in between repeats it."""
    committed = staging.path(MANIFEST).exists()
    entry = _audit_entry(staging) if finish and committed else None
    with staging.explained():
        files = _move_into_place(staging) if finish and committed else None
    if files is None and committed:
        _remove_moved(staging)
    if files is not None:  # a copy, exactly as issued, travels to the province with the next bundle
        from .attachments import store_attachment  # noqa: PLC0415

        for f in files:
            store_attachment(staging.final_dir / f["name"])
    with db.session() as s:
        doc = s.get(OutgoingDocument, staging.doc_id) if staging.doc_id else None
        if doc is not None and files is not None:
            # Listed PDF first, as the register shows them (the manifest lists them in moving order).
            doc.status, doc.files_json = "issued", json.dumps(files[::-1], ensure_ascii=False)
            doc.signed = any(f["name"].endswith(".p7s") for f in files)
        if files is not None and entry is not None:  # with the issue: no export in place without its entry
            chain.note(s, *entry)
        elif doc is not None and (doc.status == "reserved" or committed):
            # The number stays taken, marked withdrawn. (No staging folder at all and "issued": the
            # export had finished and only its journal row was left.)
            doc.status = "cancelled"
    shutil.rmtree(staging.dir, ignore_errors=True)
    with contextlib.suppress(OSError):
        fsync_dir(staging.final_dir)
    with db.session() as s:
        row = s.get(LocalSetting, JOURNAL + staging.token)
        if row is not None:
            s.delete(row)
    return files


def close(staging: Staging) -> None:
    _unlock(staging.token, staging._lock)  # noqa: SLF001
    staging._lock = None  # noqa: SLF001


def recover_unfinished(db: Database) -> list[str]:
    """At start-up: finish or remove what killed exports left (staging folders, half-moved files) and
    withdraw numbers still reserved by no running export. Exports running in another process are left
    alone. Never fails the start-up: what cannot be done now is tried at the next start."""
    done: list[str] = []
    try:
        with db.reader() as s:
            entries = _entries(s)
            reserved = set(s.scalars(select(OutgoingDocument.id).where(OutgoingDocument.status == "reserved")))
        for token, entry in entries.items():
            lock = _try_lock(token)
            if lock is None:
                continue  # a running export (or another recovery) holds it
            try:
                with db.reader() as s:
                    if s.get(LocalSetting, JOURNAL + token) is None:
                        continue  # it finished while we looked
                staging = Staging(token, Path(entry["final_dir"]), entry.get("doc_id"))
                files = settle(db, staging, finish=True)
                done.append(f"{'finished' if files else 'removed'} {staging.dir}")
            finally:
                _unlock(token, lock)
        if reserved - {e.get("doc_id") for e in entries.values()}:
            with db.session() as s:  # reserved with no journal at all: from before journals, never finished
                journaled = {e.get("doc_id") for e in _entries(s).values()}
                for doc in s.scalars(select(OutgoingDocument).where(OutgoingDocument.status == "reserved")):
                    if doc.id not in journaled:
                        doc.status = "cancelled"
                        done.append(f"withdrew number {doc.number}/{doc.year}")
        done += _sweep(db)
    except (KnownError, OSError) as exc:  # e.g. another process is writing: next start
        log.warning("export recovery postponed: %s", exc)
    except Exception:  # a bug here must not keep the commune out of its data
        log.exception("export recovery failed")
    return done


def _sweep(db: Database) -> list[str]:
    """Leftovers no journal names: lock files of exports killed before they journaled, and staging
    folders in the default reports folder whose removal failed."""
    with db.reader() as s:
        live = set(_entries(s))
    for lock_file in _locks_dir().glob("export-*.lock"):
        token = lock_file.stem[len("export-"):]
        if token not in live and (fh := _try_lock(token)) is not None:
            _unlock(token, fh)
    return _remove_stale(paths.exports_dir(), live)


def _remove_stale(final_dir: Path, live: set[str] | None) -> list[str]:
    """Staging folders in final_dir no running export holds and no journal names (live: the journal's
    tokens), as a stick pulled out mid-export keeps them. live None (no database at hand): a folder with
    a manifest is left to the start-up recovery, which may still finish it."""
    done = []
    for folder in final_dir.glob(STAGING_PREFIX + "*") if final_dir.is_dir() else ():
        token = folder.name[len(STAGING_PREFIX):]
        if token in (live or ()) or (live is None and (folder / MANIFEST).exists()):
            continue
        if (fh := _try_lock(token)) is not None:
            try:
                shutil.rmtree(folder, ignore_errors=True)
                done.append(f"removed {folder}")
            finally:
                _unlock(token, fh)
    return done
