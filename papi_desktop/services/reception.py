"""The citizen reception book (Sổ tiếp công dân, Mẫu 03/TCD): entry, search, statistics, obligations."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.dates import format_vn
from ..domain.errors import KnownError
from ..domain.identity import check_cccd, mask
from ..domain.numbers import count_vn
from ..domain.text import fold, nfc
from ..storage.changelog import bulk_insert
from ..storage.db import Database
from ..storage.registers import Reception, ReceptionCitizen
from . import access, reference
from .search import ids_newest_first

TYPES = ("regular", "periodic", "adhoc")  # thường xuyên; định kỳ, đột xuất (by the leaders)
CLASSES = ("khieu_nai", "to_cao", "kien_nghi", "phan_anh")
CLASSES_SET = frozenset(CLASSES)
DIRECTIONS = ("", "accept", "guide", "forward")
TYPE_LABELS = {"regular": "Thường xuyên", "periodic": "Định kỳ", "adhoc": "Đột xuất"}
CLASS_LABELS = {"khieu_nai": "khiếu nại", "to_cao": "tố cáo", "kien_nghi": "kiến nghị", "phan_anh": "phản ánh"}


@dataclass(slots=True)  # 100,000 of these wait in an import's preview
class CitizenInput:
    name: str
    address: str = ""
    id_number: str = ""
    id_kind: str = "cccd"  # cccd | passport | other
    birth_year: int | None = None
    is_representative: bool = False


@dataclass(slots=True)
class ReceptionInput:
    received_on: date
    citizens: list[CitizenInput]
    summary: str
    classes: list[str]
    reception_type: str = "regular"
    receiver: str = ""
    people_count: int | None = None  # None: the number of citizens listed
    prior_authorities: str = ""
    direction: str = ""
    direction_target: str = ""
    direction_doc: str = ""
    followup: str = ""
    notes: str = ""


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field the slow way, 200 rows a page
class ReceptionRow:
    id: str
    received_on: date
    reception_type: str
    names: str
    address: str
    id_numbers: str  # masked unless the viewer may see them
    people_count: int
    summary: str
    classes: str
    direction: str
    receiver: str


@dataclass(frozen=True)
class Counts:
    receptions: int = 0
    citizens: int = 0
    delegations: int = 0
    delegation_citizens: int = 0


@dataclass
class ReceptionStats:
    start: date
    end: date
    total: Counts
    regular: Counts
    leaders: Counts
    by_class: dict[str, int] = field(default_factory=dict)
    delegation_classes: dict[str, set[str]] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        def part(c: Counts) -> dict[str, int]:
            return {"receptions": c.receptions, "citizens": c.citizens, "delegations": c.delegations,
                    "delegation_citizens": c.delegation_citizens}

        return {"from": self.start.isoformat(), "to": self.end.isoformat(), **part(self.total),
                "regular": part(self.regular), "leaders": part(self.leaders), "by_class": self.by_class}


def delegation_threshold() -> int:
    return int(reference.threshold("delegation_min_people"))


def validate(inp: ReceptionInput) -> tuple[list[CitizenInput], int]:
    """All problems of an entry at once, in Vietnamese and English; returns (citizens, people)."""
    return _checked(inp, delegation_threshold(), set(reference.province_codes()), nfc)


def validate_stored(inp: ReceptionInput, threshold: int, codes: set[str]) -> tuple[list[CitizenInput], int]:
    """validate for an entry whose texts are already in the stored form (an importer's parsed rows: NFC,
    stripped), with the reference values looked up once for the whole file: nothing normalised again."""
    return _checked(inp, threshold, codes, _as_is)


def _as_is(text: str) -> str:
    return text


def _checked(inp: ReceptionInput, threshold: int, codes: set[str],
             text: Callable[[str], str]) -> tuple[list[CitizenInput], int]:
    problems: list[tuple[str, str]] = []
    if inp.reception_type not in TYPES:
        problems.append(("Hình thức tiếp phải là thường xuyên, định kỳ hoặc đột xuất.",
                         "Reception type must be regular, periodic or ad hoc."))
    citizens = [c for c in inp.citizens if text(c.name)]
    if not citizens:
        problems.append(("Hãy ghi họ tên ít nhất một công dân.", "Enter the name of at least one citizen."))
    if not text(inp.summary):
        problems.append(("Hãy tóm tắt nội dung vụ việc.", "Summarise the matter."))
    if not inp.classes or not CLASSES_SET.issuperset(inp.classes):
        problems.append(("Phân loại phải là một hoặc nhiều trong: khiếu nại, tố cáo, kiến nghị, phản ánh.",
                         "Classify as one or more of: complaint, denunciation, petition, feedback."))
    people = inp.people_count if inp.people_count is not None else len(citizens)
    if people < max(len(citizens), 1):
        problems.append((f"Số người ({people}) ít hơn số công dân đã ghi ({len(citizens)}).",
                         f"The number of people ({people}) is less than the citizens listed ({len(citizens)})."))
    if people >= threshold:
        reps = sum(c.is_representative for c in citizens)
        if not 1 <= reps <= 5:
            problems.append((
                f"Đoàn đông người ({people} người) phải ghi từ 01 đến 05 người đại diện (Điều 29 Luật Tiếp công dân).",
                f"A delegation ({people} people) needs 1 to 5 representatives (Law on Citizen Reception, Art. 29)."))
    if inp.direction not in DIRECTIONS:
        problems.append(("Hướng xử lý phải là thụ lý, hướng dẫn hoặc chuyển đơn.",
                         "Handling must be accept, guide or forward."))
    elif inp.direction in ("guide", "forward") and not text(inp.direction_target):
        problems.append(("Hướng dẫn hoặc chuyển đơn phải ghi rõ cơ quan, đơn vị nhận.",
                         "Guidance or forwarding must name the receiving authority."))
    for c in citizens:
        if c.id_kind == "cccd" and c.id_number.strip():
            check = check_cccd(c.id_number, codes, c.birth_year)
            if not check.ok:
                problems.append((f"{text(c.name)}: {check.vi}", f"{text(c.name)}: {check.en}"))
    if problems:
        raise KnownError("\n".join(p[0] for p in problems), "\n".join(p[1] for p in problems))
    return citizens, people


def _values(inp: ReceptionInput, citizens: list[CitizenInput], people: int,
            text: Callable[[str], str] = nfc) -> dict[str, object]:
    """The reception's column values from a validated entry (shared by the single and bulk paths);
    text: how a text is brought to the stored form (nfc, or as it is for text already in it)."""
    summary, prior, target = text(inp.summary), text(inp.prior_authorities), text(inp.direction_target)
    followup, notes = text(inp.followup), text(inp.notes)
    parts = [summary, prior, target, followup, notes]
    for c in citizens:
        parts += (text(c.name), text(c.address))
    return {
        "received_on": inp.received_on, "reception_type": inp.reception_type, "receiver": text(inp.receiver),
        "people_count": people, "summary": summary, "classes": ",".join([c for c in CLASSES if c in inp.classes]),
        "prior_authorities": prior, "direction": inp.direction, "direction_target": target,
        "direction_doc": text(inp.direction_doc), "followup": followup, "notes": notes,
        "search_text": fold(" ".join([p for p in parts if p])),
    }


def _citizen_values(reception_id: str, pos: int, c: CitizenInput,
                    text: Callable[[str], str] = nfc) -> dict[str, object]:
    return {"reception_id": reception_id, "position": pos, "name": text(c.name), "address": text(c.address),
            "id_number": c.id_number.strip(), "id_kind": c.id_kind, "birth_year": c.birth_year,
            "is_representative": c.is_representative}


def add_to_session(s: Session, inp: ReceptionInput) -> Reception:
    """Validate and add one visit inside the caller's transaction (the row-by-row path: the ORM hook)."""
    citizens, people = validate(inp)
    rec = Reception(**_values(inp, citizens, people))
    s.add(rec)
    s.flush()
    for pos, c in enumerate(citizens):
        s.add(ReceptionCitizen(**_citizen_values(rec.id, pos, c)))
    return rec


