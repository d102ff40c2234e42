"""The yearly review of poor and near-poor households: the preliminary list (imported or entered),
its posting, objections and their re-check (phúc tra), the recognised final list, and what changed
since last year. Identity numbers are masked wherever the list is shown or printed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..domain.errors import KnownError
from ..domain.identity import check_cccd, mask
from ..domain.numbers import group_vn
from ..domain.poverty_table import HouseholdRow, Indicator, PovertyParse, expected_class, parse_poverty
from ..domain.text import fold, nfc
from ..storage.changelog import bulk_insert
from ..storage.db import Database
from ..storage.transparency import Posting, PovertyHousehold, PovertyObjection, PovertyReview
from . import access, backup, positions, postings, reference
from .common import tombstone
from .workbook_checks import count_range
from .workbooks import read_sheets

CLASSES = ("ngheo", "can_ngheo", "thoat_ngheo", "thoat_can_ngheo")
ON_LIST = ("ngheo", "can_ngheo")  # the classes that put a household on the list


def class_name(code: str, lang: str = "vi") -> str:
    for c in reference.poverty_standards()["classes"]:
        if c["code"] == code:
            return c["name_en" if lang == "en" else "name_vi"]
    return code or ("Không thuộc diện" if lang != "en" else "Not on the list")


def _classes() -> list[tuple[str, tuple[str, ...]]]:
    return [(c["code"], tuple(c["words"])) for c in reference.poverty_standards()["classes"]]


@dataclass(frozen=True)
class Standard:
    code: str
    name_vi: str
    income_rural: int
    income_urban: int
    min_deprivations_poor: int
    indicators: tuple[Indicator, ...]
    source: str


def standards() -> list[Standard]:
    data = reference.poverty_standards()["standards"]
    by_code = {s["code"]: s for s in data}
    out = []
    for s in data:
        inds = s["indicators"] if isinstance(s["indicators"], list) else by_code[s["indicators"]]["indicators"]
        out.append(Standard(s["code"], s["name_vi"], int(s["income_rural"]), int(s["income_urban"]),
                            int(s["min_deprivations_poor"]),
                            tuple(Indicator(i["code"], i["name_vi"], tuple(i["words"])) for i in inds), s["source"]))
    return out


def standard_for_year(year: int) -> Standard:
    """The 2022–2025 standard through 2026, the 2027–2030 standard after (Nghị định 351/2025/NĐ-CP)."""
    for s in reference.poverty_standards()["standards"]:
        if s["years_from"] <= year <= s["years_to"]:
            return next(x for x in standards() if x.code == s["code"])
    raise KnownError(f"Chưa có chuẩn nghèo cho năm {year} trong dữ liệu tham chiếu.",
                     f"No poverty standard for {year} in the reference data.")


def standard(code: str) -> Standard:
    for s in standards():
        if s.code == code:
            return s
    raise KnownError(f"Không có chuẩn nghèo “{code}”.", f"No poverty standard “{code}”.")


def consistency_warning(h: HouseholdRow, std: Standard) -> tuple[str, str] | None:
    """A poor or near-poor household whose income and deprivations are known: does its class follow
    the standard? (A warning in the preview: the commune may know better; nothing is blocked.)"""
    if h.klass not in ON_LIST:
        return None
    count = h.deprivation_count if h.deprivation_count is not None else (len(h.deprivations) or None)
    want = expected_class(h.income, count, h.area, std.income_rural, std.income_urban, std.min_deprivations_poor)
    if want is None or want == h.klass:
        return None
    return (f"{h.head_name}: thu nhập {group_vn(h.income or 0)} đ/người/tháng, thiếu hụt {count} chỉ số — theo "
            f"{std.name_vi} là “{class_name(want) if want else 'không thuộc diện'}”, danh sách ghi "
            f"“{class_name(h.klass)}”",
            f"{h.head_name}: income {h.income:,} per person a month, {count} deprivations — under the standard "
            f"this is “{class_name(want, 'en') if want else 'not on the list'}”, the list says "
            f"“{class_name(h.klass, 'en')}”")


# ---- reviews ----

@dataclass
class ReviewInfo:
    id: str
    year: int
    standard: str
    listed_on: date | None
    recheck_on: date | None
    decision_number: str
    decided_on: date | None
    households: int
    counts: dict[str, int]
    open_objections: int
    postings: dict[str, str]  # step -> posting id

    @property
    def step(self) -> str:
        """preliminary → posted → objections → rechecked → final."""
        if self.decided_on:
            return "final"
        if self.open_objections:
            return "objections"
        if self.recheck_on:
            return "rechecked"
        if "preliminary" in self.postings:
            return "posted"
        return "preliminary"


def ensure_review(db: Database, year: int, standard_code: str | None = None) -> str:
    code = standard_code or standard_for_year(year).code
    standard(code)
    with db.session() as s:
        return _review_in(s, year, code).id


def _review_in(s, year: int, code: str) -> PovertyReview:  # noqa: ANN001
    """The year's review, made in the caller's transaction if there is none yet."""
    found = s.scalar(select(PovertyReview).where(PovertyReview.deleted.is_(False), PovertyReview.year == year))
    if found is not None:
        return found
    review = PovertyReview(year=year, standard=code)
    s.add(review)
    s.flush()
    return review


def review_of_year(db: Database, year: int) -> ReviewInfo | None:
    with db.reader() as s:
        rid = s.scalar(select(PovertyReview.id).where(PovertyReview.deleted.is_(False), PovertyReview.year == year))
    return review(db, rid) if rid else None


def review(db: Database, review_id: str) -> ReviewInfo:
    with db.reader() as s:
        r = s.get(PovertyReview, review_id)
        if r is None or r.deleted:
            raise KnownError("Đợt rà soát không còn tồn tại.", "The review no longer exists.")
        live = [h for h in r.households if not h.deleted]
        final = bool(r.decided_on)
        counts: dict[str, int] = {}
        for h in live:
            k = (h.final_class if final else h.preliminary_class) or "khong"
            counts[k] = counts.get(k, 0) + 1
        steps = {}
        for p in s.scalars(select(Posting).where(Posting.deleted.is_(False), Posting.poverty_review_id == r.id)):
            step = reference.disclosure_kind(p.kind).poverty_step
            if step:
                steps[step] = p.id
        open_obj = sum(1 for o in r.objections if not o.deleted and o.rechecked_on is None)
        return ReviewInfo(r.id, r.year, r.standard, r.listed_on, r.recheck_on, r.decision_number, r.decided_on,
                          len(live), counts, open_obj, steps)


def _editable(r: PovertyReview | None) -> PovertyReview:
    if r is None or r.deleted:
        raise KnownError("Đợt rà soát không còn tồn tại.", "The review no longer exists.")
    if r.decided_on:
        raise KnownError(
            f"Danh sách năm {r.year} đã được công nhận (Quyết định {r.decision_number}); không sửa được nữa. "
            "Thay đổi trong năm ghi vào đợt rà soát thường xuyên sau.",
            f"The {r.year} list is recognised (decision {r.decision_number}) and can no longer change.")
    return r


@dataclass
class PovertyPreview:
    source: Path
    sha256: str
    parsed: PovertyParse
    year: int
    standard: str
    warnings: list[tuple[int, str, str]] = field(default_factory=list)
    replaces: int = 0  # households of the year's preliminary list that the import replaces

    def summary(self, lang: str = "vi") -> dict[str, object]:
        counts: dict[str, int] = {}
        for h in self.parsed.rows:
            counts[h.klass] = counts.get(h.klass, 0) + 1
        return {
            "file": str(self.source), "year": self.year, "standard": self.standard,
            "households": len(self.parsed.rows), "by_class": counts, "replaces": self.replaces,
            "errors": [{"row": r, "reason": en if lang == "en" else vi} for r, vi, en in self.parsed.errors],
            "warnings": [{"row": r, "reason": en if lang == "en" else vi} for r, vi, en in self.warnings],
        }


def preview_import(db: Database, path: Path, year: int | None = None) -> PovertyPreview:
    """Read and check a household list (classes, indicators, numbers, CCCD); writes nothing."""
    path = Path(path)
    sheets = read_sheets(path, kind="poverty")
    parsed: PovertyParse | None = None
    probe_year = year
    for _name, rows in sheets:
        std = standard_for_year(probe_year or _year_in(rows) or date.today().year)
        candidate = parse_poverty(rows, list(std.indicators), _classes(), {
            "members": count_range("household_members"), "income": count_range("household_income"),
            "score": count_range("household_score")})
        if candidate.header_row is not None:
            parsed = candidate
            break
    if parsed is None:
        raise KnownError(
            "Không tìm thấy danh sách hộ nghèo, hộ cận nghèo: cần dòng tiêu đề có cột Họ và tên chủ hộ và cột Phân "
            "loại. Không có dữ liệu nào được ghi.",
            "No household list found: a header with Họ và tên chủ hộ and Phân loại is needed. Nothing was written.")
    year = year or parsed.year
    if year is None:
        raise KnownError("Không xác định được năm của danh sách từ tiêu đề (… NĂM 2026). Hãy chỉ rõ năm (--year).",
                         "Cannot tell the list's year from its title. Give the year (--year).")
    if not parsed.rows and not parsed.errors:
        raise KnownError("Danh sách không có hộ nào. Không có dữ liệu nào được ghi.",
                         "The list has no household. Nothing was written.")
    std = standard_for_year(year)
    codes = reference.province_codes()

    for h in list(parsed.rows):
        if h.id_number.isdigit() and len(h.id_number) == 12:
            result = check_cccd(h.id_number, set(codes))
            if not result.ok:
                parsed.errors.append((h.row, f"{h.head_name}: {result.vi}", f"{h.head_name}: {result.en}"))
                parsed.rows.remove(h)
    warnings = [(h.row, *w) for h in parsed.rows for w in [consistency_warning(h, std)] if w]
    parsed.errors.sort()
    existing = review_of_year(db, year)
    if existing and existing.decided_on:
        raise KnownError(f"Danh sách năm {year} đã được công nhận (Quyết định {existing.decision_number}); không nhập "
                         "lại được. Không có dữ liệu nào được ghi.",
                         f"The {year} list is already recognised; it cannot be imported again. Nothing was written.")
    return PovertyPreview(path, hashlib.sha256(path.read_bytes()).hexdigest(), parsed, year, std.code, warnings,
                          existing.households if existing else 0)


def _year_in(rows: list[tuple[int, list[str]]]) -> int | None:
    import re  # noqa: PLC0415

    for _r, cells in rows[:10]:
        m = re.search(r"\bn[aă]m\s+(\d{4})\b", " ".join(cells), re.IGNORECASE)
        if m:
            return int(m[1])
    return None


def apply_import(db: Database, preview: PovertyPreview, listed_on: date | None = None) -> int:
    """The year's preliminary list becomes the file's households, in one transaction; nothing on any error."""
    backup.before_import(db)
    if preview.parsed.errors:
        row, vi, en = preview.parsed.errors[0]
        raise KnownError(f"Tệp còn {len(preview.parsed.errors)} dòng lỗi (dòng {row}: {vi}). Hãy sửa rồi nhập lại; "
                         "chưa có dữ liệu nào được ghi.",
                         f"The file has {len(preview.parsed.errors)} rows with errors (row {row}: {en}). Fix them "
                         "and import again; nothing was written.")
    standard(preview.standard)
    rows = [{"position": pos, "head_name": h.head_name, "id_number": h.id_number, "village": h.village,
             "ethnicity": h.ethnicity, "members": h.members, "area": h.area, "income": h.income, "score": h.score,
             "deprivations": ",".join(h.deprivations), "deprivation_count": h.deprivation_count,
             "preliminary_class": h.klass, "final_class": "", "notes": h.notes}
            for pos, h in enumerate(preview.parsed.rows)]
    with db.session() as s:
        # The review is made in the same transaction as its households (a kill leaves neither), and
        # the list in place is read inside it: the same file imported twice at once is written once.
        r = _editable(_review_in(s, preview.year, preview.standard))
        live = [h for h in r.households if not h.deleted]
        if rows and [{k: getattr(h, k) for k in rows[0]} for h in live] == rows:
            return 0  # this very list is already the year's preliminary list: nothing new
        for h in live:
            tombstone(h)
        r.listed_on = listed_on or r.listed_on or date.today()
        r.source_name = preview.source.name
        s.flush()
        bulk_insert(s, PovertyHousehold, [{"review_id": r.id, **row} for row in rows])
    return len(rows)


@dataclass(frozen=True)
class HouseholdInfo:
    id: str
    position: int
    head_name: str
    id_number: str  # masked unless the viewer may see it
    village: str
    ethnicity: str
    members: int
    area: str
    income: int | None
    deprivations: list[str]
    deprivation_count: int | None
    preliminary_class: str
    final_class: str
    notes: str

    @property
    def klass(self) -> str:
        return self.final_class or self.preliminary_class


def households(db: Database, review_id: str, viewer: access.Viewer | None = None,
               full_ids: bool = False) -> list[HouseholdInfo]:
    """The list in order; identity numbers masked unless asked for and the viewer may see them."""
    show = full_ids and access.may_see_full_ids(viewer or access.current_viewer(db))
    with db.reader() as s:
        rows = s.scalars(select(PovertyHousehold).where(PovertyHousehold.deleted.is_(False),
                                                        PovertyHousehold.review_id == review_id)
                         .order_by(*positions.order(PovertyHousehold)))
        return [HouseholdInfo(h.id, h.position, h.head_name, h.id_number if show else mask(h.id_number), h.village,
                              h.ethnicity, h.members, h.area, h.income,
                              [d for d in h.deprivations.split(",") if d], h.deprivation_count,
                              h.preliminary_class, h.final_class, h.notes) for h in rows]


@dataclass(slots=True)
class HouseholdInput:
    """A household entered by hand on the year's preliminary list."""
    head_name: str
    klass: str  # one of CLASSES
    village: str = ""
    id_number: str = ""
    members: int = 1
    ethnicity: str = ""
    area: str = "rural"  # rural | urban
    income: int | None = None  # đồng a person a month
    deprivations: list[str] = field(default_factory=list)
    notes: str = ""


