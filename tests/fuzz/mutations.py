"""Mutations of real valid workbooks for the fuzz tests (tests/unit/test_fuzz_importers.py and the long
run, tests/fuzz/long_fuzz.py): byte flips, truncation, edits of the zip's parts, hostile cell values,
hostile XML in a sheet. Each mutation is drawn from a random.Random, so a case is its seed."""

from __future__ import annotations

import random
import re
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

import workbooks
from sqlalchemy import func, select

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import budget, plan_import, poverty, reception_import
from papi_desktop.storage.models import ChangeLog

IMPORTERS = {
    # kind: (make a valid workbook, preview, apply, "the preview found nothing wrong")
    "plan": (workbooks.plan_workbook, plan_import.preview_import, plan_import.apply_import,
             lambda p: not p.problems),
    "reception": (workbooks.register_workbook, reception_import.preview_import, reception_import.apply_import,
                  lambda p: not p.parsed.errors),
    "budget": (workbooks.budget_workbook, budget.preview_import, budget.apply_import, lambda p: not p.errors),
    "poverty": (workbooks.poverty_workbook, poverty.preview_import, poverty.apply_import,
                lambda p: not p.parsed.errors),
}

HOSTILE_TEXT = [
    "", " ", "-3", "1e309", "10^30", "abc", "9" * 5000, "=1/0", "=HYPERLINK(\"http://x\")", "31/02/2026",
    "00/00/0000", "99/99/9999", "1/1/10000", "∞", "NaN", "inf", "-0", "0x1F", "١٢٣", "１２３", "\u202eRTL",
    "A" * 32000, "Hộ nghèo", "Hộ cận nghèo", "Kiến nghị", "Khiếu nại", "Ngày tiếp", "STT", "TT", "Nhiệm vụ",
    "Nội dung", "Họ và tên chủ hộ", "Phân loại", "I", "IV", "(1)", "1.234.567.890.123.456.789", "(5)", "1,5",
    "1.5", "NĂM 2026", "NĂM 99999", "Biểu số 110/CK TC-NSNN", "Đơn vị tính: triệu đồng", "Trong đó:", "x",
    "014090001234", "000000000000", "🙂" * 50, "\ufeff", "'; DROP TABLE reception; --", '"', "*", "%s%n",
]
HOSTILE_VALUES = [0, -1, 10**30, -(10**30), 2**63, 1e30, 1e-300, 7.5, -0.0, float("inf"), float("nan"), True,
                  datetime(1900, 1, 1), datetime(9999, 12, 31), datetime(1, 1, 1)]
V_TEXT = [b"1e400", b"-1e400", b"NaN", b"", b"&#0;", b"9" * 400, b"1.5.5", b"abc", b"-0", b"2958466", b"-1",
          b"99999", b"&#xFFFF;", b"&amp;", b"&bad;"]
REFS = [b"XFD1048576", b"A0", b"A1048577", b"ZZZZ1", b"", b"-1", b"A99999999999", b"B1000000", b"A1:A2"]
TYPES = [b"s", b"b", b"e", b"d", b"n", b"str", b"inlineStr", b"zzz"]
ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
               b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
               b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>')


def make_bases(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {kind: make(folder / f"{kind}.xlsx") for kind, (make, *_rest) in IMPORTERS.items()}


def _flip(rnd: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rnd.randint(1, 16)):
        out[rnd.randrange(len(out))] = rnd.randrange(256)
    return bytes(out)


def _sub_one(rnd: random.Random, pattern: bytes, data: bytes, replace) -> bytes:  # noqa: ANN001
    """Replace one random match of pattern (a byte regex) by replace(match)."""
    matches = list(re.finditer(pattern, data))
    if not matches:
        return data
    m = rnd.choice(matches)
    return data[:m.start()] + replace(m) + data[m.end():]


def _xml_edit(rnd: random.Random, name: str, data: bytes) -> bytes:
    edits = [
        lambda d: _sub_one(rnd, rb"<v>[^<]*</v>", d, lambda m: b"<v>" + rnd.choice(V_TEXT) + b"</v>"),
        lambda d: _sub_one(rnd, rb'<c r="[A-Z]+\d+"', d, lambda m: b'<c r="' + rnd.choice(REFS) + b'"'),
        lambda d: _sub_one(rnd, rb'<row r="\d+"', d, lambda m: b'<row r="' + rnd.choice(
            [b"0", b"1048577", b"abc", b"999999", b"-5", b"2"]) + b'"'),
        lambda d: _sub_one(rnd, rb' t="[a-zA-Z]+"', d, lambda m: b' t="' + rnd.choice(TYPES) + b'"'),
        lambda d: _sub_one(rnd, rb'<dimension ref="[^"]*"', d, lambda m: b'<dimension ref="' + rnd.choice(
            [b"A1:XFD1048576", b"A1", b"", b"ZZZ", b"A1:B2 C3:D4", b"A1:A1000000"]) + b'"'),
        lambda d: d.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="'
                            + rnd.choice([b"A1:XFD1048576", b"A1:B2", b"B2:A1", b"A1:Z300000", b"??"])
                            + b'"/></mergeCells>', 1) if b"<mergeCells" not in d else d,
        lambda d: _sub_one(rnd, rb"</(row|c|sheetData|si|t|is|sheet|sheets)>", d, lambda m: b""),
        lambda d: ENTITY_BOMB + re.sub(rb"^<\?xml[^>]*\?>", b"", d).replace(b"<t>", b"<t>&e;", 1),
        lambda d: _sub_one(rnd, rb"<t[^>]*>[^<]*</t>", d, lambda m: b"<t>" + rnd.choice(HOSTILE_TEXT).encode(
            "utf-8", "replace").replace(b"&", b"&amp;").replace(b"<", b"&lt;") + b"</t>"),
        lambda d: _sub_one(rnd, rb'name="[^"]*"', d, lambda m: b'name="' + rnd.choice(
            [b"", b"A" * 300, b"&#1;", b"Sheet1", b"\xff\xfe"]) + b'"'),
        lambda d: d[:rnd.randrange(len(d) + 1)],
        lambda d: b'<?xml version="1.0" encoding="' + rnd.choice([b"bogus", b"shift_jis", b"utf-16", b"latin-1"])
        + b'"?>' + re.sub(rb"^<\?xml[^>]*\?>", b"", d),
    ]
    for _ in range(rnd.randint(1, 3)):
        data = rnd.choice(edits)(data)
    return data


