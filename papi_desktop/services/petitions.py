"""The petition register (đơn thư): entry, processing steps, legal due dates, statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import KnownError
from ..domain.limits import LegalLimit, due_date, limit_in_force
from ..domain.text import nfc
from ..storage.db import Database
from ..storage.registers import Petition, PetitionStep, Reception
from . import reference, registry
from .search import ids_newest_first

SOURCES = ("reception", "post", "portal", "forwarded", "mailbox")
CONTENT_CLASSES = ("khieu_nai", "to_cao", "kien_nghi", "nhieu_noi_dung")
STEP_KINDS = ("propose", "transfer", "guide", "accept", "resolve", "reply", "file")
PROCESSING = {"propose", "transfer", "guide", "accept", "file"}  # the petition has been processed


@dataclass
class PetitionInput:
    received_on: date
    content: str
    content_class: str
    source: str = "reception"
    sender: str = ""
    sender_address: str = ""
    sender_id_number: str = ""
    eligible: bool = True
    within_authority: bool = True
    remote_area: bool = False
    complex_case: bool = False
    reception_id: str | None = None


@dataclass(frozen=True)
class DueItem:
    petition_id: str
    register_no: str
    sender: str  # masked-id free: only the name
    content_class: str
    step: str
    step_name_vi: str
    step_name_en: str
    start: date
    due: date
    overdue: bool
    days_left: int
    source: str

    def as_json(self) -> dict[str, object]:
        return {"id": self.petition_id, "register_no": self.register_no, "sender": self.sender,
                "content_class": self.content_class, "step": self.step, "step_name": self.step_name_vi,
                "from": self.start.isoformat(), "next_due": self.due.isoformat(), "overdue": self.overdue,
                "days_left": self.days_left, "legal_source": self.source}


def _validate(inp: PetitionInput) -> None:
    problems = []
    if not nfc(inp.content):
        problems.append(("Hãy tóm tắt nội dung đơn.", "Summarise the petition."))
    if inp.content_class not in CONTENT_CLASSES:
        problems.append(("Phân loại theo nội dung phải là khiếu nại, tố cáo, kiến nghị/phản ánh hoặc nhiều nội dung.",
                         "Content class must be complaint, denunciation, petition/feedback or several."))
    if inp.source not in SOURCES:
        problems.append(("Nguồn đơn không hợp lệ.", "Unknown petition source."))
    if problems:
        raise KnownError("\n".join(p[0] for p in problems), "\n".join(p[1] for p in problems))


def add_petition(db: Database, inp: PetitionInput) -> str:
    """Enter a petition in the register; it gets the next number of its year ("12/2026")."""
    _validate(inp)
    with db.session() as s:
        if inp.reception_id is not None:
            rec = s.get(Reception, inp.reception_id)
            if rec is None or rec.deleted:
                raise KnownError("Lượt tiếp công dân được liên kết không tồn tại.", "The linked reception is missing.")
        return _add(s, inp).id


def add_from_reception(s: Session, rec: Reception, visit: object) -> Petition:
    """The petition a visit brings, in the visit's transaction: content, class and sender from the book."""
    # Kiến nghị and phản ánh share one class in the register; different kinds make "nhiều nội dung".
    kinds = {c if c in ("khieu_nai", "to_cao") else "kien_nghi" for c in rec.classes.split(",") if c}
    content_class = "nhieu_noi_dung" if len(kinds) > 1 else next(iter(kinds), "kien_nghi")
    first = next((c for c in getattr(visit, "citizens", []) if c.name.strip()), None)
    return _add(s, PetitionInput(
        received_on=rec.received_on, content=rec.summary, content_class=content_class, source="reception",
        sender=first.name if first else "", sender_address=first.address if first else "",
        sender_id_number=first.id_number if first else "", reception_id=rec.id))


def _add(s: Session, inp: PetitionInput) -> Petition:
    pet = Petition(
        register_no=registry.petition_number(s, inp.received_on.year, s.info["clock"].node),
        source=inp.source, received_on=inp.received_on,
        sender=nfc(inp.sender), sender_address=nfc(inp.sender_address),
        sender_id_number=inp.sender_id_number.strip(), content=nfc(inp.content),
        content_class=inp.content_class, eligible=inp.eligible, within_authority=inp.within_authority,
        remote_area=inp.remote_area, complex_case=inp.complex_case, reception_id=inp.reception_id,
    )
    s.add(pet)
    s.flush()
    return pet


