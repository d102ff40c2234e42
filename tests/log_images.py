"""The change log as tests read it: rows with their images opened as the origin logged them (a record's
personal values are stored sealed, storage.personal_seal)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from papi_desktop.storage import personal_seal
from papi_desktop.storage.models import ChangeLog


def opened(session: Any, entries: list[ChangeLog]) -> list[ChangeLog]:
    """The rows, detached from the session, after_json and before_json opened."""
    conn = session.connection()
    for e in entries:
        e.after_json = personal_seal.open_image(conn, e.table_name, e.record_id, e.after_json)
        if e.before_json is not None:
            e.before_json = personal_seal.open_image(conn, e.table_name, e.record_id, e.before_json)
        session.expunge(e)
    return entries


def log(db: Any, *where: Any) -> list[ChangeLog]:
    """The log rows (matching where), in order, opened."""
    with db.reader() as s:
        return opened(s, list(s.scalars(select(ChangeLog).where(*where).order_by(ChangeLog.seq))))