def _rewrite(source: Path, target: Path, edit) -> None:  # noqa: ANN001
    """target: source's parts through edit(name, data) -> list of (name, data) to write."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout, \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": a part written twice is one of the mutations
        for info in zin.infolist():
            for name, data in edit(info.filename, zin.read(info.filename)):
                zout.writestr(name, data)


def _cells(rnd: random.Random, source: Path, target: Path) -> None:
    from openpyxl import load_workbook  # noqa: PLC0415
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: PLC0415

    wb = load_workbook(source)
    ws = wb.worksheets[0]
    for _ in range(rnd.randint(1, 6)):
        row, col = rnd.randint(1, ws.max_row + 2), rnd.randint(1, ws.max_column + 1)
        if rnd.random() < 0.75:
            text = rnd.choice(HOSTILE_TEXT)
            if rnd.random() < 0.3:  # around a real value: "Hộ nghèo" + hostile tail
                text = f"{ws.cell(row, col).value or ''}{text}"
            value: object = ILLEGAL_CHARACTERS_RE.sub("", text)
        else:
            value = rnd.choice(HOSTILE_VALUES)
        try:
            ws.cell(row, col).value = value
        except (ValueError, TypeError, AttributeError):
            pass  # openpyxl refuses the value (a merged cell, an unwritable type): keep the cell
    wb.save(target)


def mutate(rnd: random.Random, base: Path, target: Path) -> str:
    """Write one mutation of base to target; returns what was done (a name for the figures)."""
    op = rnd.choice(["flip", "truncate", "part", "part", "cells", "cells", "xml", "xml", "xml"])
    data = base.read_bytes()
    if op == "flip":
        target.write_bytes(_flip(rnd, data))
    elif op == "truncate":
        target.write_bytes(data[:rnd.randrange(len(data))])
    elif op == "cells":
        _cells(rnd, base, target)
    else:
        with zipfile.ZipFile(base) as zf:
            names = zf.namelist()
            contents = {n: zf.read(n) for n in names}
        victim = rnd.choice(names)
        how = rnd.choice(["drop", "garbage", "cut", "empty", "twice", "swap"]) if op == "part" else "xml"
        other = rnd.choice(names)
        if op == "xml":
            victim = rnd.choice([n for n in names if n.endswith(".xml")] + ["xl/worksheets/sheet1.xml"] * 4)

        def edit(name: str, content: bytes) -> list[tuple[str, bytes]]:
            if name != victim:
                return [(name, content)]
            return {
                "drop": [], "garbage": [(name, rnd.randbytes(rnd.randint(0, 2000)))],
                "cut": [(name, content[:rnd.randrange(len(content) + 1)])], "empty": [(name, b"")],
                "twice": [(name, content), (name, _flip(rnd, content) if content else b"x")],
                "swap": [(name, contents[other])], "xml": [(name, _xml_edit(rnd, name, content))],
            }[how]

        _rewrite(base, target, edit)
        op = f"{op}:{how}"
    return op


def log_count(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def known_kind(exc: KnownError) -> str:
    """A KnownError's message without its particulars (quoted values, numbers): its kind, for the figures."""
    text = re.sub(r"\(damaged or wrong format: (\w+)\)", r"[\1]", exc.en)  # keep what the reader raised
    text = re.sub(r"“[^”]*”|\([^)]*\)|\d[\d.,]*", "…", text)
    return text.split(". ")[0].split(", usually")[0][:80]


def run_case(db, kind: str, path: Path) -> str:  # noqa: ANN001
    """Preview the file, then import it when the preview found nothing wrong. Returns the outcome
    ("imported", "preview with errors", "known: <kind>"); anything but a KnownError propagates, and
    a KnownError that left a write behind is an AssertionError."""
    _make, preview, apply, clean = IMPORTERS[kind]
    before = log_count(db)
    try:
        result = preview(db, path)
    except KnownError as exc:
        assert log_count(db) == before, "a refused preview wrote to the database"
        return f"known: {known_kind(exc)}"
    assert log_count(db) == before, "a preview wrote to the database"
    if not clean(result):
        return "preview with errors"
    try:
        apply(db, result)
    except KnownError as exc:
        assert log_count(db) == before, "a refused import wrote to the database"
        return f"known at write: {known_kind(exc)}"
    return "imported"
