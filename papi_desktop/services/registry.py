"""Numbers that must never repeat within a commune, when two PCs work offline.

Decision: one PC keeps the commune's registers, as one clerk (văn thư) keeps the outgoing register.
- Outgoing document numbers (Nghị định 30/2020: one sequence per issuing body per year, printed and
  signed on the document) are taken only on that PC: another PC is told so and takes none.
- Petition register numbers: another PC gives a provisional number ("T3.ab12/2026", its own tag) so
  the clerk can follow the petition at once; the registry PC enters it in the register with the
  next real number when the other PC's bundle arrives, and that number travels back.
- Positions and numbers of list items (a task's number "5", a dialogue's issues, villages…): each PC
  appends freely; the registry PC settles two items that took one place when the other PC's bundle
  arrives, and the change travels back (services.positions says how).
The first PC set up for a commune keeps the registers; a PC that joins a commune does not. The role
moves only by a deliberate action on the PC that takes it (take_over: the old registry PC retired or
broken), by its administrator, with a reason, in the audit trail. The numbers go on from the highest this
PC holds of every PC's records (documents and petitions received by sync count as its own); what the
old PC numbered and never sent cannot be known, so it must stop numbering.

The role is a local setting (each PC says it of itself), so two PCs may both claim it. That shows in
the numbers: on a PC that keeps the registers, a document number or a final petition number that
another PC gave, received after this PC took the role (ever, on the first PC), means the other PC
numbers too. The import's summary says so, and role() lists them for the Đồng bộ page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from ..domain.errors import KnownError
from ..storage.audit import note
from ..storage.db import Database
from ..storage.models import ChangeLog, LocalSetting
from ..storage.registers import Petition
from ..storage.reports import OutgoingDocument
from ..sync.changes import Change
from . import accounts, local_settings, positions, province

KEY = "number_registry"
SINCE_KEY = "number_registry_since"  # {"seq", "at", "by", "reason"}: the change-log position when it was taken
MAX_REASON = 500
NUMBERED = ("outgoing_document", "petition")
_PROVISIONAL = re.compile(r"^T\d+\.[0-9a-f]{4}/(\d{4})$")
_FINAL = re.compile(r"^\d+/\d{4}$")
_SHOWN = 50  # numbers of other PCs listed (all are counted)
_CHUNK = 400  # (node, seq) pairs a query binds
TAKE_OVER_WARNING = (
    "Từ nay số văn bản đi và số đơn chính thức của xã chỉ lấy trên máy này, tiếp sau số lớn nhất máy này đã nhận "
    "được. Số máy giữ sổ cũ đã cấp mà chưa gửi sang thì máy này không thể biết: máy cũ phải thôi cấp số ngay (nếu "
    "máy cũ còn chạy, hãy gửi hết dữ liệu của nó sang máy này trước, rồi cho nó thôi giữ sổ).",
    "From now on the commune's outgoing document numbers and final petition numbers are taken only on this PC, "
    "after the highest it has received. Numbers the old registry PC issued and never sent cannot be known here: "
    "the old PC must stop numbering at once (if it still works, send all its data here first, then make it give "
    "up the role).")


@dataclass(frozen=True)
class Foreign:
    """A number another PC gave while this one kept the registers."""

    what: str  # "document" | "petition"
    number: str  # "05/BC-UBND (2026)" | "7/2026"
    device: str
    at_utc: str


@dataclass(frozen=True)
class Role:
    device: str
    keeps: bool
    province: bool
    taken_at: str = ""  # when this PC took the role (empty: it always had it, or does not keep them)
    taken_by: str = ""
    reason: str = ""
    documents: dict[int, int] = field(default_factory=dict)  # year: the highest document number held
    foreign: list[Foreign] = field(default_factory=list)
    foreign_count: int = 0

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["documents"] = {str(y): {"highest": n, "next": n + 1} for y, n in self.documents.items()}
        return out


@dataclass(frozen=True)
class Taken:
    role: Role
    entered: list[tuple[str, str]]  # this PC's provisional petition numbers, now final


def keeps_registers(s: Session) -> bool:
    row = s.get(LocalSetting, KEY)
    return row is None or row.value != "0"  # an installation from before two-PC sync is the only one


def is_registry(db: Database) -> bool:
    with db.reader() as s:
        return keeps_registers(s)


def set_registry(db: Database, keeps: bool, reason: str = "") -> None:
    """Keep the registers on this PC or give them up (the switch itself, in the audit trail): taking
    them from another PC is take_over."""
    accounts.require(db, "settings")
    with db.session() as s:
        _switch(s, keeps, " ".join(reason.split())[:MAX_REASON], db.user)


def take_over(db: Database, reason: str) -> Taken:
    """This PC keeps the commune's registers from now on (the registry PC retired or broken): its own
    provisional petition numbers are entered with final ones at once, in the same transaction."""
    accounts.require(db, "settings")
    why = " ".join(reason.split())[:MAX_REASON]
    if not why:
        raise KnownError("Hãy ghi lý do nhận vai trò giữ sổ (ví dụ: máy giữ sổ cũ bị hỏng ổ cứng).",
                         "Give the reason for taking the registers (e.g. the old registry PC's disk failed).")
    if province.is_province(db):
        raise KnownError("Máy của tỉnh không giữ sổ của xã nào.", "The province's PC keeps no commune's registers.")
    with db.session() as s:
        if keeps_registers(s):
            raise KnownError("Máy này đã giữ sổ của xã.", "This PC already keeps the commune's registers.")
        _switch(s, True, why, db.user)
        entered = enter_provisional(s)
    return Taken(role(db), entered)


def _switch(s: Session, keeps: bool, why: str, user: str) -> None:
    since = {"seq": s.scalar(select(func.max(ChangeLog.seq))) or 0,
             "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "by": user, "reason": why}
    local_settings.put(s, KEY, "1" if keeps else "0")
    local_settings.put(s, SINCE_KEY, json.dumps(since, ensure_ascii=False) if keeps else "")
    s.flush()
    note(s, "account", {"what": "registry-taken" if keeps else "registry-given-up", "username": user,
                        "reason": why, "device": s.info["clock"].node, "documents": _highest(s)})


def _highest(s: Session) -> dict[int, int]:
    return dict(s.execute(select(OutgoingDocument.year, func.max(OutgoingDocument.number))
                          .group_by(OutgoingDocument.year).order_by(OutgoingDocument.year)).all())


def _since(s: Session) -> dict[str, Any]:
    text = local_settings.get(s, SINCE_KEY)
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        value = {}
    return value if isinstance(value, dict) else {}


def role(db: Database) -> Role:
    """This PC's part in numbering, and the numbers other PCs gave while it kept the registers."""
    node = db.clock.node
    with db.reader() as s:
        if province.is_province(db):
            return Role(node, False, True)
        keeps, since = keeps_registers(s), _since(s)
        found = _foreign(s, int(since.get("seq") or 0), node) if keeps else []
        return Role(node, keeps, False, str(since.get("at", "")), str(since.get("by", "")),
                    str(since.get("reason", "")), _highest(s), [f for _key, f in found[:_SHOWN]], len(found))