def add_household(db: Database, review_id: str, inp: HouseholdInput) -> str:
    if not nfc(inp.head_name):
        raise KnownError("Hãy nhập họ tên chủ hộ.", "Enter the head of household's name.")
    if inp.klass not in CLASSES:
        raise KnownError("Hãy chọn phân loại hộ.", "Choose the household's class.")
    if inp.members < 1:
        raise KnownError("Số nhân khẩu phải từ 1 trở lên.", "A household has at least 1 member.")
    with db.session() as s:
        _editable(s.get(PovertyReview, review_id))
        position = positions.next_position(s, PovertyHousehold, "review_id", review_id)
        h = PovertyHousehold(review_id=review_id, position=position, head_name=nfc(inp.head_name),
                             id_number=inp.id_number.strip(), village=nfc(inp.village),
                             ethnicity=nfc(inp.ethnicity), members=inp.members, area=inp.area, income=inp.income,
                             deprivations=",".join(inp.deprivations), preliminary_class=inp.klass,
                             notes=nfc(inp.notes))
        s.add(h)
        s.flush()
        return h.id


@dataclass(slots=True)
class ListPostingInput:
    """The posting of one step of the review: the kind, period and review come from the review itself."""
    step: str  # preliminary | recheck | final
    start_on: date
    places: list[postings.PlaceInput]
    channels: list[postings.ChannelInput] = field(default_factory=list)
    doc_number: str = ""
    doc_date: date | None = None  # None: the list's date, or the decision's for the final list
    end_on: date | None = None
    feedback_to: str = ""
    feedback_until: date | None = None