def bulk_add(s: Session, inputs: list[ReceptionInput], stored: bool = False) -> int:
    """Add many visits in the caller's transaction through the change log's bulk path: the same rows, log
    and search text as add_to_session, without ORM objects. stored: the inputs were checked by
    validate_stored and their texts are in the stored form, so they are neither checked nor normalised
    again (an import's preview did both once)."""
    receptions: list[dict[str, Any]] = []
    citizens_of: list[list[CitizenInput]] = []
    text = _as_is if stored else nfc
    for inp in inputs:
        if stored:
            citizens = [c for c in inp.citizens if c.name]  # as validate keeps them
            people = inp.people_count if inp.people_count is not None else len(citizens)
        else:
            citizens, people = validate(inp)
        receptions.append(_values(inp, citizens, people, text))
        citizens_of.append(citizens)
    bulk_insert(s, Reception, receptions)  # gives each row its id
    bulk_insert(s, ReceptionCitizen, [_citizen_values(row["id"], pos, c, text)
                                      for row, citizens in zip(receptions, citizens_of, strict=True)
                                      for pos, c in enumerate(citizens)])
    return len(receptions)


def add_reception(db: Database, inp: ReceptionInput, track_reply: bool = False) -> str:
    """Record a visit. track_reply also enters it in the petition register (source: reception), so the
    10-working-day answer (Luật Tiếp công dân, Điều 28.1) and the processing limits are followed."""
    validate(inp)  # before opening the transaction: a bad entry never starts one
    with db.session() as s:
        rec = add_to_session(s, inp)
        if track_reply:
            from . import petitions  # here: the register builds on the book, not the reverse

            petitions.add_from_reception(s, rec, inp)
        return rec.id


