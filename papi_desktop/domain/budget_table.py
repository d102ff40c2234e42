"""Commune budget tables as offices type them (Biểu 103–120/CK TC-NSNN and province templates):
read the title block and the table, and check that every line with parts adds up to them.

Rows in, a table and per-row errors out; no file access, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import KnownError
from .numbers import group_vn, parse_amount
from .text import fold, nfc, one_line

_FORM = re.compile(r"bi[eể]u\s*(?:s[oố])?\s*:?\s*(\d{2,3})\s*/\s*CK\s*TC", re.IGNORECASE)
_FORM_PROVINCE = re.compile(r"(?:bi[eể]u|m[aẫ]u)\s*(?:s[oố])?\s*:?\s*([A-Z0-9][\w.\-]*/?[\w.\-]*)", re.IGNORECASE)
_YEAR = re.compile(r"\bn[aă]m\s+(\d{4})\b", re.IGNORECASE)
_ROMAN = re.compile(r"^[IVXLC]+$")
_NUMBERING = re.compile(r"\(?[A-Z0-9=+\-*/%.]{1,8}\)?")
_DOC = re.compile(r"s[oố]\s*:?\s*([\w./\-]+/[\w.\-]+)\s+ng[aà]y\s+(\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
_UNITS = (("trieu dong", 1_000_000), ("nghin dong", 1_000), ("ngan dong", 1_000), ("dong", 1))
_NOT_AMOUNT = ("%", "so sanh", "ty le", "ghi chu", "tang giam", "bq")


@dataclass
class BudgetColumn:
    key: str  # "c1", "c2", …
    name: str
    index: int  # column in the sheet


@dataclass
class ParsedLine:
    row: int
    code: str
    name: str
    values: dict[str, int]  # column key -> đồng
    level: int = 0
    of_which: bool = False  # a "Trong đó" part: shown, not added to its parent


@dataclass
class ParsedBudget:
    form_code: str = ""
    title: str = ""
    year: int | None = None
    doc_number: str = ""  # "15/QĐ-UBND", from "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05/01/2026)"
    doc_date_text: str = ""
    unit: int = 1  # the table's amounts are multiplied by this to give đồng
    header_row: int | None = None
    columns: list[BudgetColumn] = field(default_factory=list)
    lines: list[ParsedLine] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class TotalMismatch:
    row: int
    code: str
    name: str
    column: str
    stated: int
    computed: int

    def message(self, lang: str = "vi") -> str:
        diff = group_vn(self.stated - self.computed)
        if lang == "en":
            return (f"Row {self.row} ({self.code} {self.name}), {self.column}: states {group_vn(self.stated)}, "
                    f"its parts add up to {group_vn(self.computed)} (difference {diff})")
        return (f"Dòng {self.row} ({self.code} {self.name}), cột {self.column}: ghi {group_vn(self.stated)}, "
                f"các dòng chi tiết cộng lại {group_vn(self.computed)} (chênh lệch {diff})")


def _is_total_name(name: str) -> bool:
    key = fold(name)
    return key.startswith(("tong", "cong")) or key in {"tong so", "tong cong"}


def code_rank(code: str, name: str) -> int:
    """The nesting rank a numbering style has in these forms: totals 0, A/B 1, I/II 2, 1/2 3, 1.1 4,
    a/b 5, "-" 6, "+" 7. Levels are relative: a table without A/B starts at I."""
    c = code.strip().rstrip(".)")
    if not c:
        return 0 if _is_total_name(name) else 6
    if _ROMAN.match(c):
        return 2
    if len(c) == 1 and c.isalpha() and c.isupper():
        return 1
    if c.isdigit():
        return 3
    if re.match(r"^\d+(\.\d+)+$", c):
        return 3 + c.count(".")
    if len(c) == 1 and c.isalpha():
        return 6
    if c in {"-", "–", "*"}:
        return 7
    if c == "+":
        return 8
    return 7


def _role(cell: str) -> str | None:
    key = fold(cell).strip(" .:*")
    if key in {"stt", "tt", "so tt"}:
        return "code"
    if key.startswith(("noi dung", "chi tieu", "ten chi tieu", "khoan muc", "dien giai")):
        return "name"
    return None


def _is_amount_header(cell: str) -> bool:
    key = fold(cell)
    return bool(key) and not any(word in key for word in _NOT_AMOUNT)


def _unit_of(text: str) -> int | None:
    key = fold(text)
    if "don vi" not in key and "dvt" not in key:
        return None
    for word, factor in _UNITS:
        if word in key:
            return factor
    return None


def parse_budget(rows: list[tuple[int, list[str]]]) -> ParsedBudget:
    """The first table with an STT and a Nội dung/Chỉ tiêu column; amount columns are the others,
    except percentages, comparisons and notes."""
    out = ParsedBudget()
    roles: dict[str, int] | None = None
    title_parts: list[str] = []
    for row_no, raw in rows:
        cells = [nfc(c) for c in raw]
        if not any(cells):
            continue
        if roles is None:
            found = {r: i for i, c in enumerate(cells) for r in [_role(c)] if r}
            if {"code", "name"} <= found.keys():
                roles = found
                out.header_row = row_no
                out.columns = [BudgetColumn(f"c{n + 1}", one_line(cells[i]), i)
                               for n, i in enumerate(i for i, c in enumerate(cells)
                                                     if i not in found.values() and _is_amount_header(c))]
                continue
            text = " ".join(dict.fromkeys(c for c in cells if c))  # a merged title fills every cell it spans
            if (m := _FORM.search(text)) and not out.form_code:
                out.form_code = m[1]
            elif (m := _FORM_PROVINCE.search(text)) and not out.form_code and fold(text).startswith(("bieu", "mau")):
                out.form_code = m[1]
            if (m := _YEAR.search(text)) and out.year is None:
                out.year = int(m[1])
            if (m := _DOC.search(text)) and not out.doc_number:
                out.doc_number, out.doc_date_text = m[1], m[2]
                continue
            unit = next((u for c in cells if (u := _unit_of(c))), None)
            if unit:
                out.unit = unit
            elif not fold(text).startswith(("bieu", "mau", "uy ban", "ubnd", "cong hoa", "doc lap")):
                title_parts.append(one_line(text))
            continue
        code = cells[roles["code"]] if roles["code"] < len(cells) else ""
        name = cells[roles["name"]] if roles["name"] < len(cells) else ""
        if all(_NUMBERING.fullmatch(c) for c in cells if c):
            continue  # the "A | B | 1 | 2 | 3=2/1" numbering row under the header
        if not name:
            if code:
                out.errors.append((row_no, f"Dòng “{code}” không có nội dung.", f"Line “{code}” has no name."))
            continue
        values: dict[str, int] = {}
        bad = False
        for col in out.columns:
            cell = cells[col.index] if col.index < len(cells) else ""
            try:
                amount = parse_amount(cell, f"cột “{col.name}”")
            except KnownError as exc:
                out.errors.append((row_no, exc.vi, exc.en))
                bad = True
                continue
            if amount is not None:
                values[col.key] = amount * out.unit
        if not bad:
            out.lines.append(ParsedLine(row_no, one_line(code), one_line(name), values))
    out.title = title_parts[0] if title_parts else ""
    if roles is None:
        return out
    assign_levels(out.lines)
    return out


def assign_levels(lines: list[ParsedLine]) -> None:
    """Turn numbering ranks into dense levels and mark "Trong đó" parts (not added to their parent)."""
    ranks = sorted({code_rank(x.code, x.name) for x in lines})
    dense = {r: i for i, r in enumerate(ranks)}
    of_which_level: int | None = None
    for line in lines:
        line.level = dense[code_rank(line.code, line.name)]
        if of_which_level is not None and line.level <= of_which_level:
            of_which_level = None
        if fold(line.name).startswith("trong do"):
            line.of_which = True
            of_which_level = line.level - 1 if not line.code else line.level
            continue
        if of_which_level is not None and line.level > of_which_level:
            line.of_which = True


def check_totals(lines: list[ParsedLine], columns: list[BudgetColumn]) -> list[TotalMismatch]:
    """Every line that has parts must equal their sum, column by column (where both are given);
    a total line (rank 0) must equal the sum of the top-level lines under it."""
    problems: list[TotalMismatch] = []
    for idx, line in enumerate(lines):
        if line.of_which:
            continue
        parts: list[ParsedLine] = []
        child_level: int | None = None
        for other in lines[idx + 1:]:
            if other.level <= line.level:
                break
            if other.of_which:
                continue
            if child_level is None or other.level < child_level:
                child_level = other.level
                parts = [p for p in parts if p.level == child_level]
            if other.level == child_level:
                parts.append(other)
        if not parts and line.level == 0 and code_rank(line.code, line.name) == 0:
            parts = _parts_before(lines, idx)  # "TỔNG CỘNG" written under the lines it sums
        if not parts:
            continue
        for col in columns:
            if col.key not in line.values:
                continue
            given = [p.values[col.key] for p in parts if col.key in p.values]
            if not given:
                continue
            computed = sum(given)
            if computed != line.values[col.key]:
                problems.append(TotalMismatch(line.row, line.code, line.name, col.name, line.values[col.key],
                                              computed))
    return problems


def _parts_before(lines: list[ParsedLine], idx: int) -> list[ParsedLine]:
    start = max((i + 1 for i in range(idx) if lines[i].level == 0), default=0)
    above = [x for x in lines[start:idx] if not x.of_which]
    if not above:
        return []
    top = min(x.level for x in above)
    return [x for x in above if x.level == top]