def _foreign(s: Session, since: int, node: str) -> list[tuple[tuple[str, int], Foreign]]:
    rows = s.execute(select(ChangeLog.origin_node, ChangeLog.origin_seq, ChangeLog.table_name, ChangeLog.op,
                            ChangeLog.before_json, ChangeLog.after_json, ChangeLog.at_utc)
                     .where(ChangeLog.seq > since, ChangeLog.received.is_(True), ChangeLog.origin_node != node,
                            ChangeLog.table_name.in_(NUMBERED)).order_by(ChangeLog.seq))
    out = []
    for r in rows:
        number = _number_given(r.table_name, r.op, r.before_json, r.after_json)
        if number is not None:
            out.append(((r.origin_node, r.origin_seq), Foreign("document" if r.table_name == NUMBERED[0] else
                                                               "petition", number, r.origin_node, r.at_utc)))
    return out


def _number_given(table: str, op: str, before_json: str | None, after_json: str) -> str | None:
    """The number a change gives, if it gives one only the registry PC may: a document entered in the
    outgoing register, or a petition's final number set (a new one, or a provisional one entered)."""
    after = json.loads(after_json or "{}")
    if table == "outgoing_document":
        return f"{int(after.get('number') or 0):02d}/{after.get('symbol', '')} ({after.get('year', '')})" \
            if op == "insert" else None
    number = str(after.get("register_no") or "")
    if op == "delete" or not _FINAL.match(number):
        return None
    before = json.loads(before_json) if before_json else {}
    return number if op == "insert" or before.get("register_no") != number else None