def reception_ids(db: Database, search: str = "", start: date | None = None, end: date | None = None,
                  reception_type: str | None = None) -> list[str]:
    """Ids newest first: the projection a lazy table model holds (full-text search when asked)."""
    where, params = [], {}
    if start:
        where.append("t.received_on >= :start")
        params["start"] = start.isoformat()
    if end:
        where.append("t.received_on <= :end")
        params["end"] = end.isoformat()
    if reception_type:
        where.append("t.reception_type = :rtype")
        params["rtype"] = reception_type
    return ids_newest_first(db, "reception", "received_on", where, params, search)


_ROWS_SQL = ("SELECT id, received_on, reception_type, people_count, summary, classes, direction, receiver "
             "FROM reception WHERE id IN (SELECT value FROM json_each(?))")
_CITIZENS_SQL = ("SELECT reception_id, name, address, id_number FROM reception_citizen "
                 "WHERE reception_id IN (SELECT value FROM json_each(?)) AND deleted = 0 "
                 "ORDER BY reception_id, position")


def reception_rows(db: Database, ids: list[str]) -> list[ReceptionRow]:
    """Rows for a list page (no ORM objects); identity numbers always masked. Two indexed queries
    beat one with a correlated subquery per row by half on a search's first page."""
    if not ids:
        return []
    page = json.dumps(ids)
    with db.connection() as conn:
        found = {row[0]: row for row in conn.exec_driver_sql(_ROWS_SQL, (page,)).fetchall()}
        people: dict[str, list[tuple[str, str, str]]] = {}
        for rid, name, address, id_number in conn.exec_driver_sql(_CITIZENS_SQL, (page,)).fetchall():
            people.setdefault(rid, []).append((name, address, id_number))
    rows = []
    for rid in ids:
        rec = found.get(rid)
        if rec is None:
            continue
        citizens = people.get(rid, ())
        rows.append(ReceptionRow(
            id=rid, received_on=date.fromisoformat(rec[1]), reception_type=rec[2],
            names="; ".join(c[0] for c in citizens),
            address="; ".join(dict.fromkeys(c[1] for c in citizens if c[1])),
            id_numbers="; ".join(mask(c[2]) for c in citizens if c[2]), people_count=rec[3], summary=rec[4],
            classes=rec[5], direction=rec[6], receiver=rec[7],
        ))
    return rows


