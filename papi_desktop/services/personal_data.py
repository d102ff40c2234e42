"""Erasing a citizen's personal data (issue 13 §3; resources/reference/personal_data.json: the columns, the
legal basis and the retention periods).

Erasure empties the record's personal columns and deletes the key that sealed them in the change log
(storage.personal_seal): every earlier image of them can no longer be opened, here or in a bundle
written from now on, while the log rows, and the audit chain that hashes them, stay as they were. The
emptying is an ordinary update without the old values, so it travels: the province (and the commune's
other PCs) apply it and delete their own key of the record (sync.personal.forgets). A visit's search
copy, which folds its citizens' names, is rebuilt and its key renewed the same way. Open conflicts and
quarantined changes of the record lose its personal values too. The record itself stays (its dates,
classes, outcome, the register's numbering), as the registers must.

Not reached (said in the result or the README): log rows written before the sealing existed (schema
0013) still hold the values in clear, since rewriting them would break the chain; encrypted backups
made before the erasure hold the old key until they leave the rotation; signed reports already issued
are documents of record and are not changed.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import literal, select, update

from ..domain.erasure import REASONS, TABLES
from ..domain.errors import KnownError
from ..domain.identity import mask
from ..domain.text import fold
from ..storage import audit as chain
from ..storage import personal_seal
from ..storage.changelog import FORGET, derived_columns, tracked_models
from ..storage.db import Database
from ..storage.dialect import FTS_TABLES
from ..storage.models import ChangeLog
from ..storage.registers import Reception, ReceptionCitizen
from ..storage.sync_state import Conflict, Quarantine
from .accounts import require

NAMES = {"reception_citizen": "name", "petition": "sender", "poverty_household": "head_name",
         "poverty_objection": "sender", "posting_feedback": "sender", "dialogue_issue": "raised_by"}
IDS = {"reception_citizen": "id_number", "petition": "sender_id_number", "poverty_household": "id_number"}


@dataclass(frozen=True)
class Found:
    """A record that names a citizen, as an erasure request is checked against it."""

    table: str
    record_id: str
    name: str
    id_masked: str  # the identity number, masked (domain.identity.mask); "" when none
    day: date | None = None  # the visit's or the petition's day, to tell two of one name apart

    def what(self, lang: str = "vi") -> str:
        return TABLES[self.table][lang == "en"]


@dataclass(frozen=True)
class Erasure:
    table: str
    record_id: str
    columns: list[str]  # the personal columns emptied
    keys_deleted: int  # 1, or 2 with a visit's search copy; 0 when nothing was sealed
    clear_rows: int  # log rows from before the sealing that still hold the values (see the module)

    def message(self, lang: str = "vi") -> str:
        what = TABLES[self.table][lang == "en"]
        if lang == "en":
            text = f"The personal data of this {what} was erased ({', '.join(self.columns)})."
            if self.clear_rows:
                text += (f" {self.clear_rows} change-log entries written before version 0013 still hold it: "
                         "they cannot be changed without breaking the audit trail.")
            return text
        text = f"Đã xóa dữ liệu cá nhân của {what} ({', '.join(self.columns)})."
        if self.clear_rows:
            text += (f" {self.clear_rows} mục nhật ký thay đổi ghi trước phiên bản 0013 vẫn còn dữ liệu này: "
                     "không sửa được mà không làm hỏng nhật ký thao tác.")
        return text


def find(db: Database, name: str, limit: int = 200) -> list[Found]:
    """Records of every citizen table whose name holds name (accent- and case-insensitive), for the
    "erase" permission only (it lists citizens across the registers)."""
    require(db, "erase")
    wanted = fold(name).strip()
    if len(wanted) < 2:
        raise KnownError("Nhập ít nhất 2 ký tự của tên cần tìm.", "Type at least 2 letters of the name.")
    models = tracked_models()
    found: list[Found] = []
    with db.reader() as s:
        for table, col in NAMES.items():
            model = models[table]
            id_col = IDS.get(table)
            day = Reception.received_on if table == "reception_citizen" else getattr(model, "received_on", None)
            cols = [model.id, getattr(model, col), getattr(model, id_col) if id_col else literal(""),
                    day if day is not None else literal(None)]
            stmt = select(*cols).where(model.deleted.is_(False), getattr(model, col) != "")
            if table == "reception_citizen":  # a citizen's day is the visit's
                stmt = stmt.join(Reception, Reception.id == ReceptionCitizen.reception_id)
            for rid, who, number, when in s.execute(stmt):
                if wanted in fold(who):
                    found.append(Found(table, rid, who, mask(number) if number else "", when))
                    if len(found) >= limit:
                        return found
    return found


def erase(db: Database, table: str, record_id: str, reason: str) -> Erasure:
    """Erase one record's personal data (see the module); refused without the "erase" permission."""
    require(db, "erase")
    return _erase(db, table, record_id, reason)


