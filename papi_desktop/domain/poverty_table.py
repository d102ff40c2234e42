"""Lists of poor and near-poor households as communes type them: read the title and the table,
classify and check each household against the standard. Rows in, households and errors out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import KnownError
from .numbers import parse_count
from .text import fold, nfc, one_line

_HEADER_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tt", ("stt", "tt", "so tt")),
    ("head", ("ho va ten chu ho", "ho ten chu ho", "chu ho", "ten chu ho", "ho va ten", "ho ten")),
    ("id", ("so cccd", "cccd", "so dinh danh", "so dinh danh ca nhan", "can cuoc", "cmnd", "so cccd chu ho")),
    ("village", ("thon", "ban", "thon, ban", "thon/ban", "thon ban", "to dan pho", "thon, ban, to dan pho",
                 "dia chi", "noi o")),
    ("ethnicity", ("dan toc",)),
    ("members", ("so nhan khau", "nhan khau", "so khau", "so thanh vien", "so nguoi")),
    ("area", ("khu vuc", "thanh thi/nong thon", "nong thon/thanh thi", "thanh thi, nong thon")),
    ("income", ("thu nhap", "thu nhap binh quan", "thu nhap binh quan dau nguoi", "thu nhap binh quan/nguoi/thang")),
    ("score", ("diem", "tong diem", "diem phieu b", "diem b")),
    ("deprivation_count", ("so chi so thieu hut", "so chi tieu thieu hut", "so thieu hut")),
    ("deprivations", ("chi so thieu hut", "cac chi so thieu hut", "chi tieu thieu hut", "thieu hut")),
    ("class", ("phan loai", "loai ho", "xep loai", "ket qua ra soat", "ket qua", "phan loai ho")),
    ("notes", ("ghi chu",)),
)
_YEAR = re.compile(r"\bn[aă]m\s+(\d{4})\b", re.IGNORECASE)
_NUMBERING = re.compile(r"\(?\d{1,2}\)?")


@dataclass(frozen=True)
class Indicator:
    code: str
    name_vi: str
    words: tuple[str, ...]


@dataclass(slots=True)
class HouseholdRow:
    row: int
    head_name: str
    id_number: str
    village: str
    ethnicity: str
    members: int
    area: str  # rural | urban
    income: int | None
    score: int | None
    deprivations: list[str]
    deprivation_count: int | None
    klass: str
    notes: str


@dataclass
class PovertyParse:
    year: int | None = None
    title: str = ""
    header_row: int | None = None
    rows: list[HouseholdRow] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)


def _role(cell: str) -> str | None:
    key = fold(cell).strip(" .:*")
    if not key:
        return None
    for role, words in _HEADER_RULES:
        if key in words:
            return role
    for role, words in _HEADER_RULES:
        if role not in ("tt", "score") and any(key.startswith(w) for w in words if len(w) > 3):
            return role
    return None


def classify_text(text: str, classes: list[tuple[str, tuple[str, ...]]]) -> str | None:
    """'Hộ cận nghèo' -> 'can_ngheo'; the longest wording wins ("thoát cận nghèo" before "cận nghèo")."""
    key = fold(text)
    pairs = sorted(((w, code) for code, words in classes for w in words), key=lambda wc: -len(wc[0]))
    return next((code for w, code in pairs if w in key), None)


def parse_deprivations(text: str, indicators: list[Indicator]) -> tuple[list[str], list[str]]:
    """'BHYT; nhà tiêu' or '4, 10' -> indicator codes, and the parts not understood."""
    codes, unknown = [], []
    for part in re.split(r"[;,\n]+", text or ""):
        part = part.strip(" .-+")
        if not part:
            continue
        if part.isdigit() and 1 <= int(part) <= len(indicators):
            codes.append(indicators[int(part) - 1].code)
            continue
        key = fold(part)
        found = next((ind.code for ind in indicators if any(w in key for w in ind.words)), None)
        if found:
            codes.append(found)
        else:
            unknown.append(part)
    return list(dict.fromkeys(codes)), unknown


def _area(text: str) -> str:
    key = fold(text)
    return "urban" if ("thanh thi" in key or "do thi" in key) else "rural"


_NUMBER_FIELDS = (("members", "số nhân khẩu", "household members"), ("income", "thu nhập", "income"),
                  ("score", "điểm", "score"), ("deprivation_count", "số chỉ số thiếu hụt", "number of deprivations"))


def parse_poverty(rows: list[tuple[int, list[str]]], indicators: list[Indicator],
                  classes: list[tuple[str, tuple[str, ...]]], ranges: Mapping[str, tuple[int, int]]) -> PovertyParse:
    """ranges: the lowest and highest members, income (đồng a person a month) and score (reference
    data); the number of deprivations is at most the standard's indicators."""
    ranges = {**ranges, "deprivation_count": (0, len(indicators))}
    out = PovertyParse()
    roles: dict[str, int] | None = None
    for row_no, raw in rows:
        cells = [nfc(c) for c in raw]
        if not any(cells):
            continue
        if roles is None:
            found: dict[str, int] = {}
            for i, c in enumerate(cells):
                role = _role(c)
                if role and role not in found:
                    found[role] = i
            if {"head", "class"} <= found.keys():
                roles = found
                out.header_row = row_no
                continue
            text = " ".join(dict.fromkeys(c for c in cells if c))
            if (m := _YEAR.search(text)) and out.year is None:
                out.year = int(m[1])
                out.title = one_line(text)
            continue
        if all(_NUMBERING.fullmatch(c) for c in cells if c):
            continue

        def cell(role: str, cells: list[str] = cells, roles: dict[str, int] = roles) -> str:
            idx = roles.get(role)
            return cells[idx] if idx is not None and idx < len(cells) else ""

        head = one_line(cell("head"))
        if not head:
            if any(cells[i] for i in range(len(cells)) if i != roles.get("tt")):
                out.errors.append((row_no, "Thiếu họ tên chủ hộ.", "The head of household's name is missing."))
            continue
        klass = classify_text(cell("class"), classes)
        problems: list[tuple[str, str]] = []
        if klass is None:
            problems.append((f"Phân loại “{cell('class')}” không hiểu được (hộ nghèo, hộ cận nghèo, thoát nghèo, "
                             "thoát cận nghèo).", f"Class “{cell('class')}” not understood."))
        deprivations, unknown = parse_deprivations(cell("deprivations"), indicators)
        if unknown:
            problems.append((f"Chỉ số thiếu hụt không hiểu được: {', '.join(unknown)}.",
                             f"Deprivation indicators not understood: {', '.join(unknown)}."))
        numbers: dict[str, int | None] = {}
        for role, label_vi, label_en in _NUMBER_FIELDS:
            try:
                numbers[role] = parse_count(cell(role), label_vi, label_en, *ranges[role])
            except KnownError as exc:
                problems.append((exc.vi, exc.en))
                numbers[role] = None
        members = numbers["members"] if numbers["members"] is not None else 1
        if problems:
            out.errors.append((row_no, " ".join(p[0] for p in problems), " ".join(p[1] for p in problems)))
            continue
        out.rows.append(HouseholdRow(
            row=row_no, head_name=head, id_number=re.sub(r"\s", "", cell("id")), village=one_line(cell("village")),
            ethnicity=one_line(cell("ethnicity")), members=members, area=_area(cell("area")),
            income=numbers["income"], score=numbers["score"], deprivations=deprivations,
            deprivation_count=numbers["deprivation_count"], klass=klass or "", notes=one_line(cell("notes"))))
    return out


def expected_class(income: int | None, deprivations: int | None, area: str, income_rural: int, income_urban: int,
                   min_deprivations: int) -> str | None:
    """What the standard says for a household whose income and deprivations are known: 'ngheo',
    'can_ngheo', or '' (above the line); None when the facts are missing."""
    if income is None or deprivations is None:
        return None
    line = income_urban if area == "urban" else income_rural
    if income > line:
        return ""
    return "ngheo" if deprivations >= min_deprivations else "can_ngheo"
