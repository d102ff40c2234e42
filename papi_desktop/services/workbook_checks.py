"""What a workbook says about its size, checked before any reader touches it.

An .xlsx is a zip of XML parts: the zip's directory gives each part's real (uncompressed) size, and
each sheet declares its used range in <dimension ref="A1:O1200"/> near its start. Both are read here
with zipfile and the XML pull parser on the first bytes of each sheet only, so a zip bomb or a sheet
that claims a million rows is refused in milliseconds, with a message, before it is decompressed.
The limits are reference data (resources/reference/import_limits.json).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree.ElementTree import ParseError, XMLPullParser

from ..domain.errors import KnownError
from ..domain.numbers import group_vn
from . import reference

_MB = 1 << 20
_SHEET_PART = re.compile(r"(^|/)worksheets/[^/]+\.xml$", re.IGNORECASE)
_HEAD_BYTES = 64 * 1024  # <dimension> comes before <sheetData>, within the first few hundred bytes
# What zipfile raises on a damaged archive or member (a bad header, CRC, deflate stream, method).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, NotImplementedError,
              RuntimeError, struct.error, UnicodeDecodeError)


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
    memory: int  # bytes of address space for the reader's process (POSIX)
    seconds: float  # the reader's time


def bad_file(vi: str, en: str) -> KnownError:
    """A refused file: the reason, and that nothing was written."""
    return KnownError(vi + " Không có dữ liệu nào được ghi.", en + " Nothing was written.")


@lru_cache(maxsize=1)
def _data() -> dict:
    import json  # noqa: PLC0415

    return json.loads(reference._reference_file("import_limits.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def limits_for(kind: str) -> ReadLimits:
    data = _data()
    box, reader, k = data["container"], data["reader"], data["kinds"][kind]
    return ReadLimits(
        kind=kind, name_vi=k["name_vi"], name_en=k["name_en"], max_rows=int(k["max_rows"]),
        max_columns=int(k["max_columns"]), max_uncompressed=int(k["max_uncompressed_mb"]) * _MB,
        max_file=int(box["max_file_mb"]) * _MB, max_members=int(box["max_members"]),
        max_ratio=float(box["max_ratio"]), ratio_from=int(box["ratio_from_kb"]) * 1024,
        memory=int(reader["memory_mb"]) * _MB, seconds=float(reader["seconds"]))


@lru_cache(maxsize=None)
def count_range(code: str) -> tuple[int, int]:
    """(lowest, highest) a count of this kind may be, e.g. the people in one reception."""
    item = _data()["counts"][code]
    return int(item["min"]), int(item["max"])


def _mb(size: int) -> str:
    return group_vn(max(1, round(size / _MB)))


def check_members(path: Path, limits: ReadLimits) -> None:
    """The file's size, its number of parts, their real sizes and compression ratios, each sheet's
    declared range; a refusal says which limit and what to do."""
    size = path.stat().st_size
    if size > limits.max_file:
        raise bad_file(f"Tệp nặng {_mb(size)} MB, quá giới hạn {_mb(limits.max_file)} MB cho một {limits.name_vi}.",
                   f"The file is {_mb(size)} MB, over the {_mb(limits.max_file)} MB limit for a {limits.name_en}.")
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            if len(members) > limits.max_members:
                raise bad_file(f"Tệp Excel có {group_vn(len(members))} thành phần, quá giới hạn "
                           f"{group_vn(limits.max_members)}: tệp hỏng hoặc không phải bảng tính thông thường.",
                           f"The workbook has {len(members)} parts, over the limit of {limits.max_members}: "
                           "damaged or not an ordinary workbook.")
            total = sum(m.file_size for m in members)
            if total > limits.max_uncompressed:
                raise _too_big(limits, f"{_mb(total)} MB", f"{_mb(total)} MB")
            for m in members:
                if m.file_size >= limits.ratio_from and m.file_size > limits.max_ratio * max(1, m.compress_size):
                    raise bad_file(f"Phần “{m.filename}” của tệp nén {_mb(m.file_size)} MB vào "
                               f"{group_vn(m.compress_size)} byte (tệp “bom nén”): không đọc.",
                               f"Part “{m.filename}” packs {_mb(m.file_size)} MB into {m.compress_size} bytes "
                               "(a zip bomb): not read.")
            for m in members:
                if _SHEET_PART.search(m.filename):
                    _check_dimension(zf, m, limits)
    except KnownError:
        raise
    except (*ZIP_ERRORS, ParseError) as exc:
        raise bad_file(f"Không đọc được tệp Excel (tệp hỏng hoặc sai định dạng: {type(exc).__name__}).",
                   f"Cannot read the Excel file (damaged or wrong format: {type(exc).__name__}).") from exc


def _too_big(limits: ReadLimits, what_vi: str, what_en: str) -> KnownError:
    return bad_file(f"Tệp Excel khi giải nén chiếm {what_vi}, quá giới hạn {_mb(limits.max_uncompressed)} MB cho một "
                f"{limits.name_vi}. Hãy xóa các trang, dòng, cột thừa rồi lưu lại.",
                f"The workbook takes {what_en} unpacked, over the {_mb(limits.max_uncompressed)} MB limit for a "
                f"{limits.name_en}. Delete the extra sheets, rows and columns and save it again.")


def declared_range(head: bytes) -> str | None:
    """The ref of a sheet's <dimension> element, read from the first bytes of the sheet's XML."""
    parser = XMLPullParser(events=("start",))
    parser.feed(head)
    for _event, element in parser.read_events():
        local = element.tag.rpartition("}")[2]
        if local == "dimension":
            return element.get("ref")
        if local == "sheetData":
            return None  # no <dimension>: the rows follow
    return None


def _check_dimension(zf: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ReadLimits) -> None:
    from openpyxl.utils.cell import range_boundaries  # noqa: PLC0415 - 0.2 s to import: not at start-up

    with zf.open(member) as fh:
        ref = declared_range(fh.read(_HEAD_BYTES))
    if not ref:
        return
    try:
        _c0, _r0, max_col, max_row = range_boundaries(ref.split()[0])
    except (ValueError, TypeError):
        return  # an odd ref is the reader's business; the child's limits still hold
    sheet = Path(member.filename).stem
    if max_row is not None and max_row > limits.max_rows:
        raise bad_file(f"Trang tính {sheet} khai báo vùng dữ liệu {ref} ({group_vn(max_row)} dòng), quá giới hạn "
                   f"{group_vn(limits.max_rows)} dòng cho một {limits.name_vi}. Hãy xóa các dòng thừa ở cuối trang "
                   "rồi lưu lại.",
                   f"Sheet {sheet} declares the range {ref} ({max_row} rows), over the {limits.max_rows}-row limit "
                   f"for a {limits.name_en}. Delete the extra rows at the end and save it again.")
    if max_col is not None and max_col > limits.max_columns:
        raise bad_file(f"Trang tính {sheet} khai báo vùng dữ liệu {ref} ({group_vn(max_col)} cột), quá giới hạn "
                   f"{limits.max_columns} cột cho một {limits.name_vi}. Hãy xóa các cột thừa rồi lưu lại.",
                   f"Sheet {sheet} declares the range {ref} ({max_col} columns), over the {limits.max_columns}-"
                   f"column limit for a {limits.name_en}. Delete the extra columns and save it again.")