def _erase(db: Database, table: str, record_id: str, reason: str, again: bool = False) -> Erasure:
    if table not in TABLES:
        raise KnownError(f"Bảng {table} không chứa dữ liệu cá nhân của công dân.",
                         f"The table {table} holds no citizen's personal data.")
    if reason not in REASONS:
        raise KnownError(f"Lý do xóa không hợp lệ: {reason}. Chọn: {', '.join(REASONS)}.",
                         f"Not a reason for erasure: {reason}. Choose: {', '.join(REASONS)}.")
    model = tracked_models()[table]
    derived = derived_columns(model)  # a search copy the hook rebuilds from the emptied row
    blank = {c: v for c, v in personal_seal.blank_values(table).items() if c not in derived}
    with db.session() as s:
        row = s.get(model, record_id)
        if row is None or row.deleted:
            raise KnownError("Không tìm thấy bản ghi cần xóa dữ liệu cá nhân.",
                             "The record whose personal data is to be erased was not found.")
        conn = s.connection()
        clear = _clear_rows(s, table, record_id)
        gone = _forget(s, table, record_id)
        emptied = [c for c, v in blank.items() if getattr(row, c) not in (None, "")]
        for col, value in blank.items():
            setattr(row, col, value)
        if table == "reception_citizen":
            s.flush()
            gone += _rebuild_visit(s, getattr(row, "reception_id"))  # noqa: B009 - a Tracked row of that table
        for model_ in (Conflict, Quarantine):  # local copies of its values: emptied, not kept
            s.execute(update(model_).where(model_.table_name == table, model_.record_id == record_id)
                      .values(**({"local_json": "null", "remote_json": "null"} if model_ is Conflict
                                 else {"change_json": "{}"})))
        chain.note(s, "personal", {"what": "erased-again" if again else "erased", "table": table,
                                   "record_id": record_id, "reason": reason, "columns": emptied})
        if db.path is not None and not again:  # under the database's write lock: one writer of the ledger
            _note_in_ledger(Path(db.path).parent, table, record_id, reason)
        touched = {table, "reception"} if table == "reception_citizen" else {table}
        fts = sorted(touched & FTS_TABLES) if conn.dialect.name == "sqlite" else []
    _scrub(db, fts)
    return Erasure(table, record_id, emptied, gone, clear)


# ---- the ledger: erasures outlive a restore from an older backup ----
# erasures.json in the data folder (outside every backup: services.backup takes the database and its
# folders) lists the records erased, by table and id only. Written before the erasure commits, so a kill
# between the two leaves an erasure to redo, never one forgotten; reapply() redoes them after a restore
# brought their data back, at every opening after the login.

LEDGER = "erasures.json"


