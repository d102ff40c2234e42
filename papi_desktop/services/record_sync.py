"""Where each record stands with the province: local (not sent yet), sent (in a bundle whose receipt
has not come back), acknowledged (the province's receipt says it holds it), conflict (a field two
PCs edited differently waits for a person), held (a change of it came in a bundle that waits: for an
earlier one, or for a person because it contradicts what was received, a fork) or quarantined (a
change of it came in a bundle this program could not apply). Held and quarantined carry the bundle's
reason; the sync queues list the bundles themselves (services/conflicts.waiting)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..storage.db import Database
from ..storage.models import ChangeLog
from ..storage.sync_state import Ack, BundleIn, BundleOut, BundleRecord, Conflict
from ..sync.changes import Change

PROVINCE = "province"
STATES = {
    "local": ("Chưa gửi tỉnh", "Not sent yet"),
    "sent": ("Đã gửi, chờ biên nhận", "Sent, awaiting the receipt"),
    "acknowledged": ("Tỉnh đã nhận", "Received by the province"),
    "conflict": ("Xung đột, chờ người chọn", "Conflict, awaiting a choice"),
    "held": ("Thay đổi nhận được đang được giữ", "A change received is held"),
    "quarantined": ("Thay đổi nhận được bị cách ly", "A change received is quarantined"),
}
WAITING = ("held", "fork", "quarantined")  # BundleIn statuses whose records wait
_ID, _TABLE = 36, 64
_VN = dt.timezone(dt.timedelta(hours=7))  # the lengths of BundleRecord.record_id and table_name


@dataclass(frozen=True)
class RecordState:
    state: str
    reason_vi: str
    reason_en: str
    fields: tuple[str, ...] = ()  # conflict: the columns disputed (the window names them in its language)


def _day(iso: str | None) -> str:
    """dd/mm/yyyy of a UTC time stamp, on the commune's calendar (+07:00); "" when there is none."""
    if not iso:
        return ""
    try:
        at = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone(_VN).strftime("%d/%m/%Y")


def _dated(state: str, day: str) -> RecordState:
    vi, en = STATES[state]
    if day:
        vi, en = {"local": (f"{vi} (sửa lần cuối ngày {day})", f"{en} (last edited on {day})"),
                  "sent": (f"Đã gửi tỉnh trong gói ngày {day}, chờ biên nhận",
                           f"Sent to the province in the bundle of {day}, awaiting the receipt"),
                  "acknowledged": (f"{vi} (biên nhận ngày {day})", f"{en} (receipt of {day})")}[state]
    return RecordState(state, vi, en)


def states(db: Database, table: str, ids: list[str]) -> dict[str, RecordState]:
    """The state of each record, from its latest change, the province's acknowledgements, the bundles
    written, the open conflicts and the bundles waiting (a few indexed queries, whatever the number of
    records). A record with no change here and none waiting (a task the commune never marked) has none."""
    if not ids:
        return {}
    log = ChangeLog.__table__
    with db.reader() as s:
        latest_seq = (select(log.c.record_id, func.max(log.c.seq).label("seq"))
                      .where(log.c.table_name == table, log.c.record_id.in_(ids)).group_by(log.c.record_id)
                      .subquery())
        latest = {rid: (node, seq, at) for rid, node, seq, at in s.execute(
            select(log.c.record_id, log.c.origin_node, log.c.origin_seq, log.c.at_utc)
            .join(latest_seq, log.c.seq == latest_seq.c.seq))}
        acked = {a.origin_node: a.acked_seq for a in s.scalars(select(Ack).where(Ack.peer == PROVINCE))}
        sent: dict[str, int] = {}
        written: dict[str, list[tuple[int, int, str, str | None]]] = {}  # node: (first, last, written, acknowledged)
        for ranges_json, created, acknowledged in s.execute(
                select(BundleOut.ranges_json, BundleOut.created_at, BundleOut.acknowledged_at)
                .where(BundleOut.peer == PROVINCE).order_by(BundleOut.created_at)):
            for node, (first, last) in json.loads(ranges_json).items():
                sent[node] = max(sent.get(node, 0), last)
                written.setdefault(node, []).append((int(first), int(last), created, acknowledged))
        disputed: dict[str, list[str]] = {}
        for rid, name in s.execute(select(Conflict.record_id, Conflict.field).where(
                Conflict.status == "open", Conflict.table_name == table, Conflict.record_id.in_(ids))):
            disputed.setdefault(rid, []).append(name)
        waiting = _waiting(s, table, ids)
    out = {}
    for rid in ids:
        if rid in disputed:
            fields = tuple(sorted(set(disputed[rid])))
            names = ", ".join(fields)
            out[rid] = RecordState("conflict", f"{STATES['conflict'][0]}: {names}", f"{STATES['conflict'][1]}: {names}",
                                   fields)
        elif rid in waiting:
            out[rid] = waiting[rid]
        elif rid in latest:
            node, seq, at = latest[rid]
            state = ("acknowledged" if seq and acked.get(node, 0) >= seq else
                     "sent" if seq and sent.get(node, 0) >= seq else "local")
            # The first bundle that carried it: when it was written, and when its receipt came back.
            carrier = next((b for b in written.get(node, ()) if b[0] <= seq <= b[1]), None)
            day = (_day(at) if state == "local" else _day(carrier[2]) if state == "sent" and carrier
                   else _day(carrier[3]) if carrier else "")
            out[rid] = _dated(state, day)
    return out


def _waiting(s: Session, table: str, ids: list[str]) -> dict[str, RecordState]:
    """Records a waiting bundle carries changes of, with that bundle's reason: a quarantined bundle
    before a held one, else the first received."""
    out: dict[str, RecordState] = {}
    for rid, bundle_id, device, status, vi, en in s.execute(
            select(BundleRecord.record_id, BundleIn.bundle_id, BundleIn.device, BundleIn.status, BundleIn.reason_vi,
                   BundleIn.reason_en)
            .join(BundleIn, BundleIn.bundle_id == BundleRecord.bundle_id)
            .where(BundleRecord.table_name == table, BundleRecord.record_id.in_(ids), BundleIn.status.in_(WAITING))
            .order_by(BundleIn.received_at, BundleIn.bundle_id)):
        state = "quarantined" if status == "quarantined" else "held"
        if rid in out and (out[rid].state == "quarantined" or state == "held"):
            continue
        label_vi, label_en = STATES[state]
        out[rid] = RecordState(state, f"{label_vi} (gói {bundle_id[:8]} của máy {device}): {vi}",
                               f"{label_en} (bundle {bundle_id[:8]} of PC {device}): {en}")
    return out


def keep_records(s: Session, bundle_id: str, changes: Iterable[Change]) -> None:
    """In the transaction that holds or quarantines a bundle: which records it carries changes of (only
    table and id, nothing personal). Once: a held bundle tried again and held again has them already."""
    if s.scalar(select(BundleRecord.bundle_id).where(BundleRecord.bundle_id == bundle_id).limit(1)) is not None:
        return
    # An id longer than this database keeps is no record here (and PostgreSQL would refuse the row).
    pairs = sorted({(c.table_name, c.record_id) for c in changes
                    if len(c.record_id) <= _ID and len(c.table_name) <= _TABLE})
    if pairs:
        s.execute(insert(BundleRecord), [{"bundle_id": bundle_id, "table_name": t, "record_id": r} for t, r in pairs])


def forget_records(s: Session, bundle_id: str) -> None:
    """The bundle applied: its records wait no more."""
    s.execute(delete(BundleRecord).where(BundleRecord.bundle_id == bundle_id))
