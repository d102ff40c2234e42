"""Releasing a held bundle early (issue 10 §4): a deliberate, logged decision to apply a bundle whose
predecessors have not arrived, going on without the changes they carry.

A bundle is held when it builds on change numbers of a device this database does not hold (a stick
lost on the way, a province restored from an older backup). Usually the missing bundle comes and the
held one applies by itself. When it will not come, a person with the right (at the province an officer
or its administrator, on a commune PC its administrator) releases the held bundle with a reason: the
missing numbers are written down as waived (storage.sync_state.Waiver), the bundle applies in one
transaction with them, and the audit trail names who, when, why and which numbers. Should the missing
changes arrive after all, they apply late, as they would have in order. A fork (the same numbers with
other content) is never released this way: nothing of what was received is replaced."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ..domain.errors import KnownError
from ..storage.audit import note
from ..storage.db import Database
from ..storage.models import ChangeLog
from ..storage.sync_state import BundleIn, Waiver
from ..sync import bundle
from ..sync.changes import Change
from . import accounts, backup, province, sync_import

MAX_REASON = 500


@dataclass(frozen=True)
class Released:
    summary: sync_import.Summary
    waived: dict[str, tuple[int, int]]  # per device, the first and last number gone on without
    also: list[sync_import.Summary]  # other held bundles that applied once this one had


def gaps(held_up_to: dict[str, int], changes: list[Change]) -> dict[str, list[tuple[int, int]]]:
    """Per device, the runs of numbers the changes skip over, from what is held (a pure function)."""
    out: dict[str, list[tuple[int, int]]] = {}
    expected = {node: seq + 1 for node, seq in held_up_to.items()}
    for c in changes:
        want = expected.get(c.origin_node, 1)
        if c.origin_seq > want:
            out.setdefault(c.origin_node, []).append((want, c.origin_seq - 1))
        expected[c.origin_node] = max(want, c.origin_seq + 1)
    return out


def release(db: Database, bundle_id: str, reason: str, passphrase: str) -> Released:
    """Apply the held bundle now, waiving the change numbers it builds on that never arrived."""
    accounts.require(db, "consolidate" if province.is_province(db) else "settings")
    why = " ".join(reason.split())[:MAX_REASON]
    if not why:
        raise KnownError("Hãy ghi lý do áp dụng gói trước khi nhận đủ các gói trước nó.",
                         "Give the reason for applying the bundle before the ones before it.")
    with db.reader() as s:
        row = s.get(BundleIn, bundle_id)
        status, kept = (row.status, row.kept_file) if row is not None else ("", "")
    if status != "held":
        raise _not_held(bundle_id, status)
    if not kept or not Path(kept).is_file():
        raise KnownError("Không còn tệp của gói giữ lại trên máy này; hãy nhận lại gói từ USB.",
                         "The held bundle's file is no longer on this PC; import the bundle from the stick again.")
    receiver = (sync_import.province_receiver(passphrase) if province.is_province(db)
                else sync_import.commune_receiver(db, passphrase))
    backup.before_import(db)  # an encrypted copy of the state before, when a backup key exists
    waived: dict[str, tuple[int, int]] = {}
    at, who = dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), getattr(db, "user", "") or ""

    def waive(s: Any, changes: list[Change]) -> None:
        waived.clear()
        nodes = {c.origin_node for c in changes}
        held = dict(s.execute(select(ChangeLog.origin_node, func.max(ChangeLog.origin_seq))
                              .where(ChangeLog.origin_node.in_(nodes)).group_by(ChangeLog.origin_node)).all())
        for node, runs in gaps(held, changes).items():
            for first, last in runs:
                s.add(Waiver(origin_node=node, first_seq=first, last_seq=last, bundle_id=bundle_id,
                             released_by=who[:64], released_at=at, reason=why))
            waived[node] = (runs[0][0], runs[-1][1])
        s.flush()
        note(s, "import", {"what": "released-early", "bundle_id": bundle_id, "reason": why,
                           "waived": {n: list(r) for n, r in waived.items()}})

    parts = bundle.bundle_parts(Path(kept))
    summary = sync_import._import_one(db, parts, receiver, dry_run=False, retry=True,  # noqa: SLF001
                                      before_apply=waive)
    if summary.status != "applied":  # held again for another reason (a record it needs): nothing written
        raise KnownError(f"Chưa áp dụng được gói: {summary.reasons[0][0] if summary.reasons else summary.status}",
                         f"The bundle could not be applied: {summary.reasons[0][1] if summary.reasons else ''}")
    shutil.rmtree(Path(kept).parent, ignore_errors=True)  # applied: the kept copy has served
    summary.receipt = ""  # it was written beside the kept copy: it stays in the database, for the next reading
    also = sync_import._release_held(db, receiver)  # noqa: SLF001 - those waiting on this one
    return Released(summary, dict(waived), also)


def waivers(db: Database) -> list[Waiver]:
    with db.reader() as s:
        rows = s.scalars(select(Waiver).order_by(Waiver.released_at, Waiver.origin_node)).all()
        s.expunge_all()
        return list(rows)


def _not_held(bundle_id: str, status: str) -> KnownError:
    if status == "fork":
        return KnownError("Gói này mâu thuẫn với dữ liệu đã nhận (cùng số thứ tự, khác nội dung), không phải gói chờ "
                          "gói trước: không áp dụng sớm được; dữ liệu đã nhận được giữ nguyên.",
                          "This bundle contradicts what was received (the same numbers, other content); it is not "
                          "waiting for earlier ones and cannot be released; what was received stays as it is.")
    if not status:
        return KnownError(f"Không có gói nào mã {bundle_id} trên máy này.", f"No bundle {bundle_id} here.")
    return KnownError(f"Gói {bundle_id} không ở trạng thái chờ gói trước (trạng thái: {status}).",
                      f"Bundle {bundle_id} is not waiting for earlier bundles (status: {status}).")
