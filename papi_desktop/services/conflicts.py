"""The queues a person resolves after sync: fields two PCs edited differently, and bundles waiting
(held for a missing predecessor, a fork, quarantined) with their reasons."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.errors import KnownError
from ..storage.changelog import tracked_models
from ..storage.db import Database
from ..storage.models import table_of
from ..storage.sync_state import BundleIn, Conflict
from . import accounts, province


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    table_name: str
    record_id: str
    field: str
    local: object  # this PC's value before the other PC's edit arrived
    remote: object  # the other PC's value
    shown: str  # "local" | "remote": what the record holds until someone chooses (the later edit)
    origin: str
    created_at: str


def open_conflicts(db: Database) -> list[ConflictInfo]:
    with db.reader() as s:
        rows = s.scalars(select(Conflict).where(Conflict.status == "open").order_by(Conflict.created_at)).all()
        return [ConflictInfo(r.id, r.table_name, r.record_id, r.field, json.loads(r.local_json),
                             json.loads(r.remote_json), r.chosen, r.remote_origin, r.created_at) for r in rows]


def resolve(db: Database, conflict_id: str, choice: str) -> None:
    """Keep "local" or "remote": the chosen value is written as a new edit, which travels to the other
    PC and the province like any other, so every copy ends with the person's choice. At the province
    the edit stays in the province's copy (its own changes go down only for the plan): the right is the
    one that consolidates the communes' data; on a commune PC, entering data."""
    accounts.require(db, "consolidate" if province.is_province(db) else "enter")
    if choice not in ("local", "remote"):
        raise KnownError("Hãy chọn giá trị của máy này hoặc của máy kia.", "Choose this PC's value or the other's.")
    with db.session() as s:
        row = s.get(Conflict, conflict_id)
        if row is None or row.status != "open":
            raise KnownError("Xung đột này đã được xử lý.", "This conflict is already resolved.")
        model = tracked_models().get(row.table_name)
        record = s.get(model, row.record_id) if model is not None else None
        if model is None or record is None:
            raise KnownError("Bản ghi của xung đột không còn.", "The conflict's record no longer exists.")
        column = table_of(model).c[row.field]
        value = json.loads(row.local_json if choice == "local" else row.remote_json)
        if value is not None and column.type.python_type is dt.date and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        if getattr(record, row.field) != value:
            setattr(record, row.field, value)
        row.status, row.chosen, row.resolved_by = "resolved", choice, db.user
        # The same field may be in conflict more than once (several bundles): one choice settles all.
        for other in s.scalars(select(Conflict).where(Conflict.status == "open", Conflict.id != row.id,
                                                      Conflict.table_name == row.table_name,
                                                      Conflict.record_id == row.record_id,
                                                      Conflict.field == row.field)):
            other.status, other.chosen, other.resolved_by = "resolved", choice, db.user


@dataclass(frozen=True)
class WaitingBundle:
    bundle_id: str
    commune: str
    device: str
    status: str  # held | fork | quarantined
    reason_vi: str
    reason_en: str
    received_at: str
    changes: int


def waiting(db: Database) -> list[WaitingBundle]:
    with db.reader() as s:
        rows = s.scalars(select(BundleIn).where(BundleIn.status.in_(("held", "fork", "quarantined")))
                         .order_by(BundleIn.received_at)).all()
        return [WaitingBundle(r.bundle_id, r.unit_code, r.device, r.status, r.reason_vi, r.reason_en, r.received_at,
                              int(json.loads(r.manifest_json).get("changes", 0))) for r in rows]