def add_step(db: Database, petition_id: str, kind: str, done_on: date, doc_number: str = "", note: str = "") -> str:
    if kind not in STEP_KINDS:
        raise KnownError("Bước xử lý không hợp lệ.", "Unknown processing step.")
    with db.session() as s:
        pet = s.get(Petition, petition_id)
        if pet is None or pet.deleted:
            raise KnownError("Đơn không còn tồn tại.", "The petition no longer exists.")
        if done_on < pet.received_on:
            raise KnownError(f"Ngày xử lý {done_on:%d/%m/%Y} trước ngày nhận đơn {pet.received_on:%d/%m/%Y}.",
                             "The step is dated before the petition was received.")
        step = PetitionStep(petition_id=petition_id, kind=kind, done_on=done_on, doc_number=nfc(doc_number),
                            note=nfc(note))
        s.add(step)
        s.flush()
        return step.id


def close(db: Database, petition_id: str, closed_on: date, result: str) -> None:
    with db.session() as s:
        pet = s.get(Petition, petition_id)
        if pet is None or pet.deleted:
            raise KnownError("Đơn không còn tồn tại.", "The petition no longer exists.")
        pet.closed_on = closed_on
        pet.result = nfc(result)


def _pending(pet: Petition, steps: list[PetitionStep], reception_day: date | None) -> list[tuple[str, date]]:
    """(limit code, start day) of every legal step still owed on an open petition."""
    kinds = {st.kind for st in steps}
    accepted = min((st.done_on for st in steps if st.kind == "accept"), default=None)
    owed: list[tuple[str, date]] = []
    if not kinds & PROCESSING:
        owed.append(("process_petition", pet.received_on))
        owed.append(("discipline_unprocessed", pet.received_on))
        if pet.content_class == "to_cao":
            owed.append(("screen_denunciation", pet.received_on))
    if pet.content_class == "to_cao" and not pet.within_authority and "transfer" not in kinds:
        owed.append(("forward_denunciation", pet.received_on))
    if pet.content_class == "khieu_nai" and pet.within_authority and pet.eligible and accepted is None:
        owed.append(("accept_complaint", pet.received_on))
    if accepted is not None and "resolve" not in kinds:
        if pet.content_class == "khieu_nai":
            owed.append(("resolve_complaint", accepted))
        elif pet.content_class == "to_cao":
            owed.append(("resolve_denunciation", accepted))
    if reception_day is not None and "reply" not in kinds:
        owed.append(("reply_citizen", reception_day))
    return owed


def due_items(db: Database, today: date, all_steps: bool = False, ids: list[str] | None = None) -> list[DueItem]:
    """Open petitions with their next legal due date (every owed step if all_steps), soonest first."""
    limits: list[LegalLimit] = list(reference.legal_limits())
    cal = reference.working_calendar()
    with db.reader() as s:
        stmt = select(Petition).where(Petition.deleted.is_(False), Petition.closed_on.is_(None))
        if ids is not None:
            stmt = stmt.where(Petition.id.in_(ids))
        pets = list(s.scalars(stmt))
        ids = [p.id for p in pets]
        steps: dict[str, list[PetitionStep]] = {}
        for st in s.scalars(select(PetitionStep).where(PetitionStep.petition_id.in_(ids),
                                                       PetitionStep.deleted.is_(False))):
            steps.setdefault(st.petition_id, []).append(st)
        rec_days = dict(s.execute(select(Reception.id, Reception.received_on).where(
            Reception.id.in_([p.reception_id for p in pets if p.reception_id]))).all())
    out: list[DueItem] = []
    for pet in pets:
        items = []
        received = rec_days.get(pet.reception_id) if pet.reception_id else None
        for code, start in _pending(pet, steps.get(pet.id, []), received):
            try:
                limit = limit_in_force(limits, code, start)
            except KnownError:
                continue  # no such limit in force on that day (e.g. a rule from 2026 on an older petition)
            due = due_date(limit, start, cal, remote=pet.remote_area, complex_case=pet.complex_case)
            items.append(DueItem(pet.id, pet.register_no, pet.sender, pet.content_class, code, limit.name_vi,
                                 limit.name_en, start, due, due < today, (due - today).days, limit.source))
        items.sort(key=lambda i: i.due)
        out.extend(items if all_steps else items[:1])
    out.sort(key=lambda i: (i.due, i.register_no))
    return out


