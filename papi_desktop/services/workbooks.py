"""Reading spreadsheets for the importers: checks that give a clear message, then rows of cell texts.

Two readers, each where it is better: openpyxl for the plan appendix (small, merged cells carry
their value into every cell) and python-calamine for registers of 100,000 rows (a compiled reader,
about ten times faster than openpyxl's streaming mode on the same file).

Before reading, the file's declared and real sizes are checked against the limits for its kind
(workbook_checks); the reading itself runs in a child process (safe_read), so a damaged or hostile
file ends in a KnownError, never in a crash of the program.
"""

from __future__ import annotations

import multiprocessing
import sys
import zipfile
from collections.abc import Generator, Iterator
from datetime import date, datetime, time
from pathlib import Path

from ..domain.errors import KnownError
from ..domain.jobs import CancelToken
from ..domain.numbers import group_vn
from . import safe_read
from .workbook_checks import ReadLimits, bad_file, check_members, check_size, limits_for

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")

Rows = Iterator[tuple[int, list[str]]]
__all__ = ["bad_file", "cell_text", "check_workbook", "read_sheets", "stream_sheets"]


def cell_text(value: object) -> str:
    """A cell as the text a person reads: dates dd/mm/yyyy, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def check_container(path: Path) -> None:
    """Refuse, with a clear message, what is not a readable .xlsx: missing, empty, .xls, locked, not a zip."""
    if not path.exists():
        raise bad_file(f"Không tìm thấy tệp {path}.", f"File {path} not found.")
    if path.is_dir():
        raise bad_file(f"“{path}” là một thư mục, không phải tệp .xlsx. Hãy chọn tệp Excel trong thư mục đó.",
                       f"“{path}” is a folder, not an .xlsx file. Choose the Excel file inside it.")
    if path.stat().st_size == 0:
        raise bad_file("Tệp rỗng (0 byte). Hãy chọn đúng tệp Excel .xlsx.", "The file is empty (0 bytes).")
    with path.open("rb") as fh:
        head = fh.read(8)
        if head == _OLE_MAGIC:
            body = head + fh.read()
            if _ENCRYPTED_MARK in body:
                raise bad_file(
                    "Tệp Excel được đặt mật khẩu. Hãy mở tệp trong Excel, bỏ mật khẩu rồi lưu lại và nhập lại.",
                    "The Excel file is password-protected. Remove the password in Excel, save, and retry.")
            raise bad_file("Đây là tệp Excel cũ (.xls). Hãy mở trong Excel và lưu thành .xlsx rồi nhập lại.",
                           "This is an old Excel file (.xls). Save it as .xlsx in Excel and import again.")
    if not zipfile.is_zipfile(path):
        raise bad_file("Tệp không phải bảng tính Excel .xlsx (hoặc đã bị hỏng).",
                       "The file is not an Excel .xlsx workbook (or it is damaged).")


def check_workbook(path: Path, kind: str, whole_sheets: bool = False) -> ReadLimits:
    """Every check that needs no reader: the container, then the sizes against the kind's limits
    (with whole_sheets, every row number and merged range too: what openpyxl would expand)."""
    path = Path(path)
    limits = limits_for(kind)
    if path.is_file():
        check_size(path, limits)  # first: an old .xls is read whole to tell a locked one
    check_container(path)
    check_members(path, limits, whole_sheets)
    return limits


def _too_many(limits: ReadLimits, sheet: str, rows: int, columns: int) -> KnownError:
    return bad_file(
        f"Trang tính “{sheet}” có {group_vn(rows)} dòng × {columns} cột, quá giới hạn {group_vn(limits.max_rows)} "
        f"dòng × {limits.max_columns} cột cho một {limits.name_vi}. Hãy xóa các dòng, cột thừa rồi lưu lại.",
        f"Sheet “{sheet}” has {rows} rows × {columns} columns, over the {limits.max_rows} × {limits.max_columns} "
        f"limit for a {limits.name_en}. Delete the extra rows and columns and save it again.")


def openpyxl_sheets(path: Path, limits: ReadLimits) -> Iterator[tuple[str, Rows]]:
    """Runs in the reader's process: every sheet, merged ranges carrying their value into every cell."""
    if multiprocessing.parent_process() is not None and "numpy" not in sys.modules:
        # openpyxl imports numpy only to write numpy values; a reader's process does without (0.1 s a read,
        # and the frozen build has no numpy anyway).
        sys.modules["numpy"] = None  # type: ignore[assignment]
    from openpyxl import load_workbook  # noqa: PLC0415 - 0.2 s to import: not on the start-up path

    wb = load_workbook(path, data_only=True)
    try:
        for ws in wb.worksheets:
            if ws.max_row > limits.max_rows or ws.max_column > limits.max_columns:
                raise _too_many(limits, ws.title, ws.max_row, ws.max_column)
            merged: dict[tuple[int, int], object] = {}
            for rng in ws.merged_cells.ranges:
                value = ws.cell(rng.min_row, rng.min_col).value
                for r in range(rng.min_row, min(rng.max_row, limits.max_rows) + 1):
                    for c in range(rng.min_col, min(rng.max_col, limits.max_columns) + 1):
                        merged[(r, c)] = value
            rows = ((r_idx, [cell_text(merged.get((r_idx, c_idx), v)) for c_idx, v in enumerate(row, start=1)])
                    for r_idx, row in enumerate(ws.iter_rows(values_only=True), start=1))
            yield ws.title, rows
    finally:
        wb.close()


def calamine_sheets(path: Path, limits: ReadLimits) -> Iterator[tuple[str, Rows]]:
    """Runs in the reader's process: sheets row by row, numbered as Excel numbers them. Merged cells
    keep their value in the first cell only, as in openpyxl's read-only mode."""
    from python_calamine import CalamineWorkbook  # noqa: PLC0415

    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        # Rows come from the sheet's first row (empty ones included), so Excel's numbers hold.
        rows, columns = (sheet.end[0] + 1, sheet.end[1] + 1) if sheet.end else (0, 0)  # end: 0-based
        if rows > limits.max_rows or columns > limits.max_columns:
            raise _too_many(limits, name, rows, columns)
        yield name, ((r_idx, [v if isinstance(v, str) else cell_text(v) for v in row])
                     for r_idx, row in enumerate(sheet.iter_rows(), start=1))


def read_sheets(path: Path, cancel: CancelToken | None = None, *,
                kind: str) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    """Every sheet as numbered rows of cell texts (openpyxl); merged ranges carry their value into every
    cell. kind ("plan", "budget", "poverty") chooses the limits."""
    limits = check_workbook(path, kind, whole_sheets=True)
    return [(name, list(rows)) for name, rows in safe_read.sheets_in_child(openpyxl_sheets, path, limits, cancel)]


def stream_sheets(path: Path, cancel: CancelToken | None = None, *,
                  kind: str) -> Generator[tuple[str, Rows], None, None]:
    """Sheets as streams of rows numbered as Excel numbers them (python-calamine), read while the caller
    parses them; closing the generator stops the reader."""
    limits = check_workbook(path, kind)
    return safe_read.sheets_in_child(calamine_sheets, Path(path), limits, cancel)
