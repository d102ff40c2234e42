"""The report templates the province sent (reference/templates/ in the data folder): listed with the
update that brought each (its version and date), and copied out where a clerk chooses.

Which update brought a template is recorded when the update is applied (downstream.apply_downstream),
machine-local like the files themselves; a template older than that record shows no version."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import KnownError
from ..storage.db import Database
from ..storage.models import LocalSetting
from . import reference
from .backup_messages import explained
from .export_staging import fsync_dir, fsync_file
from .local_settings import put

PREFIX = "templates/"  # as the update names them (downstream_files)
_KEY = "province_template:"  # + file name: {"version", "published"} of the update that brought it
NOT_SAVED = ("chưa lưu được bản sao mẫu biểu", "the template's copy was not saved")
NOTHING_LEFT = ("Không có tệp dở dang nào được để lại.", "No half-written file is left.")


@dataclass(frozen=True)
class Template:
    name: str  # bieu_mau.xlsx
    size: int  # bytes
    version: int | None  # the update that brought it (None: applied before versions were recorded)
    published: str  # that update's date, ISO (UTC), "" when unknown

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "size": self.size, "version": self.version, "published": self.published}


def record(s: Session, changed: list[str], version: int, published: str) -> None:
    """In the update's own transaction: the templates among the files it changed came with it."""
    for name in changed:
        if name.startswith(PREFIX):
            put(s, _KEY + name[len(PREFIX):], json.dumps({"version": version, "published": published}))


def listed(db: Database) -> list[Template]:
    """Every template held, by name."""
    folder = reference.province_dir() / "templates"
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")) \
        if folder.is_dir() else []
    with db.reader() as s:
        rows = {r.key[len(_KEY):]: r.value for r in s.scalars(select(LocalSetting)
                                                                .where(LocalSetting.key.startswith(_KEY)))}
    out = []
    for path in files:
        try:
            known = json.loads(rows.get(path.name) or "{}")
        except ValueError:
            known = {}
        version = known.get("version") if isinstance(known, dict) else None
        published = known.get("published") if isinstance(known, dict) else ""
        out.append(Template(path.name, path.stat().st_size, version if isinstance(version, int) else None,
                            published if isinstance(published, str) else ""))
    return out


def _source(name: str) -> Path:
    path = reference.template_file(name)
    if path is None:
        raise KnownError(f"Không có mẫu biểu “{name}” của tỉnh trên máy này.",
                         f"This PC holds no template “{name}” from the province.")
    return path


def save_copy(name: str, target: Path) -> Path:
    """A copy of one template at target: written beside it under a temporary name, flushed, then renamed,
    so the target is either the whole template or untouched."""
    data = _source(name).read_bytes()
    target = Path(target)
    if target.is_dir():
        target = target / name
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    with explained(target.parent, NOT_SAVED, NOTHING_LEFT):  # a full, read-only or pulled-out stick in words
        try:
            with tmp.open("xb") as fh:
                fh.write(data)
            fsync_file(tmp)
            tmp.replace(target)
            fsync_dir(target.parent)
        finally:
            tmp.unlink(missing_ok=True)
    return target


def day(iso: str) -> str:
    """The update's date as a person reads it (dd/mm/yyyy, Vietnam's time), "" when unknown."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return ""
    if moment.tzinfo is None:
        return ""
    return f"{moment.astimezone(dt.timezone(dt.timedelta(hours=7))):%d/%m/%Y}"