def post_list(db: Database, review_id: str, inp: ListPostingInput) -> str:
    """Post the preliminary list, the re-check results or the final list: a posting in the register,
    linked to the review, checked like any other (3 working days at the seat and every cultural house)."""
    step = inp.step
    kind = {"preliminary": "poverty_preliminary", "recheck": "poverty_recheck", "final": "poverty_final"}.get(step)
    if kind is None:
        raise KnownError(f"Bước “{step}” không hợp lệ.", f"Unknown step “{step}”.")
    info = review(db, review_id)
    if step == "final" and not info.decided_on:
        raise KnownError("Danh sách chưa được công nhận: hãy ghi quyết định công nhận trước khi niêm yết danh sách "
                         "cuối cùng.", "The list is not recognised yet: record the decision first.")
    posting = postings.PostingInput(
        kind=kind, subject_period=str(info.year), doc_number=inp.doc_number,
        doc_date=inp.doc_date or (info.decided_on if step == "final" else info.listed_on),
        start_on=inp.start_on, end_on=inp.end_on, places=inp.places, channels=inp.channels,
        feedback_to=inp.feedback_to, feedback_until=inp.feedback_until, poverty_review_id=review_id)
    with db.session() as s:
        return postings.add_posting_in(s, posting)


def add_objection(db: Database, review_id: str, received_on: date, content: str, sender: str = "",
                  household_id: str | None = None) -> str:
    if not nfc(content):
        raise KnownError("Hãy ghi nội dung ý kiến, khiếu nại.", "Enter the objection.")
    with db.session() as s:
        _editable(s.get(PovertyReview, review_id))
        o = PovertyObjection(review_id=review_id, household_id=household_id, received_on=received_on,
                             sender=nfc(sender), content=nfc(content))
        s.add(o)
        s.flush()
        return o.id


