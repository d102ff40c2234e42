"""Which disclosures a year requires and whether each was made as the rules in force demanded."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..domain.disclosure import (
    SEVERITY,
    STATUS_LABELS,
    Assessment,
    DisclosureKind,
    PostingFacts,
    Problem,
    assess,
)
from ..storage.db import Database
from ..storage.transparency import Posting
from . import postings, reference


@dataclass
class RequiredDisclosure:
    kind: str
    item: int
    name_vi: str
    name_en: str
    subject_period: str
    deadline: date | None
    status: str
    problems: list[Problem]
    posting_id: str | None
    papi: list[str]
    villages: dict[str, str] = field(default_factory=dict)  # village name -> status (where villages are required)
    sources: list[str] = field(default_factory=list)

    def reason(self, lang: str = "vi") -> str:
        return "; ".join(p.en if lang == "en" else p.vi for p in self.problems)

    def as_json(self, lang: str = "vi") -> dict[str, object]:
        return {
            "kind": self.kind, "item": self.item, "name": self.name_en if lang == "en" else self.name_vi,
            "period": self.subject_period, "deadline": self.deadline.isoformat() if self.deadline else None,
            "status": self.status, "reason": self.reason(lang), "posting_id": self.posting_id, "papi": self.papi,
            "villages": self.villages, "sources": self.sources,
        }


def _papi(kind: DisclosureKind) -> list[str]:
    return list(reference.disclosure_items().get(kind.item, {}).get("papi", []))


def assess_posting(db: Database, posting_id: str, today: date) -> Assessment:
    with db.reader() as s:
        villages, loud, portal = postings.context(s)
        found = postings.load_postings(s, [Posting.id == posting_id])
        if not found:
            from ..domain.errors import KnownError  # noqa: PLC0415

            raise KnownError("Mục công khai không còn tồn tại.", "The posting no longer exists.")
        return assess(postings.facts_of(found[0], villages, loud, portal), list(reference.disclosure_layers()),
                      reference.working_calendar(), today)


def _expected(kinds: tuple[DisclosureKind, ...], year: int) -> list[tuple[DisclosureKind, str]]:
    """The disclosures every year requires, whether or not anything was recorded."""
    out: list[tuple[DisclosureKind, str]] = []
    for kind in kinds:
        if kind.period == "quarters":
            out.extend((kind, f"{year}-Q{q}") for q in range(1, 5))
        elif kind.period:
            out.append((kind, f"{year}-{kind.period}"))
        elif kind.expected_by or kind.permanent:
            out.append((kind, str(year)))
    return out


def _best(assessments: list[tuple[str, Assessment]]) -> tuple[str, Assessment]:
    return max(assessments, key=lambda pa: SEVERITY.index(pa[1].status))


def check_year(db: Database, year: int, today: date) -> list[RequiredDisclosure]:
    """Every required disclosure of a year with its status and reason, in item order."""
    with db.reader() as s:
        villages, loud, portal = postings.context(s)
        loaded = postings.load_postings(s)
    return judge_year(loaded, villages, loud, portal, year, today)


def judge_year(loaded: list[Posting], villages: list[tuple[str, str]], loud: bool, portal: bool, year: int,
               today: date) -> list[RequiredDisclosure]:
    """check_year on what it reads, already loaded (the province judges every commune's from one read)."""
    kinds = reference.disclosure_kinds()
    layers = list(reference.disclosure_layers())
    calendar = reference.working_calendar()
    names = dict(villages)

    def judge(p: Posting) -> Assessment:
        return assess(postings.facts_of(p, villages, loud, portal), layers, calendar, today)

    by_key: dict[tuple[str, str], list[Posting]] = {}
    for p in loaded:
        by_key.setdefault((p.kind, p.subject_period), []).append(p)
    first_day, last_day = date(year, 1, 1), date(year, 12, 31)
    out: list[RequiredDisclosure] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: DisclosureKind, period: str, found: list[Posting]) -> None:
        if found:
            posting_id, result = _best([(p.id, judge(p)) for p in found])
        else:
            posting_id = None
            anchor = postings.anchor_of(kind.code, period, None)
            result = assess(PostingFacts(kind, anchor, None, None, (), (), tuple(villages), loud, portal),
                            layers, calendar, today)
            if kind.expected_by and result.deadline is None and result.status != "unknown":
                by = date(year, *kind.expected_by)
                status = "due" if today <= by else "missing"
                result = Assessment(status, [Problem(status, f"Chưa công khai; thường phải xong trước {by:%d/%m/%Y} "
                                                             "(mặc định của chương trình)",
                                                     f"Not disclosed; usually done by {by:%d/%m/%Y} (program default)")],
                                    by, result.rule)
        if kind.permanent and found:
            start = next((p.start_on for p in found if p.id == posting_id), None)
            if start and start > first_day:
                result.problems.append(Problem("late", f"Chỉ niêm yết từ {start:%d/%m/%Y}, không phải cả năm",
                                               f"Posted only from {start:%d/%m/%Y}, not all year"))
                result.status = min(result.status, "late", key=SEVERITY.index)
        places = result.place_status
        needs_villages = result.rule is not None and "villages" in result.rule.places
        village_status = ({names[v]: places.get(v, "missing" if posting_id else result.status) for v in names}
                          if needs_villages else {})
        out.append(RequiredDisclosure(
            kind=kind.code, item=kind.item, name_vi=kind.name_vi, name_en=kind.name_en, subject_period=period,
            deadline=result.deadline, status=result.status, problems=result.problems, posting_id=posting_id,
            papi=_papi(kind), villages=village_status, sources=result.rule.sources if result.rule else []))

    for kind, period in _expected(kinds, year):
        if kind.permanent:  # must hang all year: any posting of the kind that overlaps the year counts
            found = [p for p in loaded if p.kind == kind.code and p.start_on and p.start_on <= last_day
                     and (p.end_on is None or p.end_on >= first_day)]
            seen.update((p.kind, p.subject_period) for p in found)
        else:
            found = by_key.get((kind.code, period), [])
        seen.add((kind.code, period))
        add(kind, period, found)
    for (code, period), found in sorted(by_key.items()):
        if (code, period) not in seen and period[:4] == str(year):
            add(reference.disclosure_kind(code), period, found)
    order = {k.code: i for i, k in enumerate(kinds)}
    out.sort(key=lambda r: (r.item == 0, r.item, order.get(r.kind, 99), r.subject_period))
    return out


