"""What a workbook says about its size, checked before any reader touches it.

An .xlsx is a zip of XML parts: the zip's directory gives each part's real (uncompressed) size, and
each sheet declares its used range in <dimension ref="A1:O1200"/> near its start. Both are read here
with zipfile and expat (the first bytes of each sheet), so a zip bomb or a sheet that claims a million
rows is refused in milliseconds, with a message, before it is decompressed. For openpyxl, which
makes a cell object for every cell of a merged range (A1:Z200000 took 97 s), the whole sheet is
scanned too: its rows' numbers and its merged ranges. The limits are reference data
(resources/reference/import_limits.json).
"""

from __future__ import annotations

import json
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers import expat

from ..domain.errors import KnownError
from ..domain.numbers import group_vn
from . import reference

_MB = 1 << 20
_SHEET_PART = re.compile(r"(^|/)worksheets/[^/]+\.xml$", re.IGNORECASE)
_CHUNK = 64 * 1024  # <dimension> comes before <sheetData>, within the first few hundred bytes
# What zipfile raises on a damaged archive or member (a bad header, CRC, deflate stream, method), and
# expat on an XML declaration naming an unknown (LookupError) or multi-byte (ValueError) encoding.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, NotImplementedError,
              RuntimeError, struct.error, UnicodeDecodeError, LookupError)


@dataclass(frozen=True)
class ReadLimits:
    kind: str
    name_vi: str
    name_en: str
    max_rows: int
    max_columns: int
    max_uncompressed: int  # bytes, all parts together
    max_file: int  # bytes
    max_members: int
    max_ratio: float  # uncompressed / compressed, for parts of at least ratio_from bytes
    ratio_from: int
    max_merged_cells: int  # all merged ranges together
    memory: int  # bytes of address space for the reader's process (POSIX)
    seconds: float  # the reader's time


def bad_file(vi: str, en: str) -> KnownError:
    """A refused file: the reason, and that nothing was written."""
    return KnownError(vi + " Không có dữ liệu nào được ghi.", en + " Nothing was written.")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(reference._reference_file("import_limits.json").read_text(encoding="utf-8"))


@cache
def limits_for(kind: str) -> ReadLimits:
    data = _data()
    box, reader, k = data["container"], data["reader"], data["kinds"][kind]
    return ReadLimits(
        kind=kind, name_vi=k["name_vi"], name_en=k["name_en"], max_rows=int(k["max_rows"]),
        max_columns=int(k["max_columns"]), max_uncompressed=int(k["max_uncompressed_mb"]) * _MB,
        max_file=int(box["max_file_mb"]) * _MB, max_members=int(box["max_members"]),
        max_ratio=float(box["max_ratio"]), ratio_from=int(box["ratio_from_kb"]) * 1024,
        max_merged_cells=int(box["max_merged_cells"]),
        memory=int(reader["memory_mb"]) * _MB, seconds=float(reader["seconds"]))


@cache
def count_range(code: str) -> tuple[int, int]:
    """(lowest, highest) a count of this kind may be, e.g. the people in one reception."""
    item = _data()["counts"][code]
    return int(item["min"]), int(item["max"])


def _mb(size: int) -> str:
    return group_vn(max(1, round(size / _MB)))


def check_size(path: Path, limits: ReadLimits) -> None:
    size = path.stat().st_size
    if size > limits.max_file:
        raise bad_file(f"Tệp nặng {_mb(size)} MB, quá giới hạn {_mb(limits.max_file)} MB cho một {limits.name_vi}.",
                       f"The file is {_mb(size)} MB, over the {_mb(limits.max_file)} MB limit for a "
                       f"{limits.name_en}.")


