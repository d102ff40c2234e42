"""Encrypted backups of the data folder: by hand, every day, before a migration, an import or a
restore; thinned in rotation; copied to a USB folder; verified; restored whole.

A backup is one age file holding a tar:
  papi.db        a consistent snapshot (SQLite's backup API: safe beside writers and WAL)
  attachments/ keys/ trust/ sync/ downstream/ reference/   the data folder's own files
  MANIFEST.json  last: program version, schema revision, unit, node id, last change-log seq, this PC's
                 last change number, created time, reason, and every member's size and SHA-256.
The tar is written into a pipe that pyrage encrypts as it reads, under a hidden temporary name that is
fsynced, read back and compared, then renamed. Nothing of it is ever in clear outside the data folder;
inside it, the snapshot lives for the seconds it is read (beside the database it copies).

The key (a decision). The program never stores a passphrase, yet the daily backup runs with nobody there
to type one. So every backup is encrypted to an age X25519 recipient (keys/backup-age.pub) made at the
first backup; its identity is kept under the backup passphrase with age's passphrase mode (scrypt), the
recipe of the province's decryption key (sync/envelope.protect_identity): keys/backup-age.key, and the
same bytes beside the backups in every folder they go to (papi-backup-key-<node>.age), so a USB stick
alone restores a dead PC. (pyrage's passphrase mode also works in memory only, not as a stream.)
By hand, with Debian's age: `age -d papi-backup-key-N.age > id.txt; age -d -i id.txt BACKUP.age | tar x`.

When (a decision): automatic(db, "daily") at program start (off the database worker: it only reads) and
from the command line (`backup auto` for a scheduled task), when the last daily backup is a day old;
automatic(db, "before-import") before an import or a bundle is applied, skipped when nothing changed since
the newest backup; for_migration() through storage.migrate's make_backup hook. Automatic backups go to
the backups folder and are copied to the USB folder when one is set and plugged in (else a note).
Rotation: resources/reference/backup_rotation.json, per folder and per PC (a stick shared by two PCs).

Restore: decrypted and checked whole (every member against the manifest, PRAGMA integrity_check, the
schema known) into a sibling folder of the data (.restore-*/new), so nothing is replaced before it is
verified; the state it replaces is first saved as a "before-restore" backup; then a plan is written and
each item is swapped by rename (the database's -wal and -shm first, never an old WAL beside a new
database). recover(), run before the database is opened, finishes a swap a kill interrupted (roll
forward: the plan is the decision) or removes a staging folder that has no plan (the old state stands).
A restored PC keeps its node id; its next changes are numbered past every number used since the backup
(audit.resume_after: never reused, so never a fork; a gap the province holds until released, if unknown).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tarfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, select

from .. import __version__, paths
from ..domain.errors import KnownError
from ..domain.jobs import CancelToken, NullProgress, ProgressReporter
from ..exports import signing
from ..storage.db import Database
from ..storage.models import ChangeLog
from ..storage.sync_state import BundleOut
from ..sync import envelope
from . import accounts, audit, backup_journal, local_settings
from .backup_messages import (  # noqa: F401 - the messages, here under their old names
    _REMOVED,
    NOT_COPIED,
    NOT_MADE,
    NOT_RESTORED,
    _damaged,
    _disk_error,
    _explained,
    _no_key,
    _wrong_passphrase,
)
from .backup_rotation import prune, rotation
from .backup_stream import (  # noqa: F401 - constants and streams, here under their old names
    _MIB,
    DB_MEMBER,
    FOLDERS,
    ITEMS,
    MANIFEST,
    _copy_into,
    _encrypt_into,
    _fsync_dir,
    _HashingReader,
    _Mebibytes,
    _private,
    _publish,
    _pump,
    _read_back,
    _Tee,
    _write_tar,
)
from .backup_swap import (  # noqa: F401 - restore's swap and the recovery after a kill
    _abandoned,
    _alive,
    _finish,
    _load_plan,
    _swap,
    _swap_and_finish,
    _sweep,
    _write_plan,
    recover,
    sweep,
)

FORMAT = "papi-backup/1"
KEY_FILE, KEY_PUB = "backup-age.key", "backup-age.pub"
USB_SETTING = "backup_usb_dir"
REASONS = ("manual", "daily", "before-migration", "before-import", "before-restore")
_NAME = re.compile(r"^papi-backup-(?P<unit>[0-9A-Za-z]{1,12})-(?P<node>[0-9A-Za-z]{1,32})-(?P<day>\d{8})-"
                   r"(?P<time>\d{6})-s(?P<seq>\d{1,12})-(?P<reason>[a-z]+(?:-[a-z]+)*)(?:-(?P<n>\d{1,4}))?\.age$")
_PART = re.compile(r"[^/\\\x00-\x1f:*?\"<>|]{1,255}")  # one name in a path, also valid on Windows


def key_beside(node: str) -> str:
    """The protected identity's name beside the backups: one per PC, two PCs may share a stick."""
    return f"papi-backup-key-{node}.age"


