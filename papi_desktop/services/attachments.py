"""Attached files (evidence documents, posting photos and minutes) kept in the data folder under their
SHA-256: the same file attached twice is stored once, and a record names its file by content."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from .. import paths
from ..domain.errors import KnownError

_MAX_SUFFIX = 10  # ".jpeg", ".docx", ".xlsx"; a longer "extension" is part of a name, not a type


def stored_suffix(name: str) -> str:
    """The extension a stored copy keeps: short letters and digits only (".pdf", ".jpg"), else none.
    A 190-character "extension" would make the stored name too long for the file system."""
    suffix = Path(name).suffix.lower()
    return suffix if 1 < len(suffix) <= _MAX_SUFFIX + 1 and suffix[1:].isalnum() and suffix.isascii() else ""


def store_attachment(source: Path, attachments_dir: Path | None = None) -> tuple[str, str]:
    """Copy a file into the data directory under its SHA-256; returns (sha256, original name)."""
    source = Path(source)
    if not source.is_file():
        raise KnownError(f"Không tìm thấy tệp {source}. Hãy chọn lại tệp đính kèm.",
                         f"File {source} not found. Choose the attachment again.")
    target_dir = attachments_dir or paths.attachments_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = target_dir / (sha + stored_suffix(source.name))
    if not target.exists():
        # Copy to a temporary name first so a power cut never leaves a half file under the final name.
        fd, tmp = tempfile.mkstemp(dir=target_dir, suffix=".part")
        os.close(fd)
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    return sha, source.name


def attachment_path(sha: str, name: str, attachments_dir: Path | None = None) -> Path | None:
    if not sha:
        return None
    path = (attachments_dir or paths.attachments_dir()) / (sha + stored_suffix(name))
    return path if path.exists() else None


# A file is stored before the transaction that names it commits (an import, a save with evidence); one
# younger than this may belong to a transaction still running, in this process or another.
ORPHAN_AGE_S = 24 * 3600
PART_AGE_S = 3600  # a temporary copy a kill left (".part"); a copy in progress is minutes old at most


def sweep_orphans(db, attachments_dir: Path | None = None, now: float | None = None) -> list[str]:  # noqa: ANN001
    """At start-up: remove stored files that no change ever named (an import or a save killed between
    storing its files and committing) and temporary copies a kill left. A file any version of any record
    named is kept: the change log is the whole history. Returns the names removed; never fails the
    start-up (what cannot be removed now is tried at the next start)."""
    import json  # noqa: PLC0415
    import time  # noqa: PLC0415

    from sqlalchemy import select  # noqa: PLC0415

    from ..storage.models import ChangeLog  # noqa: PLC0415
    from .sync import FILE_TABLES  # noqa: PLC0415

    folder = attachments_dir or paths.attachments_dir()
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    try:
        with db.reader() as s:
            rows = s.execute(select(ChangeLog.table_name, ChangeLog.after_json)
                             .where(ChangeLog.table_name.in_([*FILE_TABLES, "outgoing_document"]))).all()
    except Exception:  # noqa: BLE001 - a locked or damaged database: the next start tries again
        return []
    named: set[str] = set()
    for table, after_json in rows:
        try:
            after = json.loads(after_json)
        except ValueError:
            continue
        if table == "outgoing_document":
            try:
                named.update(f.get("sha256", "") for f in json.loads(after.get("files_json") or "[]"))
            except (ValueError, AttributeError):
                continue
        else:
            named.add(after.get("file_sha256") or "")
    removed: list[str] = []
    for path in folder.iterdir():
        try:
            age = now - path.stat().st_mtime
            if not path.is_file():
                continue
            if path.name.endswith(".part"):
                stale = age > PART_AGE_S
            else:
                sha = path.name[:64]
                stale = age > ORPHAN_AGE_S and len(sha) == 64 and sha not in named
            if stale:
                path.unlink()
                removed.append(path.name)
        except OSError:
            continue
    return removed