def check_members(path: Path, limits: ReadLimits, whole_sheets: bool = False) -> None:
    """The file's size, its number of parts, their real sizes and compression ratios, each sheet's
    declared range (and with whole_sheets its rows and merged ranges); a refusal says which limit
    and what to do."""
    check_size(path, limits)
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            _check_package(members)
            if len(members) > limits.max_members:
                raise bad_file(f"Tệp Excel có {group_vn(len(members))} thành phần, quá giới hạn "
                               f"{group_vn(limits.max_members)}: tệp hỏng hoặc không phải bảng tính thông thường.",
                               f"The workbook has {len(members)} parts, over the limit of {limits.max_members}: "
                               "damaged or not an ordinary workbook.")
            total = sum(m.file_size for m in members)
            if total > limits.max_uncompressed:
                raise bad_file(f"Tệp Excel khi giải nén chiếm {_mb(total)} MB, quá giới hạn "
                               f"{_mb(limits.max_uncompressed)} MB cho một {limits.name_vi}. Hãy xóa các trang, "
                               "dòng, cột thừa rồi lưu lại.",
                               f"The workbook takes {_mb(total)} MB unpacked, over the "
                               f"{_mb(limits.max_uncompressed)} MB limit for a {limits.name_en}. Delete the extra "
                               "sheets, rows and columns and save it again.")
            for m in members:
                if m.file_size >= limits.ratio_from and m.file_size > limits.max_ratio * max(1, m.compress_size):
                    part = m.filename[:80]
                    raise bad_file(f"Phần “{part}” của tệp nén {_mb(m.file_size)} MB vào "
                                   f"{group_vn(m.compress_size)} byte (tệp “bom nén”): không đọc.",
                                   f"Part “{part}” packs {_mb(m.file_size)} MB into {m.compress_size} "
                                   "bytes (a zip bomb): not read.")
            merged = [0]  # cells in merged ranges so far, over every sheet
            names = sheet_names(zf)
            for m in members:
                if _SHEET_PART.search(m.filename) or m.filename in names:
                    with zf.open(m) as fh:
                        name = names.get(m.filename, Path(m.filename).stem)
                        _SheetScan(f"“{name}”", limits, whole_sheets, merged).run(fh)
    except KnownError:
        raise
    except (*ZIP_ERRORS, expat.ExpatError) as exc:
        raise bad_file(f"Không đọc được tệp Excel (tệp hỏng hoặc sai định dạng: {type(exc).__name__}).",
                       f"Cannot read the Excel file (damaged or wrong format: {type(exc).__name__}).") from exc


# Every .xlsx (Excel, LibreOffice, WPS, openpyxl) has these parts; a zip without them (an archive renamed
# .xlsx) would only fail inside the reader, with a traceback and the reader's error name.
_PACKAGE_PARTS = ("[Content_Types].xml", "_rels/.rels")


def _check_package(members: list[zipfile.ZipInfo]) -> None:
    names = {m.filename.lower() for m in members}  # part names are case-insensitive (Open Packaging)
    missing = [part for part in _PACKAGE_PARTS if part.lower() not in names]
    if missing:
        raise bad_file("Tệp là tệp nén (zip) nhưng không phải bảng tính Excel .xlsx: thiếu phần "
                       f"“{missing[0]}” mà mọi tệp .xlsx đều có. Hãy chọn đúng tệp Excel, hoặc mở tệp trong "
                       "Excel và lưu thành .xlsx.",
                       f"The file is a zip archive but not an Excel .xlsx workbook: it lacks the part "
                       f"“{missing[0]}” every .xlsx has. Choose the right Excel file, or open it in Excel and "
                       "save it as .xlsx.")