def _ledger(folder: Path) -> list[dict[str, str]]:
    try:
        entries = json.loads((folder / LEDGER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise KnownError(f"Không đọc được danh sách các lần xóa dữ liệu cá nhân ({LEDGER}): {exc}",
                         f"The list of personal-data erasures ({LEDGER}) cannot be read: {exc}") from exc
    return [e for e in entries if isinstance(e, dict) and e.get("table") in TABLES
            and isinstance(e.get("record_id"), str)] if isinstance(entries, list) else []


def _note_in_ledger(folder: Path, table: str, record_id: str, reason: str) -> None:
    entries = _ledger(folder)
    entries.append({"table": table, "record_id": record_id, "reason": reason, "at": chain.now()})
    part = folder / f".{LEDGER}.{os.getpid()}.part"
    with part.open("w", encoding="utf-8") as out:
        json.dump(entries, out, ensure_ascii=False, indent=0)
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, folder / LEDGER)


def reapply(db: Database) -> int:
    """Erase again what the ledger lists and the database holds again (a restore from an older backup
    brought it back); entered in the audit trail as erased again. The number redone. An unreadable
    ledger is logged and leaves the opening alone (the erasures it held are then not redone)."""
    if db.path is None:
        return 0
    redone = 0
    try:
        entries = _ledger(Path(db.path).parent)
    except KnownError as exc:
        logging.getLogger(__name__).warning("%s", exc.message("en"))
        return 0
    for entry in entries:
        table, record_id = entry["table"], entry["record_id"]
        if _holds_data(db, table, record_id):
            _erase(db, table, record_id, str(entry.get("reason", "citizen_request")), again=True)
            redone += 1
    return redone


def _holds_data(db: Database, table: str, record_id: str) -> bool:
    model = tracked_models()[table]
    blank = personal_seal.blank_values(table)
    with db.reader() as s:
        row = s.get(model, record_id)
        if row is None or row.deleted:
            return False
        keys = personal_seal.keys_of(s.connection(), table, [record_id])
        return bool(keys) or any(getattr(row, c) not in (None, "") for c in blank)


def _forget(s: Any, table: str, record_id: str) -> int:
    """The record's key deleted first; its next update written without the old values, under a new key."""
    s.info.setdefault(FORGET, set()).add((table, record_id))
    personal_seal.SessionKeys(s).forget(table, record_id)
    return personal_seal.delete_keys(s.connection(), table, [record_id])


def _rebuild_visit(s: Any, reception_id: str) -> int:
    """A visit's search copy folds its citizens' names and addresses (services.reception._values):
    rebuilt from what is left, its key renewed."""
    visit = s.get(Reception, reception_id)
    if visit is None:
        return 0
    citizens = s.scalars(select(ReceptionCitizen).where(ReceptionCitizen.reception_id == reception_id,
                                                        ReceptionCitizen.deleted.is_(False))
                         .order_by(ReceptionCitizen.position)).all()
    parts = [visit.summary, visit.prior_authorities, visit.direction_target, visit.followup, visit.notes]
    for c in citizens:
        parts += (c.name, c.address)
    gone = _forget(s, "reception", reception_id)
    visit.search_text = fold(" ".join(p for p in parts if p))
    return gone


def _clear_rows(s: Any, table: str, record_id: str) -> int:
    """Log rows of the record, from before the sealing, with a personal value in clear."""
    cols = personal_seal.personal_columns()[table]
    found = 0
    for after, before in s.execute(select(ChangeLog.after_json, ChangeLog.before_json).where(
            ChangeLog.table_name == table, ChangeLog.record_id == record_id)):
        for text in (after, before):
            if text and not personal_seal.is_sealed(text):
                image = json.loads(text)
                if isinstance(image, dict) and any(image.get(c) not in (None, "") for c in cols):
                    found += 1
                    break
    return found


def _scrub(db: Database, fts: list[str]) -> None:
    """After the commit, on SQLite: the full-text index merged (a deleted term's entries go) and the
    write-ahead log emptied into the file (its frames held the deleted key's page). Best effort: a
    reader holding the log open only delays it to the next checkpoint."""
    if db.engine.dialect.name != "sqlite":
        return
    with db.engine.connect() as conn:
        for table in fts:
            conn.exec_driver_sql(f'INSERT INTO "{table}_fts"("{table}_fts") VALUES (\'optimize\')')
        conn.commit()
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