def citizens_of(db: Database, reception_id: str, viewer: access.Viewer | None = None) -> list[CitizenInput]:
    """The citizens of one visit for its detail view; full identity numbers only for allowed roles."""
    viewer = viewer or access.current_viewer(db)
    full = access.may_see_full_ids(viewer)
    with db.reader() as s:
        rows = s.scalars(select(ReceptionCitizen).where(ReceptionCitizen.reception_id == reception_id,
                                                        ReceptionCitizen.deleted.is_(False))
                         .order_by(ReceptionCitizen.position))
        return [CitizenInput(c.name, c.address, c.id_number if full else mask(c.id_number), c.id_kind,
                             c.birth_year, c.is_representative) for c in rows]


def statistics(db: Database, start: date, end: date) -> ReceptionStats:
    threshold = delegation_threshold()
    stmt = (select(Reception.reception_type, Reception.people_count, Reception.classes)
            .where(Reception.deleted.is_(False), Reception.received_on >= start, Reception.received_on <= end))
    parts = {"regular": [0, 0, 0, 0], "leaders": [0, 0, 0, 0]}
    by_class: dict[str, int] = dict.fromkeys(CLASSES, 0)
    delegation_classes: dict[str, set[str]] = {"regular": set(), "leaders": set()}
    with db.reader() as s:
        for rtype, people, classes in s.execute(stmt):
            key = "regular" if rtype == "regular" else "leaders"
            acc = parts[key]
            acc[0] += 1
            acc[1] += people
            if people >= threshold:
                acc[2] += 1
                acc[3] += people
                delegation_classes[key].update(c for c in classes.split(",") if c)
            for c in classes.split(","):
                if c:
                    by_class[c] += 1
    regular, leaders = Counts(*parts["regular"]), Counts(*parts["leaders"])
    total = Counts(*(a + b for a, b in zip(parts["regular"], parts["leaders"], strict=True)))
    return ReceptionStats(start, end, total, regular, leaders, by_class, delegation_classes)


def _n(value: int) -> str:
    """Report style: "04 đoàn", "75 lượt", "1.234 công dân"."""
    return count_vn(value)


def _delegations(c: Counts, classes: set[str] | None = None) -> str:
    if not c.delegations:
        return "không có đoàn đông người"
    tail = ""
    if classes and len(classes) == 1:
        tail = f" đến {CLASS_LABELS[next(iter(classes))]}"
    return f"trong đó có {_n(c.delegations)} đoàn đông người với {_n(c.delegation_citizens)} công dân{tail}"


def statistics_paragraph(st: ReceptionStats, leaders_of: str = "UBND xã") -> str:
    """The reception paragraph of a six-month or annual report, in the report's own words."""
    t, r, lead = st.total, st.regular, st.leaders
    since = f"Tính từ ngày {format_vn(st.start)} đến ngày {format_vn(st.end)}, "
    if not t.receptions:  # zero as the province writes it ("không có …"), never "00 lượt với 00 công dân"
        return since + "không có lượt tiếp công dân."
    regular = (f"Tiếp thường xuyên {_n(r.receptions)} lượt với {_n(r.citizens)} công dân "
               f"{_delegations(r, st.delegation_classes.get('regular'))}." if r.receptions
               else "Không có lượt tiếp thường xuyên.")
    leaders = (f"Tiếp {_n(lead.receptions)} lượt với {_n(lead.citizens)} công dân "
               f"{_delegations(lead, st.delegation_classes.get('leaders'))}." if lead.receptions
               else "không có lượt tiếp.")
    return (f"{since}đã tiếp {_n(t.receptions)} lượt với {_n(t.citizens)} công dân {_delegations(t)}. "
            f"{regular} Tiếp định kỳ, đột xuất của lãnh đạo {leaders_of}: {leaders}")