def recheck(db: Database, objection_id: str, rechecked_on: date, result: str, class_after: str) -> None:
    """The re-check (phúc tra) of one objection: what was found and the household's class after it
    ('' keeps the household off the list)."""
    if class_after not in (*CLASSES, ""):
        raise KnownError(f"Phân loại “{class_after}” không hợp lệ.", f"Unknown class “{class_after}”.")
    if not nfc(result):
        raise KnownError("Hãy ghi kết quả phúc tra.", "Enter the re-check's result.")
    with db.session() as s:
        o = s.get(PovertyObjection, objection_id)
        if o is None or o.deleted:
            raise KnownError("Ý kiến không còn tồn tại.", "The objection no longer exists.")
        r = _editable(s.get(PovertyReview, o.review_id))
        if rechecked_on < o.received_on:
            raise KnownError("Ngày phúc tra trước ngày nhận ý kiến.", "The re-check is dated before the objection.")
        o.rechecked_on, o.result, o.class_after = rechecked_on, nfc(result), class_after
        if r.recheck_on is None or rechecked_on > r.recheck_on:
            r.recheck_on = rechecked_on


def finalize(db: Database, review_id: str, decision_number: str, decided_on: date) -> dict[str, int]:
    """The chairman's recognition: every household's final class is its preliminary one, or what its
    latest re-check found. Refused while an objection waits for its re-check."""
    if not nfc(decision_number):
        raise KnownError("Hãy ghi số quyết định công nhận (ví dụ 125/QĐ-UBND).", "Enter the decision's number.")
    with db.session() as s:
        r = _editable(s.get(PovertyReview, review_id))
        waiting = [o for o in r.objections if not o.deleted and o.rechecked_on is None]
        if waiting:
            raise KnownError(f"Còn {len(waiting)} ý kiến chưa phúc tra. Hãy phúc tra xong trước khi công nhận danh "
                             "sách.", f"{len(waiting)} objections wait for their re-check.")
        after = {}
        rechecked = [(o.rechecked_on, o) for o in r.objections  # each re-checked: none waits (above)
                     if not o.deleted and o.household_id and o.rechecked_on is not None]
        for _on, o in sorted(rechecked, key=lambda pair: pair[0]):
            after[o.household_id] = o.class_after
        counts: dict[str, int] = {}
        for h in r.households:
            if h.deleted:
                continue
            final = after.get(h.id, h.preliminary_class)
            h.final_class = final
            counts[final or "khong"] = counts.get(final or "khong", 0) + 1
        r.decision_number, r.decided_on = nfc(decision_number), decided_on
        return counts