# --- what the user reads ----------------------------------------------------------------------------

def has_key() -> bool:
    keys = paths.keys_dir()
    return (keys / KEY_FILE).is_file() and (keys / KEY_PUB).is_file()


def set_up_key(db: Database, passphrase: str, own_words: tuple[str, ...] = ()) -> str:
    """The backup key, made once by an administrator (its passphrase opens every backup); its recipient."""
    from ..exports import passphrase as policy  # noqa: PLC0415

    accounts.require(db, "settings")
    if has_key():
        raise KnownError("Đã có khóa sao lưu; không tạo lại.", "The backup key exists already; it is not made again.")
    policy.check_new(passphrase, own_words)
    identity, recipient = envelope.new_identity()
    keys = paths.keys_dir()
    signing.atomic_write(keys / KEY_FILE, envelope.protect_identity(identity, passphrase))
    signing.atomic_write(keys / KEY_PUB, (recipient + "\n").encode("ascii"))  # last: its presence means "ready"
    return recipient


def _recipient() -> str:
    if not has_key():
        raise _no_key()
    return (paths.keys_dir() / KEY_PUB).read_text(encoding="ascii").strip()


def check_passphrase(passphrase: str) -> None:
    """The passphrase opens this PC's backup key (else KnownError): asked at each backup by hand."""
    if not has_key():
        raise _no_key()
    _unprotect((paths.keys_dir() / KEY_FILE).read_bytes(), passphrase)


def _unprotect(blob: bytes, passphrase: str) -> str:
    try:
        return envelope.unprotect_identity(blob, passphrase)
    except KnownError:
        raise _wrong_passphrase() from None


def _identities(backup: Path, passphrase: str, key_file: Path | None) -> list[Any]:
    """The identities the passphrase opens among the protected keys that may fit this backup: the one
    named, the one beside it, this PC's own."""
    from pyrage import x25519  # noqa: PLC0415

    entry = parse_name(backup)
    candidates = [key_file] if key_file else []
    if entry is not None:
        candidates.append(backup.parent / key_beside(entry.node))
    candidates.append(paths.keys_dir() / KEY_FILE)
    blobs: list[bytes] = []
    for path in candidates:
        with contextlib.suppress(OSError):
            blob = path.read_bytes()
            if blob not in blobs:
                blobs.append(blob)
    if not blobs:
        raise KnownError(f"Không tìm thấy khóa của bản sao lưu: hãy để tệp {key_beside(entry.node if entry else 'N')} "
                         "cạnh tệp sao lưu (nó ở thư mục nơi bản sao lưu được tạo).",
                         f"The backup's key is not found: put {key_beside(entry.node if entry else 'N')} beside the "
                         "backup file (it is in the folder where the backup was made).")
    found = []
    for blob in blobs:
        with contextlib.suppress(KnownError):
            found.append(x25519.Identity.from_str(_unprotect(blob, passphrase)))
    if not found:
        raise _wrong_passphrase()
    return found


# --- names, listing, rotation -----------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """A backup file as its name tells (no decryption): whose, when (UTC), how far, why."""

    path: Path
    unit: str
    node: str
    created_at: dt.datetime
    seq: int
    reason: str
    size: int

    def as_json(self) -> dict[str, object]:
        return {"file": str(self.path), "unit": self.unit, "node": self.node, "seq": self.seq,
                "created_at_utc": self.created_at.isoformat(timespec="seconds"), "reason": self.reason,
                "size": self.size}