def weeks_without_periodic(db: Database, start: date, end: date) -> list[date]:
    """Mondays of the weeks (with at least one working day) without the chairman's periodic reception.

    The chairman must receive citizens at the commune office at least one day a week
    (Luật Tiếp công dân, Điều 15.2.d).
    """
    cal = reference.working_calendar()
    with db.reader() as s:
        days = set(s.scalars(select(Reception.received_on).where(
            Reception.deleted.is_(False), Reception.reception_type == "periodic",
            Reception.received_on >= start - timedelta(days=6), Reception.received_on <= end + timedelta(days=6))))
    missing = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        week = [monday + timedelta(days=i) for i in range(7)]
        if any(cal.is_working_day(d) for d in week) and not any(d in days for d in week):
            missing.append(monday)
        monday += timedelta(days=7)
    return missing


def count(db: Database) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(Reception).where(Reception.deleted.is_(False))) or 0


@dataclass(slots=True)
class BookRow:
    """One visit as the 13 columns of Mẫu 03/TCD print it, plus the reception type and who received."""

    received_on: date
    people: str  # "Name, address" per citizen, one per line
    id_numbers: str
    summary: str
    classes: str
    people_count: int
    prior_authorities: str
    accepted: bool
    guided: str
    forwarded: str
    followup: str
    notes: str
    reception_type: str
    receiver: str


_BOOK_SQL = ("SELECT r.id, r.received_on, r.summary, r.classes, r.people_count, r.prior_authorities, r.direction, "
             "r.direction_target, r.direction_doc, r.followup, r.notes, r.reception_type, r.receiver "
             "FROM reception r WHERE r.deleted = 0 AND r.received_on BETWEEN ? AND ? "
             "ORDER BY r.received_on, r.rowid")
_BOOK_CITIZENS_SQL = ("SELECT c.reception_id, c.name, c.address, c.id_number FROM reception_citizen c "
                      "JOIN reception r ON r.id = c.reception_id WHERE c.deleted = 0 AND r.deleted = 0 "
                      "AND r.received_on BETWEEN ? AND ? ORDER BY c.reception_id, c.position")


def book_rows(db: Database, start: date, end: date, viewer: access.Viewer | None = None,
              signed: bool = False) -> list[BookRow]:
    """The book of a period in date order, for the printed Sổ tiếp công dân; identity numbers in full
    only for roles allowed to see them (the form has the column), masked otherwise. Once the PC has
    accounts, whole only in the register a leader signs (its purpose: the legal record); a copy, a
    preview or a draft is masked."""
    full = access.may_see_full_ids(viewer or access.current_viewer(db)) and (signed or not db.role)
    params = (start.isoformat(), end.isoformat())
    with db.connection() as conn:
        visits = conn.exec_driver_sql(_BOOK_SQL, params).fetchall()
        people: dict[str, list[tuple[str, str, str]]] = {}
        for rid, name, address, id_number in conn.exec_driver_sql(_BOOK_CITIZENS_SQL, params).fetchall():
            people.setdefault(rid, []).append((name, address, id_number))
    rows = []
    for (rid, day, summary, classes, count, prior, direction, target, doc, followup, notes, rtype,
         receiver) in visits:
        citizens = people.get(rid, [])
        where = f"{target}" + (f" (văn bản {doc})" if doc else "")
        rows.append(BookRow(
            date.fromisoformat(day), "\n".join(f"{n}, {a}" if a else n for n, a, _i in citizens),
            "\n".join((i if full else mask(i)) for _n, _a, i in citizens if i), summary,
            ", ".join(CLASS_LABELS.get(c, c) for c in classes.split(",") if c), count, prior,
            direction == "accept", where if direction == "guide" else "", where if direction == "forward" else "",
            followup, notes, TYPE_LABELS.get(rtype, rtype), receiver))
    return rows
