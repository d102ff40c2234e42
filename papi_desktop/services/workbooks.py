"""Reading spreadsheets for the importers: checks that give a clear message, then rows of cell texts.

Two readers, each where it is better: openpyxl for the plan appendix (small, merged cells carry
their value into every cell) and python-calamine for registers of 100,000 rows (a compiled reader,
about ten times faster than openpyxl's streaming mode on the same file).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

from ..domain.errors import KnownError
from ..domain.progress import CancelToken

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")

Rows = Iterator[tuple[int, list[str]]]


def bad_file(vi: str, en: str) -> KnownError:
    return KnownError(vi + " Không có dữ liệu nào được ghi.", en + " Nothing was written.")


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


def _unreadable(exc: Exception) -> KnownError:
    return bad_file(f"Không đọc được tệp Excel (tệp hỏng hoặc sai định dạng: {type(exc).__name__}).",
                    f"Cannot read the Excel file (damaged or wrong format: {type(exc).__name__}).")


def read_sheets(path: Path, cancel: CancelToken | None = None) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    """Every sheet as numbered rows of cell texts; merged ranges carry their value into every cell."""
    from openpyxl import load_workbook  # noqa: PLC0415 - 0.2 s to import: not on the start-up path
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    path = Path(path)
    check_container(path)
    try:
        wb = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise _unreadable(exc) from exc
    sheets = []
    try:
        for ws in wb.worksheets:
            merged: dict[tuple[int, int], object] = {}
            for rng in ws.merged_cells.ranges:
                value = ws.cell(rng.min_row, rng.min_col).value
                for r in range(rng.min_row, rng.max_row + 1):
                    for c in range(rng.min_col, rng.max_col + 1):
                        merged[(r, c)] = value
            rows = []
            for r_idx, row in enumerate(ws.iter_rows(values_only=True), start=1):
                if cancel is not None and r_idx % 200 == 0:
                    cancel.raise_if_cancelled()
                cells = [cell_text(merged.get((r_idx, c_idx), v)) for c_idx, v in enumerate(row, start=1)]
                rows.append((r_idx, cells))
            sheets.append((ws.title, rows))
    finally:
        wb.close()
    return sheets


def stream_sheets(path: Path, cancel: CancelToken | None = None) -> Iterator[tuple[str, Rows]]:
    """Sheets as streams of rows numbered as Excel numbers them (python-calamine). Merged cells keep
    their value in the first cell only, as in openpyxl's read-only mode."""
    from python_calamine import CalamineError, CalamineWorkbook  # noqa: PLC0415

    path = Path(path)
    check_container(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise _unreadable(exc) from exc

    def rows_of(name: str) -> Rows:
        try:
            sheet = wb.get_sheet_by_name(name)
            # Rows come from the sheet's first row (empty ones included), so Excel's numbers hold.
            for r_idx, row in enumerate(sheet.iter_rows(), start=1):
                if cancel is not None and r_idx % 500 == 0:
                    cancel.raise_if_cancelled()
                yield r_idx, [v if isinstance(v, str) else cell_text(v) for v in row]
        except (CalamineError, ValueError) as exc:
            raise _unreadable(exc) from exc

    for name in wb.sheet_names:
        yield name, rows_of(name)
