"""Where each record stands with the province: local (not sent yet), sent (in a bundle whose receipt
has not come back), acknowledged (the province's receipt says it holds it), or conflict (a field two
PCs edited differently waits for a person). Held and quarantined bundles are shown with their reasons
in the sync queues, where they are (services/conflicts.waiting)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select

from ..storage.db import Database
from ..storage.models import ChangeLog
from ..storage.sync_state import Ack, BundleOut, Conflict

PROVINCE = "province"
STATES = {
    "local": ("Chưa gửi tỉnh", "Not sent yet"),
    "sent": ("Đã gửi, chờ biên nhận", "Sent, awaiting the receipt"),
    "acknowledged": ("Tỉnh đã nhận", "Received by the province"),
    "conflict": ("Xung đột, chờ người chọn", "Conflict, awaiting a choice"),
}


@dataclass(frozen=True)
class RecordState:
    state: str
    reason_vi: str
    reason_en: str


def states(db: Database, table: str, ids: list[str]) -> dict[str, RecordState]:
    """The state of each record, from its latest change, the province's acknowledgements, the bundles
    written, and the open conflicts (a few indexed queries, whatever the number of records)."""
    if not ids:
        return {}
    log = ChangeLog.__table__
    with db.reader() as s:
        latest_seq = (select(log.c.record_id, func.max(log.c.seq).label("seq"))
                      .where(log.c.table_name == table, log.c.record_id.in_(ids)).group_by(log.c.record_id)
                      .subquery())
        latest = {rid: (node, seq) for rid, node, seq in s.execute(
            select(log.c.record_id, log.c.origin_node, log.c.origin_seq)
            .join(latest_seq, log.c.seq == latest_seq.c.seq))}
        acked = {a.origin_node: a.acked_seq for a in s.scalars(select(Ack).where(Ack.peer == PROVINCE))}
        sent: dict[str, int] = {}
        for ranges_json, in s.execute(select(BundleOut.ranges_json).where(BundleOut.peer == PROVINCE)):
            for node, (_first, last) in json.loads(ranges_json).items():
                sent[node] = max(sent.get(node, 0), last)
        disputed: dict[str, list[str]] = {}
        for rid, name in s.execute(select(Conflict.record_id, Conflict.field).where(
                Conflict.status == "open", Conflict.table_name == table, Conflict.record_id.in_(ids))):
            disputed.setdefault(rid, []).append(name)
    out = {}
    for rid in ids:
        if rid in disputed:
            names = ", ".join(sorted(disputed[rid]))
            out[rid] = RecordState("conflict", f"{STATES['conflict'][0]}: {names}", f"{STATES['conflict'][1]}: {names}")
            continue
        node, seq = latest.get(rid, ("", 0))
        state = ("acknowledged" if seq and acked.get(node, 0) >= seq else
                 "sent" if seq and sent.get(node, 0) >= seq else "local")
        out[rid] = RecordState(state, *STATES[state])
    return out
