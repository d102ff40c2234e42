"""Backups the audit trail must still hear of (issue 13 §2, §5).

A backup is a file renamed into place, then an entry in the database: two stores, so a kill (or a busy
database) between them leaves a whole backup the trail does not name. Before its file is written,
each backup leaves a note here; the entry's commit takes the note away. At the next opening, settle()
enters every backup a note names that is there, whole under its final name, and not yet in the trail
("entered at the next opening"), and drops the notes of backups never finished. A backup made before a
migration (no database open to enter it) is entered this way too.

The notes are in the data folder, outside every backup (services.backup takes the database and its
FOLDERS only), named after the process that wrote them: a note of a process still running is its own."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from .. import paths
from ..domain.errors import KnownError
from ..exports import signing
from ..storage.db import Database
from ..storage.models import AuditEntry
from .backup_swap import _abandoned

FOLDER = "backup-journal"
FREE = "-free"  # a note any opening may settle, its writer alive or not
log = logging.getLogger(__name__)


def _dir() -> Path:
    return paths.data_dir() / FOLDER


def intend(final: Path, reason: str, seq: int) -> Path:
    """The note of a backup about to be written to `final`; returns it for done()."""
    folder = _dir()
    folder.mkdir(mode=0o700, exist_ok=True)
    note = folder / f"{final.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    body = {"file": final.name, "folder": str(final.parent.resolve()), "reason": reason, "seq": seq}
    signing.atomic_write(note, json.dumps(body, ensure_ascii=False).encode("utf-8"))
    return note


@contextlib.contextmanager
def noting(final: Path, reason: str, seq: int) -> Iterator[Path]:
    """intend() around the writing of `final`; a write that fails takes its note away."""
    note = intend(final, reason, seq)
    try:
        yield note
    except BaseException:
        done(note)
        raise


def enter(db: Database, made: Any) -> None:
    """A backup made (services.backup.Created) into the trail; its note goes once it is in, else it stays
    for the next opening."""
    from . import audit  # noqa: PLC0415

    if audit.record_backup(db, made):
        done(made.journal)


def release(note: Path | None) -> None:
    """A backup no one in this process will enter (one made before a migration): the opening that
    follows may."""
    if note is not None:
        note.replace(note.with_name(note.name + FREE))


def done(note: Path | None) -> None:
    """The backup is in the trail (or was never made): its note goes."""
    if note is not None:
        note.unlink(missing_ok=True)


def _read(note: Path) -> dict[str, Any] | None:
    try:
        body = json.loads(note.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(body, dict) or not all(isinstance(body.get(k), str) for k in ("file", "folder", "reason")):
        return None
    return body


def _named(db: Database) -> set[str]:
    with db.reader() as s:
        return {str(json.loads(d or "{}").get("file", ""))
                for d in s.scalars(select(AuditEntry.detail_json).where(AuditEntry.kind == "backup"))}


def settle(db: Database) -> list[str]:
    """At opening: enter the backups that notes of finished processes name and the trail does not;
    returns their file names. A note that cannot be read, or whose backup is not there, is dropped: it
    names nothing made. Nothing here stops an opening."""
    from . import audit  # noqa: PLC0415 - audit imports the services that import this
    from .backup import usb_folder  # noqa: PLC0415 - backup writes the notes

    folder = _dir()
    notes = sorted(n for n in folder.glob("*") if n.name.endswith(FREE) or _abandoned(n)) if folder.is_dir() else []
    if not notes or db.path is None:
        return []
    entered: list[str] = []
    try:
        named, usb = _named(db), usb_folder(db)
        for note in notes:
            body = _read(note)
            if body is not None and body["file"] not in named and (Path(body["folder"]) / body["file"]).is_file():
                copies = [body["file"]] if usb is not None and (usb / body["file"]).is_file() else []
                audit.record(db, "backup", {"file": body["file"], "reason": body["reason"], "seq": body.get("seq"),
                                            "copies": copies, "entered": "at-opening"})
                named.add(body["file"])
                entered.append(body["file"])
            note.unlink(missing_ok=True)
    except KnownError as exc:  # the database busy: the notes stay for the next opening
        log.warning("backups not entered in the audit trail yet: %s", exc.en)
    return entered
