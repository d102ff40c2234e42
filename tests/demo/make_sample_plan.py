"""Write resources/demo/ke_hoach_mau_2027.xlsx, the plan appendix the demo ships for a first import.

    python tests/demo/make_sample_plan.py

The demo's plan (resources/demo/plan_2026.csv, seed 000's appendix as data) carried over to the next
year (every "2026" of its texts and deadlines becomes "2027": the demo already holds the 2026 plan,
so importing that again would change nothing) and laid out as the province
types it (seed 000, "Phụ lục"): the unit and title block, the "Kèm theo Kế hoạch số …" line, the
header row with seed 000's column titles, the numbering row, a row per dimension ("I" | Nội dung
“…”), one row per task with "- " items on lines of their own. Values only, no formulas; set out to
be read and printed (wrapped text, row heights, landscape, the header repeated on every page).
tests/demo/test_sample_plan.py checks that the shipped file holds what this script writes.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "demo" / "plan_2026.csv"
TARGET = ROOT / "resources" / "demo" / "ke_hoach_mau_2027.xlsx"
SOURCE_YEAR, YEAR = "2026", "2027"

TITLE = [
    ("ỦY BAN NHÂN DÂN XÃ CHIỀNG SƠN", False),
    ("Phụ lục", True),
    (f"CÁC NHIỆM VỤ TRỌNG TÂM CẢI THIỆN, NÂNG CAO CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG (PAPI) NĂM {YEAR}",
     True),
    (f"(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/{YEAR} của UBND xã Chiềng Sơn)", False),
]
HEADER = ["TT", "Nhiệm vụ cụ thể", "Sản phẩm đầu ra", "Phòng, đơn vị chủ trì",
          "Các sở, ban, ngành/ Phòng, đơn vị trực thuộc phối hợp", "Thời gian hoàn thành"]
WIDTHS = [6, 46, 36, 18, 22, 28]  # characters; about 26 cm, a landscape A4 page
FONT = "Times New Roman"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LINE_PT = 16.5  # one line of 12 pt text


def records(source: Path = SOURCE) -> list[dict[str, str]]:
    """The demo plan's rows, moved to the sample's year (older years, such as a 2019 decree's, stay)."""
    with source.open(encoding="utf-8", newline="") as fh:
        return [{k: v.replace(SOURCE_YEAR, YEAR) for k, v in rec.items()} for rec in csv.DictReader(fh)]


def rows(source: Path = SOURCE) -> list[list[object]]:
    """The appendix's table as cell values, header first: what the file holds below its title block."""
    out: list[list[object]] = [list(HEADER), [f"({i})" for i in range(1, 7)]]
    section = None
    for rec in records(source):
        if rec["section"] != section:
            section = rec["section"]
            out.append([section, f"Nội dung “{rec['section_title']}”", None, None, None, None])
        out.append([int(rec["tt"]) if rec["tt"].isdigit() else rec["tt"], rec["task"], rec["output"], rec["lead"],
                    rec["coordinators"], rec["deadline"]])
    return out


def _lines(text: object, width: int) -> int:
    """Lines a wrapped cell takes at its column's width (a character is about one width unit)."""
    if text is None:
        return 1
    return sum(max(1, math.ceil(len(part) / max(1, width - 1))) for part in str(text).split("\n"))


def build(target: Path = TARGET, source: Path = SOURCE) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, (text, bold) in enumerate(TITLE, start=1):
        cell = ws.cell(r, 1, text)
        cell.font = Font(name=FONT, size=13 if bold else 12, bold=bold, italic=text.startswith("("))
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    first = len(TITLE) + 2  # a blank line before the table
    for offset, values in enumerate(rows(source)):
        r = first + offset
        heading = offset < 2 or (isinstance(values[0], str) and values[2] is None)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, value)
            cell.font = Font(name=FONT, size=12, bold=heading and offset != 1, italic=offset == 1)
            cell.border = _BOX
            centred = offset < 2 or col in (1, 4, 5)
            cell.alignment = Alignment(horizontal="center" if centred else "left", vertical="center" if centred
                                       else "top", wrap_text=True)
        if heading and offset >= 2:  # a dimension: its title across the row
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=6)
            ws.cell(r, 2).alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
            lines = 1
        else:
            lines = max(_lines(v, w) for v, w in zip(values, WIDTHS, strict=True))
        ws.row_dimensions[r].height = min(409, round(lines * _LINE_PT + 4, 1))  # Excel's limit is 409 pt
    ws.print_title_rows = f"{first}:{first}"
    ws.freeze_panes = ws.cell(first + 2, 1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "Trang &P/&N"
    stamp = dt.datetime(int(YEAR), 1, 5, 8, 0)  # the document properties do not change from one run to the next
    wb.properties.creator, wb.properties.title = "UBND xã Chiềng Sơn (xã mẫu)", TITLE[2][0]
    wb.properties.created = wb.properties.modified = stamp
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
