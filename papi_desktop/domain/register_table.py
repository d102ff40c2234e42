"""Understand a citizen reception book typed in Excel (Mẫu 03/TCD and its usual variants).

Rows in, records and per-row errors out; no file access, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .dates import parse_vn
from .errors import KnownError
from .numbers import parse_count
from .text import collapse, fold, nfc, one_line

# Role of a header cell, by the folded wordings offices use (most specific first).
_HEADER_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tt", ("stt", "tt", "so tt")),
    ("date", ("ngay tiep", "ngay tiep cong dan", "ngay")),
    ("id", ("cccd", "can cuoc", "cmnd", "ho chieu", "giay to tuy than")),
    ("name_address", ("ho ten, dia chi", "ho va ten, dia chi", "ho ten dia chi", "ho ten", "ho va ten")),
    ("address", ("dia chi", "noi o")),
    ("summary", ("noi dung vu viec", "tom tat noi dung", "noi dung")),
    ("classes", ("phan loai don", "phan loai")),
    ("people", ("so nguoi", "so luong nguoi", "so cong dan")),
    ("prior", ("co quan da giai quyet", "co quan, don vi da giai quyet", "da giai quyet")),
    ("accept", ("thu ly",)),
    ("guide", ("huong dan",)),
    ("forward", ("chuyen don",)),
    ("followup", ("theo doi ket qua giai quyet", "theo doi ket qua", "ket qua giai quyet")),
    ("notes", ("ghi chu",)),
    ("type", ("hinh thuc tiep", "hinh thuc")),
    ("receiver", ("nguoi tiep", "can bo tiep")),
)
_REQUIRED = {"date", "name_address", "summary"}
_CLASS_WORDS = (("khieu_nai", "khieu nai"), ("to_cao", "to cao"), ("kien_nghi", "kien nghi"),
                ("phan_anh", "phan anh"))
_TYPE_WORDS = (("periodic", "dinh ky"), ("adhoc", "dot xuat"), ("regular", "thuong xuyen"))
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")
_WHITESPACE = re.compile(r"\s")
# The cells a data row is read from, in this order (a role the header lacks reads as "").
_FIELDS = ("date", "name_address", "address", "people", "classes", "accept", "guide", "forward", "type", "id",
           "summary", "prior", "followup", "notes", "receiver")


@dataclass(slots=True)
class RegisterRow:
    row: int
    received_on: date
    name: str
    address: str
    id_number: str
    summary: str
    classes: list[str]
    people: int
    prior: str = ""
    direction: str = ""
    direction_target: str = ""
    followup: str = ""
    notes: str = ""
    reception_type: str = "regular"
    receiver: str = ""


@dataclass
class RegisterParse:
    header_row: int | None = None
    rows: list[RegisterRow] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (row, vi, en)


def _role(cell: str) -> str | None:
    key = fold(cell).strip(" .:*")
    if not key:
        return None
    for role, words in _HEADER_RULES:
        if any(key == w for w in words):
            return role
    if any(w in key for w in ("cccd", "cmnd", "ho chieu", "can cuoc", "tuy than")):
        return "id"  # "CCCD/Hộ chiếu", "Số CMND/CCCD", …
    for role, words in _HEADER_RULES:
        if role != "tt" and any(key.startswith(w) for w in words if len(w) > 4):
            return role
    return None


def header_roles(cells: list[str], below: list[str] | None = None) -> dict[str, int]:
    """Roles of a one- or two-row header ("Hướng xử lý" above "Thụ lý | Hướng dẫn | Chuyển đơn")."""
    roles: dict[str, int] = {}
    for idx in range(max(len(cells), len(below or []))):
        for source in (below or [], cells):
            role = _role(source[idx]) if idx < len(source) else None
            if role and role not in roles:
                roles[role] = idx
                break
    return roles


def is_header(cells: list[str], below: list[str] | None = None) -> bool:
    return _REQUIRED <= header_roles(cells, below).keys()


def _split_name(text: str) -> tuple[str, str]:
    """"Nguyễn Văn A, bản Hin, xã Chiềng Sơn" -> ("Nguyễn Văn A", "bản Hin, xã Chiềng Sơn"); text is a
    cell in the stored form (nfc)."""
    pieces = text.splitlines()
    if len(pieces) > 1:
        lines = [one_line(x) for x in pieces if x.strip()]
        if len(lines) > 1:
            return lines[0].rstrip(","), ", ".join(lines[1:])
    name, _, address = collapse(text).partition(",")
    return name.strip(), address.strip()


def _classes(text: str) -> list[str]:
    key = fold(text)
    return [code for code, word in _CLASS_WORDS if word in key]


def parse_register(rows: Iterable[tuple[int, list[str]]], people_range: tuple[int, int]) -> RegisterParse:
    """Rows may be a stream: one row of look-ahead is kept (for two-row headers), never the whole sheet.
    people_range: the fewest and most people one reception may count (reference data)."""
    out = RegisterParse()
    roles: dict[str, int] | None = None
    columns: tuple[int, ...] = ()
    class_words: dict[str, list[str]] = {}
    type_words: dict[str, str] = {}
    stream = iter(rows)
    upcoming = next(stream, None)
    while upcoming is not None:
        row_no, raw = upcoming
        upcoming = next(stream, None)
        cells = [nfc(c) if c else "" for c in raw]  # each cell normalised once: what follows reads these
        if not any(cells):
            continue
        # Once the header is known, only a row whose date cell reads "Ngày tiếp" can repeat it (cheap test).
        date_cell = cells[roles["date"]] if roles is not None and roles["date"] < len(cells) else ""
        header_again = roles is not None and not date_cell[:1].isdigit() and _role(date_cell) == "date"
        below = [nfc(c) for c in upcoming[1]] if upcoming is not None and (roles is None or header_again) else []
        if (roles is None or header_again) and is_header(cells, below):
            two_rows = header_roles(cells, below)
            if len(two_rows) > len(header_roles(cells)):  # the sub-header row belongs to it
                upcoming = next(stream, None)
                found = two_rows
            else:
                found = header_roles(cells)
            if roles is None:
                roles = found
                columns = tuple(roles.get(f, -1) for f in _FIELDS)
                out.header_row = row_no
            continue
        if roles is None:
            continue  # the title block above the table
        if (not date_cell or _NUMBERING.match(date_cell)) and all(_NUMBERING.match(c) for c in cells if c):
            continue  # "(1) (2) … (13)"; a data row's date cell already says it is not one
        count = len(cells)
        (day, who, where, people_text, kinds, accept, guide, forward, rtype_text, ident, summary, prior, followup,
         notes, receiver) = [cells[i] if 0 <= i < count else "" for i in columns]
        try:
            received = parse_vn(day, "ngày tiếp")
        except KnownError as exc:
            out.errors.append((row_no, exc.vi, exc.en))
            continue
        name, address = _split_name(who)
        if where:
            address = collapse(where)
        if received is None or not name:
            out.errors.append((row_no, "Thiếu ngày tiếp hoặc họ tên công dân.", "Missing the date or the name."))
            continue
        try:
            people = parse_count(people_text, "số người", "number of people", *people_range)
        except KnownError as exc:
            out.errors.append((row_no, exc.vi, exc.en))
            continue
        # The classification and the reception type are a few wordings repeated down the book: folded once each.
        classes = class_words.get(kinds)
        if classes is None:
            classes = class_words[kinds] = _classes(kinds)
        if not classes:
            out.errors.append((row_no, f"Phân loại “{kinds}” không hiểu được (khiếu nại, tố cáo, kiến nghị, phản ánh).",
                               f"Classification “{kinds}” not understood."))
            continue
        direction, target = "", ""
        if accept:
            direction = "accept"
        elif guide:
            direction, target = "guide", collapse(guide)
        elif forward:
            direction, target = "forward", collapse(forward)
        rtype = type_words.get(rtype_text)
        if rtype is None:
            folded = fold(rtype_text)
            rtype = type_words[rtype_text] = next((code for code, word in _TYPE_WORDS if word in folded), "regular")
        out.rows.append(RegisterRow(  # most of these cells are empty in a book: no call for those
            row=row_no, received_on=received, name=name, address=address,
            id_number=_WHITESPACE.sub("", ident) if ident else "", summary=collapse(summary), classes=list(classes),
            people=1 if people is None else people, prior=prior and collapse(prior), direction=direction,
            direction_target=target, followup=followup and collapse(followup), notes=notes and collapse(notes),
            reception_type=rtype, receiver=receiver and collapse(receiver),
        ))
    return out