@dataclass(frozen=True)
class ItemSummary:
    item: int
    name_vi: str
    name_en: str
    short_vi: str
    short_en: str
    papi: list[str]
    counts: dict[str, int]


def summary_by_item(required: list[RequiredDisclosure]) -> list[ItemSummary]:
    """Counts of statuses per disclosure item (for the dashboard's chart)."""
    items = reference.disclosure_items()
    grouped: dict[int, Counter[str]] = {}
    for r in required:
        grouped.setdefault(r.item, Counter())[r.status] += 1
    return [ItemSummary(i, items[i]["name_vi"], items[i]["name_en"], items[i]["short_vi"], items[i]["short_en"],
                        list(items[i].get("papi", [])), dict(c))
            for i, c in sorted(grouped.items(), key=lambda ic: (ic[0] == 0, ic[0]))]


def summary_by_village(required: list[RequiredDisclosure]) -> dict[str, dict[str, int]]:
    """For each village, how many of the disclosures that must reach its cultural house did."""
    out: dict[str, Counter[str]] = {}
    for r in required:
        for village, status in r.villages.items():
            out.setdefault(village, Counter())[status] += 1
    return {v: dict(c) for v, c in out.items()}


def status_label(status: str, lang: str = "vi") -> str:
    vi, en = STATUS_LABELS.get(status, (status, status))
    return en if lang == "en" else vi


@dataclass(slots=True)
class PostingRow:
    id: str
    start_on: date | None
    end_on: date | None
    title: str
    kind: str
    item: int
    subject_period: str
    places: int
    status: str
    deadline: date | None
    reason_vi: str
    reason_en: str


def posting_ids(db: Database, search: str = "", year: int | None = None) -> list[str]:
    """Postings newest first (not yet posted ones first of all), for the register's lazy list."""
    from sqlalchemy import or_, select  # noqa: PLC0415

    from ..domain.text import fold  # noqa: PLC0415

    with db.reader() as s:
        stmt = select(Posting.id).where(Posting.deleted.is_(False))
        if year is not None:
            stmt = stmt.where(or_(Posting.subject_period.like(f"{year}%"),
                                  Posting.start_on.between(date(year, 1, 1), date(year, 12, 31))))
        for word in fold(search).split():
            stmt = stmt.where(Posting.search_text.like(f"%{word}%"))
        stmt = stmt.order_by(Posting.start_on.is_(None).desc(), Posting.start_on.desc(), Posting.doc_date.desc())
        return list(s.scalars(stmt))


def posting_rows(db: Database, ids: list[str], today: date) -> list[PostingRow]:
    layers = list(reference.disclosure_layers())
    calendar = reference.working_calendar()
    with db.reader() as s:
        villages, loud, portal = postings.context(s)
        loaded = {p.id: p for p in postings.load_postings(s, [Posting.id.in_(ids)])}
    rows = []
    for pid in ids:
        p = loaded.get(pid)
        if p is None:
            continue
        result = assess(postings.facts_of(p, villages, loud, portal), layers, calendar, today)
        rows.append(PostingRow(p.id, p.start_on, p.end_on, p.title, p.kind, reference.disclosure_kind(p.kind).item,
                               p.subject_period, len([x for x in p.places if not x.deleted]), result.status,
                               result.deadline, result.reason("vi"), result.reason("en")))
    return rows