def parse_name(path: Path) -> Entry | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    try:
        when = dt.datetime.strptime(m["day"] + m["time"], "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
        size = path.stat().st_size if path.is_file() else 0
    except (ValueError, OSError):
        return None
    return Entry(path, m["unit"], m["node"], when, int(m["seq"]), m["reason"], size)


def _file_name(unit: str, node: str, when: dt.datetime, seq: int, reason: str, n: int = 0) -> str:
    return f"papi-backup-{unit}-{node}-{when:%Y%m%d-%H%M%S}-s{seq}-{reason}{f'-{n}' if n else ''}.age"


def entries(folder: Path) -> list[Entry]:
    """The backups in one folder, newest first; an absent folder (a stick not plugged in) has none."""
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    found = [e for p in names if (e := parse_name(p)) is not None]
    return sorted(found, key=lambda e: (e.created_at, e.path.name), reverse=True)


def usb_folder(db: Database) -> Path | None:
    value = local_settings.read(db, USB_SETTING)
    return Path(value) if value else None


def set_usb_folder(db: Database, folder: Path | str | None) -> Path | None:
    """Where automatic backups are copied too (a USB stick's folder); None or "" to stop."""
    accounts.require(db, "settings")
    if not folder:
        local_settings.write(db, USB_SETTING, "")
        return None
    path = Path(folder).expanduser().resolve()
    if not path.is_dir():
        raise KnownError(f"Không có thư mục {path}.", f"There is no folder {path}.")
    local_settings.write(db, USB_SETTING, str(path))
    return path


def list_backups(db: Database | None = None, folders: list[Path] | None = None) -> list[Entry]:
    """Every backup in the backups folder, the USB folder (when set and plugged in) and the folders
    named; newest first."""
    wanted = [paths.backups_dir(), *(folders or [])]
    if db is not None and (usb := usb_folder(db)) is not None:
        wanted.append(usb)
    seen: set[Path] = set()
    out: list[Entry] = []
    for folder in wanted:
        key = folder.resolve() if folder.exists() else folder
        if key in seen:
            continue
        seen.add(key)
        out += entries(folder)
    return sorted(out, key=lambda e: (e.created_at, e.path.name), reverse=True)


# --- making one -------------------------------------------------------------------------------------

@dataclass
class Created:
    entry: Entry
    copies: list[Path] = field(default_factory=list)  # the same file in the USB folder
    pruned: list[Path] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (vi, en): e.g. the USB folder was absent
    journal: Path | None = None  # backup_journal's note, until the audit entry is in

    def as_json(self) -> dict[str, object]:
        return {**self.entry.as_json(), "copies": [str(p) for p in self.copies],
                "pruned": [str(p) for p in self.pruned], "notes": [en for _vi, en in self.notes]}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _sqlite_file(db: Database) -> Path:
    if db.path is None:
        raise KnownError("Cơ sở dữ liệu PostgreSQL được sao lưu bằng công cụ của máy chủ (pg_dump), không bằng PAPI "
                         "Desktop.", "A PostgreSQL database is backed up with the server's tools (pg_dump), not by "
                         "PAPI Desktop.")
    return db.path


def _own_words(db: Database) -> tuple[str, ...]:
    from . import setup  # noqa: PLC0415 - setup imports much; only a new key needs the commune's name

    profile = setup.get_profile(db)
    return (profile.unit_code, profile.unit_name) if profile else ()


def create(db: Database, passphrase: str | None, dest_dir: Path | None = None, reason: str = "manual",
           progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> Created:
    """One encrypted backup into dest_dir (default: the backups folder, then copied to the USB folder
    when one is set). The first one makes the backup key under this passphrase; later ones check it
    opens the key (None: no check, the key must exist)."""
    if reason not in REASONS:
        raise ValueError(reason)
    db_file = _sqlite_file(db)
    sweep()
    if passphrase is not None:
        if has_key():
            check_passphrase(passphrase)
        else:
            set_up_key(db, passphrase, _own_words(db))
    elif not has_key():
        raise _no_key()
    usb = usb_folder(db) if dest_dir is None else None
    made = _create(db_file, Path(dest_dir) if dest_dir else paths.backups_dir(), reason, usb, progress, cancel,
                   made_here=dest_dir is None)
    backup_journal.enter(db, made)
    return made


def automatic(db: Database, reason: str = "daily", progress: ProgressReporter | None = None,
              cancel: CancelToken | None = None) -> Created | None:
    """A backup with no one to type a passphrase, when one is due: 'daily' once a day (at start-up and
    from the command line), the others before a migration, an import or a bundle, unless nothing changed
    since the newest backup. None when none was due, or no backup key exists yet (a PostgreSQL hub: none)."""
    if db.path is None or not has_key():
        return None
    if reason == "daily" and not daily_due(db):
        return None
    if reason != "daily":
        newest = next(iter(_own(paths.backups_dir(), db.clock.node)), None)
        if newest is not None and newest.seq == _last_seq(db):
            return None  # the same data: a second copy would add nothing
    made = _create(db.path, paths.backups_dir(), reason, usb_folder(db), progress, cancel, made_here=True)
    backup_journal.enter(db, made)
    return made


def daily_due(db: Database, now: dt.datetime | None = None) -> bool:
    scheduled = [e for e in _own(paths.backups_dir(), db.clock.node) if e.reason == "daily"]
    if not scheduled:
        return True
    return (now or _now()) - scheduled[0].created_at >= dt.timedelta(hours=rotation()["daily_every_hours"])


def for_migration(db_path: Path, label: str, folder: Path | None = None) -> Path:
    """The copy made before a migration (storage.migrate's make_backup hook), into folder (default: the
    backups folder): encrypted when the backup key exists, else the plain copy migrate makes itself
    (better than none; it is private to the user)."""
    from ..storage import migrate  # noqa: PLC0415

    folder = folder or paths.backups_dir()
    if not has_key():
        return migrate.backup_file(db_path, folder, label)
    made = _create(db_path, folder, "before-migration", None, None, None, made_here=True)
    backup_journal.release(made.journal)  # no database to enter it in yet: the opening after the migration does
    return made.entry.path


def _own(folder: Path, node: str) -> list[Entry]:
    return [e for e in entries(folder) if e.node == node]


def _last_seq(db: Database) -> int:
    with db.reader() as s:
        return s.scalar(select(func.max(ChangeLog.seq))) or 0


def _create(db_file: Path, folder: Path, reason: str, usb: Path | None, progress: ProgressReporter | None,
            cancel: CancelToken | None, made_here: bool) -> Created:
    report = progress or NullProgress()
    recipient = _recipient()
    data = paths.data_dir()
    if made_here:
        folder.mkdir(parents=True, exist_ok=True)
    elif not folder.is_dir():  # never a path made up on a stick that is not there
        raise KnownError(f"Không có thư mục {folder} (ổ USB chưa cắm?).", f"There is no folder {folder} (a USB stick "
                         "not plugged in?).")
    _sweep(folder)
    work = data / f".backup-work-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        with _explained(data):
            work.mkdir(mode=0o700)
            snapshot = _snapshot(db_file, work)
            facts = _facts(snapshot)
        facts.update(format=FORMAT, program=__version__, reason=reason, created_at_utc=_now().isoformat())
        members = _members(data, snapshot)
        total = sum(size for _n, _p, size in members)
        report.start(max(1, total // _MIB), "backup")
        with _explained(folder):
            _place_key(folder, facts["node"])
            name = _unique(folder, facts, reason)
            with backup_journal.noting(folder / name, reason, facts["seq"]) as note:  # a kill after the rename
                path = _encrypt_into(folder, name, recipient,
                                     lambda sink: _write_tar(sink, members, facts, cancel, report))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    entry = parse_name(path)
    assert entry is not None
    result = Created(entry, pruned=prune([e for e in entries(folder) if e.node == entry.node]), journal=note)
    if usb is not None:
        _copy_to_usb(result, usb)
    report.finish()
    return result


def _copy_to_usb(result: Created, usb: Path) -> None:
    """Automatic and local backups are copied to the USB folder; a stick not there is a note, not a failure
    (the local backup is made)."""
    if not usb.is_dir():
        result.notes.append((f"Thư mục USB {usb} không có (ổ chưa cắm): chỉ có bản sao lưu trên máy.",
                             f"The USB folder {usb} is not there (stick not plugged in): the backup is on this PC only."))
        return
    try:
        with _explained(usb, NOT_COPIED):
            _sweep(usb)
            _place_key(usb, result.entry.node)
            result.copies.append(_copy_into(result.entry.path, usb))
        result.pruned += prune([e for e in entries(usb) if e.node == result.entry.node])
    except KnownError as exc:
        result.notes.append((f"Chưa chép được sang thư mục USB: {exc.vi}", f"Not copied to the USB folder: {exc.en}"))


def _snapshot(db_file: Path, work: Path) -> Path:
    if not db_file.is_file():  # sqlite3.connect would make an empty one
        raise KnownError(f"Không có cơ sở dữ liệu {db_file}.", f"There is no database {db_file}.")
    target = work / DB_MEMBER
    src = sqlite3.connect(str(db_file), timeout=30)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _one(con: sqlite3.Connection, sql: str, params: tuple = ()) -> Any:
    try:
        row = con.execute(sql, params).fetchone()
    except sqlite3.OperationalError:  # a table an older schema lacks
        return None
    return row[0] if row else None


def _facts(snapshot: Path) -> dict[str, Any]:
    """What the manifest says of the data, read from the snapshot itself: they cannot disagree."""
    con = sqlite3.connect(str(snapshot))
    try:
        node = _one(con, "SELECT value FROM local_setting WHERE key = 'node_id'") or "0"
        unit = _one(con, "SELECT unit_code FROM commune_profile WHERE deleted = 0 LIMIT 1")
        if not unit and _one(con, "SELECT value FROM local_setting WHERE key = 'mode'") == "province":
            from .province import PROVINCE_CODE  # noqa: PLC0415

            unit = PROVINCE_CODE
        return {"schema": _one(con, "SELECT version_num FROM alembic_version") or "", "node": str(node),
                "unit": str(unit or "0"), "seq": int(_one(con, "SELECT max(seq) FROM change_log") or 0),
                "own_seq": int(_one(con, "SELECT max(origin_seq) FROM change_log WHERE origin_node = ?",
                                    (node,)) or 0)}
    finally:
        con.close()


def _members(data: Path, snapshot: Path) -> list[tuple[str, Path, int]]:
    out = [(DB_MEMBER, snapshot, snapshot.stat().st_size)]
    for folder in FOLDERS:
        base = data / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(base).as_posix()
            if path.is_symlink() or not path.is_file() or path.name.endswith(".part"):
                continue  # a writer's temporary file is not data yet
            with contextlib.suppress(OSError):
                out.append((f"{folder}/{rel}", path, path.stat().st_size))
    return out


def _place_key(folder: Path, node: str) -> None:
    blob = (paths.keys_dir() / KEY_FILE).read_bytes()
    beside = folder / key_beside(node)
    with contextlib.suppress(OSError):
        if beside.read_bytes() == blob:
            return
    signing.atomic_write(beside, blob)


def _unique(folder: Path, facts: dict[str, Any], reason: str) -> str:
    when = dt.datetime.fromisoformat(facts["created_at_utc"])
    for n in range(1000):
        name = _file_name(facts["unit"], facts["node"], when, facts["seq"], reason, n)
        if not (folder / name).exists():
            return name
    raise KnownError("Quá nhiều bản sao lưu trong cùng một giây.", "Too many backups in one second.")


# --- reading one: verify and restore ----------------------------------------------------------------

@dataclass(frozen=True)
class Manifest:
    program: str
    schema: str
    unit: str
    node: str
    seq: int
    own_seq: int
    created_at_utc: str
    reason: str
    files: dict[str, dict[str, Any]]

    @property
    def attachments(self) -> int:
        return sum(1 for name in self.files if name.startswith("attachments/"))

    @property
    def size(self) -> int:
        return sum(int(f["size"]) for f in self.files.values())

    def as_json(self) -> dict[str, object]:
        return {"program": self.program, "schema": self.schema, "unit": self.unit, "node": self.node,
                "seq": self.seq, "own_seq": self.own_seq, "created_at_utc": self.created_at_utc,
                "reason": self.reason, "files": len(self.files), "attachments": self.attachments, "size": self.size}


def _member_ok(name: str) -> bool:
    if name in (DB_MEMBER, MANIFEST):
        return True
    parts = name.split("/")
    return (len(name) <= 1024 and len(parts) >= 2 and parts[0] in FOLDERS
            and all(_PART.fullmatch(p) and p not in (".", "..") for p in parts[1:]))


def _read_manifest(blob: bytes) -> Manifest:
    try:
        doc = json.loads(blob)
        if doc.get("format") != FORMAT:
            raise ValueError(doc.get("format"))
        files = {str(name): {"size": int(f["size"]), "sha256": str(f["sha256"])} for name, f in doc["files"].items()}
        return Manifest(str(doc["program"]), str(doc["schema"]), str(doc["unit"]), str(doc["node"]), int(doc["seq"]),
                        int(doc["own_seq"]), str(doc["created_at_utc"]), str(doc["reason"]), files)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _damaged("bản kê khai không đúng dạng", "its manifest is malformed") from None


def _unpack(source: BinaryIO, into: Path, everything: bool, cancel: CancelToken | None,
            count: Callable[[int], None]) -> tuple[Manifest, dict[str, dict[str, Any]]]:
    """Members hashed as they stream by; the database (and with everything, every file) written under
    into. Only names a backup can hold, regular files, each once."""
    seen: dict[str, dict[str, Any]] = {}
    manifest: Manifest | None = None
    try:
        with tarfile.open(fileobj=source, mode="r|") as tar:
            for member in tar:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                name = member.name
                if manifest is not None or not _member_ok(name) or not member.isreg() or name in seen:
                    raise _damaged(f"phần không hợp lệ: {name[:80]}", f"an unexpected member: {name[:80]}")
                fh = tar.extractfile(member)
                assert fh is not None
                if name == MANIFEST:
                    manifest = _read_manifest(fh.read(16 * _MIB))
                    continue
                digest = hashlib.sha256()
                target = into / name if everything or name == DB_MEMBER else None
                out = None
                if target is not None:
                    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                    out = _private(target)
                try:
                    for block in iter(partial(fh.read, _MIB), b""):
                        digest.update(block)
                        count(len(block))
                        if out is not None:
                            out.write(block)
                    if out is not None:
                        out.flush()
                        os.fsync(out.fileno())  # the new state is on the disk before anything is swapped
                finally:
                    if out is not None:
                        out.close()
                seen[name] = {"size": member.size, "sha256": digest.hexdigest()}
    except tarfile.TarError as exc:
        raise _damaged(f"tar: {exc}", f"tar: {exc}") from None
    if manifest is None:
        raise _damaged("thiếu bản kê khai", "no manifest")
    return manifest, seen


def _decrypting(path: Path, identities: list[Any]) -> Callable[[BinaryIO], None]:
    import pyrage  # noqa: PLC0415

    def produce(sink: BinaryIO) -> None:
        with path.open("rb") as src:
            try:
                # pyrage reads and writes any file-like object; its stubs say BufferedIOBase
                pyrage.decrypt_io(src, sink, identities)  # type: ignore[arg-type]
            except OSError as exc:
                if exc.errno is not None:  # the pipe or the disk, not the data
                    raise
                # pyrage's "decryption error": a chunk that fails its tag, or a stream cut short
                raise _damaged("tệp bị cắt hoặc bị sửa", "the file is truncated or altered") from None
            except pyrage.DecryptError as exc:
                if "no matching keys" in str(exc).lower():
                    raise KnownError("Bản sao lưu này được mã hóa bằng một khóa sao lưu khác (của máy khác, hoặc khóa "
                                     "cũ): hãy để đúng tệp khóa cạnh nó.", "This backup was encrypted with another "
                                     "backup key (another PC's, or an older one): put the right key file beside "
                                     "it.") from None
                raise _damaged("tệp bị cắt hoặc bị sửa", "the file is truncated or altered") from None
    return produce


@cache
def _known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    from ..storage import migrate  # noqa: PLC0415

    return frozenset(r.revision for r in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions())


def _read(path: Path, identities: list[Any], into: Path, everything: bool, cancel: CancelToken | None,
          report: ProgressReporter) -> Manifest:
    """Decrypt, unpack and check the whole backup; the database (and with everything, all) left in into."""
    if not path.is_file():
        raise KnownError(f"Không có tệp {path}.", f"There is no file {path}.")
    report.start(max(1, path.stat().st_size // _MIB), "verify")
    count = _Mebibytes(report)
    got: list[tuple[Manifest, dict[str, dict[str, Any]]]] = []

    def consume(source: BinaryIO) -> None:
        got.append(_unpack(source, into, everything, cancel, count))
        while source.read(_MIB):  # to the end: age authenticates the last chunk only there
            pass

    with _explained(into.parent, NOT_RESTORED if everything else ("chưa kiểm tra được", "it was not checked")):
        _pump(_decrypting(path, identities), consume)
    manifest, seen = got[0]
    if seen != manifest.files:
        raise _damaged("nội dung không khớp bản kê khai", "its content does not match its manifest")
    if DB_MEMBER not in seen:
        raise _damaged("thiếu cơ sở dữ liệu", "no database")
    _check_database(into / DB_MEMBER, manifest)
    report.finish()
    return manifest


def _check_database(db_file: Path, manifest: Manifest) -> None:
    try:
        con = sqlite3.connect(str(db_file))
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            schema = _one(con, "SELECT version_num FROM alembic_version")
            node = _one(con, "SELECT value FROM local_setting WHERE key = 'node_id'")
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(f"cơ sở dữ liệu: {exc}", f"database: {exc}") from None
    if result != ["ok"]:
        detail = " ".join(" ".join(result).split())[:160]
        raise _damaged(f"cơ sở dữ liệu không toàn vẹn: {detail}", f"the database fails its integrity check: {detail}")
    if schema != manifest.schema or str(node) != manifest.node:
        raise _damaged("cơ sở dữ liệu khác bản kê khai", "the database differs from the manifest")
    if schema not in _known_revisions():
        raise KnownError(f"Bản sao lưu do một phiên bản PAPI Desktop mới hơn tạo ({manifest.program}, CSDL {schema}). "
                         "Hãy cài phiên bản mới nhất rồi khôi phục; không có gì bị thay thế.",
                         f"The backup was made by a newer PAPI Desktop ({manifest.program}, schema {schema}). Install "
                         "the latest version, then restore; nothing was replaced.")


def verify(path: Path, passphrase: str, key_file: Path | None = None, progress: ProgressReporter | None = None,
           cancel: CancelToken | None = None) -> Manifest:
    """Decrypt the whole backup, check every member against its manifest and run PRAGMA integrity_check on
    its database (in a private folder inside the data folder, removed after); the manifest, or KnownError."""
    path = Path(path)
    identities = _identities(path, passphrase, key_file)
    data = paths.data_dir()
    work = data / f".verify-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        with _explained(data, ("chưa kiểm tra được", "it was not checked")):
            work.mkdir(mode=0o700)
        return _read(path, identities, work, False, cancel, progress or NullProgress())
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass(frozen=True)
class Comparison:
    """What restoring a backup takes away from this PC."""

    same_pc: bool  # the backup is of this PC (its node id)
    later_changes: int  # changes made on this PC after the backup: gone from it once restored
    sent_later: int  # of those, how many already left in a bundle: the province holds the next one as a fork

    def as_json(self) -> dict[str, object]:
        return {"same_pc": self.same_pc, "later_changes": self.later_changes, "sent_later": self.sent_later}


def compare(db: Database, manifest: Manifest) -> Comparison:
    node = db.clock.node
    with db.reader() as s:
        own = s.scalar(select(func.max(ChangeLog.origin_seq)).where(ChangeLog.origin_node == node)) or 0
        sent = 0
        for ranges in s.scalars(select(BundleOut.ranges_json)):
            with contextlib.suppress(ValueError, TypeError, KeyError, IndexError):
                sent = max(sent, int(json.loads(ranges)[node][1]))
    if manifest.node != node:
        return Comparison(False, own, sent)
    return Comparison(True, max(0, own - manifest.own_seq), max(0, sent - manifest.own_seq))


def _refuse_other_pc(db: Database, manifest: Manifest) -> None:
    """Two PCs under one node id would each number changes the other also numbers: refused for a PC that
    already sent bundles under its own (a new PC replacing a dead one has sent none)."""
    if manifest.node == db.clock.node:
        return
    with db.reader() as s:
        sent = s.scalar(select(func.count()).select_from(BundleOut)) or 0
    if sent:
        raise KnownError(f"Bản sao lưu này là của một máy khác (mã máy {manifest.node}), còn máy này đã gửi dữ liệu "
                         "đồng bộ với mã của nó: khôi phục sẽ làm hai máy trùng mã. Hãy khôi phục trên máy mới hoặc "
                         "vào một thư mục dữ liệu trống (--data-dir); không có gì bị thay thế.",
                         f"This backup is of another PC (device {manifest.node}), and this PC has sent data under its "
                         "own: restoring would give two PCs one identity. Restore on a new PC or into an empty data "
                         "folder (--data-dir); nothing was replaced.")


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    replaced_backup: Path | None  # the encrypted backup of the state replaced
    replaced_folder: Path | None  # when none could be made: the replaced files, moved aside
    comparison: Comparison | None

    def as_json(self) -> dict[str, object]:
        return {"manifest": self.manifest.as_json(), "replaced_backup": str(self.replaced_backup or ""),
                "replaced_folder": str(self.replaced_folder or ""),
                "comparison": self.comparison.as_json() if self.comparison else None}


def restore(path: Path, passphrase: str, db: Database | None = None, key_file: Path | None = None,
            progress: ProgressReporter | None = None, cancel: CancelToken | None = None) -> Restored:
    """Replace the data folder's database and files with the backup's. db: the database open now (saved
    first as a 'before-restore' backup, then closed: open it again afterwards, the restored one may need
    its migration); None when it cannot be opened (damaged), and the replaced files are then moved aside."""
    if db is not None:
        accounts.require(db, "restore")
    else:  # one that cannot be opened: refused still if it shows accounts (no login is no way round one)
        accounts.require_of_file(paths.data_dir() / DB_MEMBER, "restore")
    path = Path(path)
    sweep()
    identities = _identities(path, passphrase, key_file)
    data = paths.data_dir()
    stage = data / f".restore-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    replaced: Path | None = None
    try:
        with _explained(data, NOT_RESTORED):
            (stage / "new").mkdir(parents=True, mode=0o700)
            (stage / "old").mkdir(mode=0o700)
        manifest = _read(path, identities, stage / "new", True, cancel, progress or NullProgress())
        comparison = None
        if db is not None:
            _refuse_other_pc(db, manifest)
            comparison = compare(db, manifest)
        if cancel is not None:
            cancel.raise_if_cancelled()  # the last moment a cancel changes nothing
        if db is not None and db.path is not None and has_key():
            with contextlib.suppress(KnownError, sqlite3.DatabaseError):  # a damaged current state: moved aside
                replaced = _create(db.path, paths.backups_dir(), "before-restore", None, None, None, True).entry.path
        if db is not None:
            db.dispose()
        _write_plan(stage, {"format": "papi-restore/1", "phase": "swapping", "backup": path.name,
                            "replaced_backup": str(replaced or ""), "started_at_utc": _now().isoformat()})
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    folder = _swap_and_finish(stage, data)
    audit.after_restore(data / DB_MEMBER, path.name, manifest, replaced, getattr(db, "user", None), comparison)
    return Restored(manifest, replaced, folder, comparison)


def before_import(db: Database) -> None:
    """The encrypted backup before an import or an update (once a backup key exists; none when nothing
    changed since the newest): a failed one refuses the import with its message."""
    automatic(db, "before-import")
