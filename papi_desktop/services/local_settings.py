"""This PC's own settings (local_setting): never synced, so outside the change log."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..storage.db import Database
from ..storage.models import LocalSetting


def get(s: Session, key: str) -> str | None:
    row = s.get(LocalSetting, key)
    return row.value if row is not None else None


def put(s: Session, key: str, value: str) -> None:
    row = s.get(LocalSetting, key)
    if row is None:
        s.add(LocalSetting(key=key, value=value))
    else:
        row.value = value


def read(db: Database, key: str) -> str:
    with db.reader() as s:
        return get(s, key) or ""


def write(db: Database, key: str, value: str) -> None:
    with db.session() as s:
        put(s, key, value)