@dataclass(frozen=True)
class Difference:
    change: str  # new | leaving | changed
    head_name: str
    village: str
    before: str
    after: str


def _key(h: HouseholdInfo, by_id: bool) -> str:
    return h.id_number if by_id else f"{fold(h.head_name)}|{fold(h.village)}"


def differences(db: Database, year: int) -> list[Difference]:
    """This year's list against last year's: households new on it, leaving it, or changing class.
    Households are matched by identity number where both lists have it, else by name and village."""
    this, last = review_of_year(db, year), review_of_year(db, year - 1)
    if this is None:
        raise KnownError(f"Chưa có danh sách năm {year}.", f"No list for {year} yet.")
    if last is None:
        raise KnownError(f"Chưa có danh sách năm {year - 1} để so sánh.", f"No {year - 1} list to compare with.")
    viewer = access.Viewer("comparison", "reception_officer")  # full numbers to match on, never shown
    now = households(db, this.id, viewer, full_ids=True)
    before = households(db, last.id, viewer, full_ids=True)
    by_id = all(h.id_number for h in now + before)
    old = {_key(h, by_id): h for h in before if h.klass in ON_LIST}
    new = {_key(h, by_id): h for h in now}
    out: list[Difference] = []
    for key, h in new.items():
        prev = old.get(key)
        if h.klass in ON_LIST and prev is None:
            out.append(Difference("new", h.head_name, h.village, "", h.klass))
        elif prev is not None and h.klass not in ON_LIST:
            out.append(Difference("leaving", h.head_name, h.village, prev.klass, h.klass))
        elif prev is not None and prev.klass != h.klass:
            out.append(Difference("changed", h.head_name, h.village, prev.klass, h.klass))
    for key, prev in old.items():
        if key not in new:
            out.append(Difference("leaving", prev.head_name, prev.village, prev.klass, ""))
    order = {"new": 0, "changed": 1, "leaving": 2}
    return sorted(out, key=lambda d: (order[d.change], fold(d.village), fold(d.head_name)))


@dataclass(frozen=True)
class ObjectionInfo:
    id: str
    received_on: date
    sender: str
    content: str
    household_id: str | None
    rechecked_on: date | None
    result: str
    class_after: str


def objections(db: Database, review_id: str) -> list[ObjectionInfo]:
    with db.reader() as s:
        rows = s.scalars(select(PovertyObjection).where(PovertyObjection.review_id == review_id,
                                                        PovertyObjection.deleted.is_(False))
                         .order_by(PovertyObjection.received_on))
        return [ObjectionInfo(o.id, o.received_on, o.sender, o.content, o.household_id, o.rechecked_on, o.result,
                              o.class_after) for o in rows]