def require_registry(s: Session) -> None:
    if not keeps_registers(s):
        raise KnownError("Máy này không giữ sổ văn bản đi của xã: số văn bản chỉ được lấy trên máy giữ sổ, để hai văn "
                         "bản không bao giờ trùng số. Hãy xuất văn bản trên máy giữ sổ (xem trang Đồng bộ).",
                         "This PC does not keep the commune's outgoing register: numbers are taken only on the PC "
                         "that keeps it, so that two documents never share one. Export on that PC (see the Sync "
                         "page).")


def petition_number(s: Session, year: int, node: str) -> str:
    """The next number of the year on the registry PC; a provisional one elsewhere."""
    if keeps_registers(s):
        return f"{_next_final(s, year)}/{year}"
    tag = node[:4]
    mine = s.scalar(select(func.count()).select_from(Petition).where(
        Petition.register_no.like(f"T%.{tag}/{year}"))) or 0
    return f"T{mine + 1}.{tag}/{year}"


def _next_final(s: Session, year: int) -> int:
    numbers = s.scalars(select(Petition.register_no).where(Petition.register_no.like(f"%/{year}"))).all()
    return max((int(n.split("/")[0]) for n in numbers if n.split("/")[0].isdigit()), default=0) + 1


def is_provisional(register_no: str) -> bool:
    return bool(_PROVISIONAL.match(register_no))


def enter_provisional(s: Session) -> list[tuple[str, str]]:
    """On the registry PC, in the transaction that received them: give provisional petitions their real
    numbers, in the order they were received. Returns (provisional, final) pairs."""
    if not keeps_registers(s):
        return []
    waiting = [p for p in s.scalars(select(Petition).where(Petition.register_no.like("T%"),
                                                           Petition.deleted.is_(False))
                                    .order_by(Petition.received_on, Petition.created_hlc)) if is_provisional(p.register_no)]
    entered = []
    for pet in waiting:
        year = int(_PROVISIONAL.match(pet.register_no).group(1))  # type: ignore[union-attr]
        final = f"{_next_final(s, year)}/{year}"
        entered.append((pet.register_no, final))
        pet.register_no = final
        s.flush()
    return entered


def settle_positions(s: Session, changes: list[Change]) -> list[tuple[str, str]]:
    """On the registry PC, in the transaction that applied changes: items of one list that took one
    place (or tasks one number) on two PCs are told apart, and numbers another PC gave are reported
    (two PCs keep the registers). Returns the summary's reasons."""
    if not keeps_registers(s):
        return []
    return positions.settle(s, changes) + _claims(s, changes)


def _claims(s: Session, changes: list[Change]) -> list[tuple[str, str]]:
    node = s.info["clock"].node
    given = {(c.origin_node, c.origin_seq): n for c in changes if c.table_name in NUMBERED and c.origin_node != node
             and (n := _number_given(c.table_name, c.op, c.before_json, c.after_json)) is not None}
    if not given:
        return []
    since = int(_since(s).get("seq") or 0)  # what arrived before this PC took the role is no claim
    keys, fresh = list(given), set[tuple[str, int]]()
    for start in range(0, len(keys), _CHUNK):  # a relay may carry many (held already: no claim)
        fresh.update((k[0], k[1]) for k in s.execute(select(ChangeLog.origin_node, ChangeLog.origin_seq).where(
            ChangeLog.seq > since, tuple_(ChangeLog.origin_node, ChangeLog.origin_seq).in_(keys[start:start + _CHUNK]))))
    by_device: dict[str, list[str]] = {}
    for key in keys:
        if key in fresh:
            by_device.setdefault(key[0], []).append(given[key])
    reasons = []
    for device, numbers in by_device.items():
        shown = ", ".join(numbers[:10]) + (f" (+{len(numbers) - 10})" if len(numbers) > 10 else "")
        reasons.append((f"Máy {device} cũng cấp số của xã trong khi máy này giữ sổ: {shown}. Hai máy cùng giữ sổ thì "
                        "số có thể trùng: chỉ một máy được giữ sổ, máy kia phải thôi vai trò (xem trang Đồng bộ).",
                        f"PC {device} also gives the commune's numbers while this PC keeps the registers: {shown}. "
                        "With two registry PCs numbers may repeat: only one may keep them, the other must give up "
                        "the role (see the Sync page)."))
    return reasons