@dataclass(frozen=True)
class PetitionRow:
    id: str
    register_no: str
    received_on: date
    source: str
    sender: str
    content: str
    content_class: str
    closed_on: date | None
    next_step: str
    next_due: date | None
    overdue: bool


def petition_ids(db: Database, search: str = "", state: str | None = None) -> list[str]:
    """Ids newest first; state: "open", "closed" or None; full-text search over folded text."""
    where = {"open": ["t.closed_on IS NULL"], "closed": ["t.closed_on IS NOT NULL"]}.get(state or "", [])
    return ids_newest_first(db, "petition", "received_on", where, {}, search)


def petition_state(db: Database, petition_id: str) -> str | None:
    """The state whose list of petition_ids() holds a live petition ("open" or "closed"); None when
    there is no such petition (deleted since it was listed)."""
    with db.reader() as s:
        row = s.execute(select(Petition.closed_on).where(Petition.id == petition_id,
                                                         Petition.deleted.is_(False))).first()
    if row is None:
        return None
    return "open" if row.closed_on is None else "closed"


def petition_rows(db: Database, ids: list[str], today: date, lang: str = "vi") -> list[PetitionRow]:
    due = {i.petition_id: i for i in due_items(db, today, ids=ids)}
    with db.reader() as s:
        pets = {p.id: p for p in s.scalars(select(Petition).where(Petition.id.in_(ids)))}
    out = []
    for pid in ids:
        p = pets.get(pid)
        if p is None:
            continue
        d = due.get(pid)
        out.append(PetitionRow(
            p.id, p.register_no, p.received_on, p.source, p.sender, p.content, p.content_class, p.closed_on,
            (d.step_name_en if lang == "en" else d.step_name_vi) if d else "", d.due if d else None,
            bool(d and d.overdue)))
    return out


# What statistics() counts ("from" is a keyword: the functional form); a plain dict, printed as JSON too.
Statistics = TypedDict("Statistics", {
    "from": str, "to": str, "received": int, "by_class": dict[str, int], "processed": int,
    "guided_or_returned": int, "forwarded": int, "accepted": int, "resolved": int, "pending": int, "overdue": int,
})


def statistics(db: Database, start: date, end: date, today: date) -> Statistics:
    """Petitions received in the window by class, processed by direction, resolved, pending, overdue."""
    with db.reader() as s:
        pets = list(s.scalars(select(Petition).where(Petition.deleted.is_(False), Petition.received_on >= start,
                                                     Petition.received_on <= end)))
        ids = [p.id for p in pets]
        kinds: dict[str, set[str]] = {}
        for pid, kind in s.execute(select(PetitionStep.petition_id, PetitionStep.kind).where(
                PetitionStep.petition_id.in_(ids), PetitionStep.deleted.is_(False))):
            kinds.setdefault(pid, set()).add(kind)
    by_class = dict.fromkeys(CONTENT_CLASSES, 0)
    for p in pets:
        by_class[p.content_class] += 1
    guided = sum(bool(kinds.get(p.id, set()) & {"guide", "file"}) for p in pets)
    forwarded = sum("transfer" in kinds.get(p.id, set()) for p in pets)
    accepted = sum("accept" in kinds.get(p.id, set()) for p in pets)
    open_ids = {p.id for p in pets if p.closed_on is None}
    overdue = {i.petition_id for i in due_items(db, today) if i.overdue and i.petition_id in open_ids}
    return {
        "from": start.isoformat(), "to": end.isoformat(), "received": len(pets), "by_class": by_class,
        "processed": sum(bool(kinds.get(p.id, set()) & PROCESSING) for p in pets),
        "guided_or_returned": guided, "forwarded": forwarded, "accepted": accepted,
        "resolved": len(pets) - len(open_ids), "pending": len(open_ids), "overdue": len(overdue),
    }