def sheet_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet part -> the name on its tab ("xl/worksheets/sheet1.xml" -> "Sổ tiếp 2026"), from the
    workbook part and its relationships; {} when they are missing, odd or too large to be honest."""
    try:
        book, rels = (zf.getinfo(n) for n in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"))
        if max(book.file_size, rels.file_size) > 8 * _MB:
            return {}
        targets = {r.get("Id"): r.get("Target", "") for r in ElementTree.fromstring(zf.read(rels))
                   if r.tag.endswith("Relationship")}
        out = {}
        for sheet in ElementTree.fromstring(zf.read(book)).iter():
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if sheet.tag.endswith("}sheet") and rid in targets:
                target = targets[rid]
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                out[part] = sheet.get("name", "")[:100]
        return out
    except (*ZIP_ERRORS, ElementTree.ParseError):
        return {}


class _Enough(Exception):
    """The scan has seen what it needed."""


class _SheetScan:
    """One pass of expat over a sheet's XML: no tree is built, elements are looked at and dropped."""

    def __init__(self, sheet: str, limits: ReadLimits, whole: bool, merged: list[int]) -> None:
        self.sheet, self.limits, self.whole, self.merged = sheet, limits, whole, merged

    def run(self, fh) -> None:  # noqa: ANN001
        parser = expat.ParserCreate(namespace_separator="}")
        parser.StartElementHandler = self._start
        try:
            while chunk := fh.read(_CHUNK):
                parser.Parse(chunk, False)
                if not self.whole:
                    return  # the head holds <dimension>; the reader's own limits cover the rest
            parser.Parse(b"", True)
        except _Enough:
            return

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rpartition("}")[2]
        if local == "row":
            row = attrs.get("r", "")
            if row.isdigit() and int(row) > self.limits.max_rows:
                problem = self._over(f"dòng {row}", f"row {row}", int(row), None)
                if problem is not None:
                    raise problem
        elif local == "mergeCell":
            self._merge(attrs.get("ref", ""))
        elif local == "dimension":
            self._declared(attrs.get("ref", ""))
        elif local == "sheetData" and not self.whole:
            raise _Enough

    def _declared(self, ref: str) -> None:
        bounds = _bounds(ref)
        problem = bounds and self._over(f"vùng dữ liệu {ref}", f"the range {ref}", bounds[3], bounds[2])
        if problem:
            raise problem

    def _merge(self, ref: str) -> None:
        bounds = _bounds(ref)
        if bounds is None:
            return
        c0, r0, c1, r1 = bounds
        if c0 is None or r0 is None or c1 is None or r1 is None:
            return
        problem = self._over(f"ô gộp {ref}", f"the merged cells {ref}", r1, c1)
        if problem is not None:
            raise problem
        self.merged[0] += (r1 - r0 + 1) * (c1 - c0 + 1)
        if self.merged[0] > self.limits.max_merged_cells:
            raise bad_file(f"Tệp Excel có hơn {group_vn(self.limits.max_merged_cells)} ô gộp (Merge). Hãy bỏ gộp "
                           "các ô thừa rồi lưu lại.",
                           f"The workbook has over {self.limits.max_merged_cells} merged cells. Unmerge the extra "
                           "cells and save it again.")

    def _over(self, what_vi: str, what_en: str, rows: int | None, columns: int | None) -> KnownError | None:
        lim = self.limits
        if rows is not None and rows > lim.max_rows:
            return bad_file(f"Trang tính {self.sheet} có {what_vi} ({group_vn(rows)} dòng), quá giới hạn "
                            f"{group_vn(lim.max_rows)} dòng cho một {lim.name_vi}. Hãy xóa các dòng thừa ở cuối "
                            "trang rồi lưu lại.",
                            f"Sheet {self.sheet} has {what_en} ({rows} rows), over the {lim.max_rows}-row limit "
                            f"for a {lim.name_en}. Delete the extra rows at the end and save it again.")
        if columns is not None and columns > lim.max_columns:
            return bad_file(f"Trang tính {self.sheet} có {what_vi} ({group_vn(columns)} cột), quá giới hạn "
                            f"{lim.max_columns} cột cho một {lim.name_vi}. Hãy xóa các cột thừa rồi lưu lại.",
                            f"Sheet {self.sheet} has {what_en} ({columns} columns), over the {lim.max_columns}-"
                            f"column limit for a {lim.name_en}. Delete the extra columns and save it again.")
        return None


def _bounds(ref: str) -> tuple[int | None, int | None, int | None, int | None] | None:
    """(min_col, min_row, max_col, max_row) of "A1:O1200" (openpyxl's reading of a ref); None if odd."""
    from openpyxl.utils.cell import range_boundaries  # noqa: PLC0415 - 0.2 s to import: not at start-up

    try:
        return range_boundaries(ref.split()[0]) if ref.strip() else None
    except (ValueError, TypeError):
        return None  # an odd ref is the reader's business; the child's limits still hold
