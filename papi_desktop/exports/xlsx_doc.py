"""The same official document as an Excel workbook: the text on a first sheet, then one sheet per table,
in Times New Roman, numbers as numbers, printed on A4 with the decree's margins, the header row
repeated on every page, fitted to the page width."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .document import OfficialDoc, Para, TableBlock

FONT = "Times New Roman"
# Margins in inches: top and bottom 20 mm, left 30 mm, right 15 mm.
MARGINS = {"top": 0.79, "bottom": 0.79, "left": 1.18, "right": 0.59, "header": 0.3, "footer": 0.3}
_SHEET_BAD = re.compile(r"[\\/*?:\[\]]")


def _nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def set_value(cell, value: object) -> None:  # noqa: ANN001
    """Every text is a string cell, never a formula: openpyxl turns "=..." into a live formula
    (=HYPERLINK, DDE "=cmd|..."), and a citizen's name or an imported cell may start with "="."""
    cell.value = _nfc(value)
    if isinstance(value, str):
        cell.data_type = "s"


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub(" ", name).strip()[:28] or "Bảng"
    candidate, n = base, 2
    while candidate.lower() in used:
        candidate, n = f"{base[:25]} {n}", n + 1
    used.add(candidate.lower())
    return candidate


def _print_setup(ws, landscape: bool, title_row: int | None = None) -> None:  # noqa: ANN001
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for key, value in MARGINS.items():
        setattr(ws.page_margins, key, value)
    if title_row is not None:
        ws.print_title_rows = f"{title_row}:{title_row}"


def write_xlsx(doc: OfficialDoc, target: Path) -> Path:
    """Write the workbook through a temporary file; a failure leaves none."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Alignment, Border, Font, Side  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    wb = Workbook()
    used: set[str] = set()
    plain, bold, italic = Font(name=FONT, size=13), Font(name=FONT, size=13, bold=True), Font(name=FONT, size=13,
                                                                                               italic=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws = wb.active
    ws.title = _sheet_name("Văn bản", used)
    ws.column_dimensions["A"].width = 45
    ws.column_dimensions["B"].width = 55

    def put(row: int, col: int, value: object, font: Font, align: Alignment, span: bool = False) -> None:
        cell = ws.cell(row=row, column=col)
        set_value(cell, value)
        cell.font, cell.alignment = font, align
        if span:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)

    put(1, 1, "\n".join(doc.issuer_lines), bold, center)
    put(1, 2, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", bold, center)
    ws.row_dimensions[1].height = 36
    put(2, 1, doc.number, plain, center)
    put(2, 2, doc.place_date, italic, center)
    put(4, 1, doc.doc_type, bold, center, span=True)
    put(5, 1, doc.abstract, bold, center, span=True)
    row = 7
    for block in doc.blocks:
        if isinstance(block, Para):
            font = bold if block.style.startswith("heading") else italic if block.style == "italic" else plain
            put(row, 1, block.text, font, wrap, span=True)
            ws.row_dimensions[row].height = max(18, 17 * (len(block.text) // 90 + 1))
            row += 1
        else:
            put(row, 1, f"(Bảng “{block.sheet or block.title}”: xem trang tính riêng)", italic, wrap, span=True)
            row += 1
    if doc.closing:
        put(row, 1, doc.closing, plain, wrap, span=True)
        row += 1
    row += 1
    if doc.recipients and len(doc.signers) < 2:
        put(row, 1, "Nơi nhận:\n" + "\n".join("- " + r for r in doc.recipients), Font(name=FONT, size=11), wrap)
    for col, signer in zip((1, 2) if len(doc.signers) >= 2 else (2,), doc.signers, strict=False):
        put(row, col, "\n".join(signer.authority) + "\n\n\n\n" + signer.name, bold, center)
    ws.row_dimensions[row].height = 120
    _print_setup(ws, False)

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for table in doc.tables():
        _write_table(wb, table, used, border, Font, Alignment, get_column_letter, doc.landscape)

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    try:
        wb.save(tmp)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _styles(wb, font_cls, align_cls, border) -> dict[str, str]:  # noqa: ANN001
    """Named cell styles, registered once: assigning a name is far cheaper than a font, a border and an
    alignment per cell (a 10,000-visit book has 130,000 cells)."""
    from openpyxl.styles import NamedStyle  # noqa: PLC0415

    specs = {
        "papi_head": (font_cls(name=FONT, size=12, bold=True), align_cls(horizontal="center", vertical="center",
                                                                         wrap_text=True), None),
        "papi_text": (font_cls(name=FONT, size=12), align_cls(vertical="top", wrap_text=True), None),
        "papi_bold": (font_cls(name=FONT, size=12, bold=True), align_cls(vertical="top", wrap_text=True), None),
        "papi_int": (font_cls(name=FONT, size=12), align_cls(horizontal="right", vertical="top"), "#,##0"),
        "papi_dec": (font_cls(name=FONT, size=12), align_cls(horizontal="right", vertical="top"), "#,##0.0"),
    }
    for name, (font, align, number_format) in specs.items():
        if name not in wb.named_styles:
            style = NamedStyle(name=name, font=font, alignment=align, border=border)
            if number_format:
                style.number_format = number_format
            wb.add_named_style(style)
    return {k: k for k in specs}


def _write_table(wb, table: TableBlock, used: set[str], border, font_cls, align_cls, column_letter,  # noqa: ANN001
                 landscape: bool) -> None:
    ws = wb.create_sheet(_sheet_name(table.sheet or table.title or "Bảng", used))
    names = _styles(wb, font_cls, align_cls, border)
    first = 1
    if table.title:
        title = ws.cell(row=1, column=1)
        set_value(title, table.title)
        title.font = font_cls(name=FONT, size=12, bold=True)
        first = 3
    total = sum(table.widths)
    for c, (name, width) in enumerate(zip(table.headers, table.widths, strict=True), start=1):
        head = ws.cell(row=first, column=c)
        set_value(head, name)
        head.style = names["papi_head"]
        ws.column_dimensions[column_letter(c)].width = max(6, 120 * width / total)
    for r, values in enumerate(table.rows, start=first + 1):
        text_style = names["papi_bold"] if (r - first - 1) in table.section_rows else names["papi_text"]
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            set_value(cell, value)
            if isinstance(value, bool) or not isinstance(value, int | float):
                cell.style = text_style
            else:
                cell.style = names["papi_int"] if isinstance(value, int) else names["papi_dec"]
    ws.freeze_panes = ws.cell(row=first + 1, column=1)
    _print_setup(ws, landscape or len(table.headers) > 6, first)
