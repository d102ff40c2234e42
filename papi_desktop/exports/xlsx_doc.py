"""The same official document as an Excel workbook: the text on a first sheet, then one sheet per table,
in Times New Roman, numbers as numbers, dates as dates, printed on A4 with the decree's margins.

It must print as it is, in Excel and in LibreOffice, neither of which sizes a row to its wrapped text
when it opens a file: every row's height is set here, from the text wrapped with the face's own
widths (the bundled Liberation Serif has Times New Roman's metrics), and never above Excel's 409 pt
(a longer paragraph goes on as several rows, a longer table cell on continuation rows). Column widths
fill the printable width of the page at 100 %, with every unbreakable token (an identity number, a
date, a document number "12/UBND-VP") on one line; a table too wide for portrait prints landscape.
Each sheet is fitted to the page width only (it runs on over as many pages as it needs), repeats its
header row on every page and numbers its pages in the footer."""

from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .document import OfficialDoc, Para, TableBlock

if TYPE_CHECKING:
    from openpyxl.styles import Alignment, Border, Font

FONT = "Times New Roman"
# Margins in inches: top and bottom 20 mm, left 30 mm, right 15 mm.
MARGINS = {"top": 0.79, "bottom": 0.79, "left": 1.18, "right": 0.59, "header": 0.3, "footer": 0.3}
FOOTER = "Trang &P/&N"
A4_PT = (595.28, 841.89)
MAX_ROW_PT = 409.0  # Excel's limit for a row height
TEXT_ROW_PT = 200.0  # the text sheet's paragraphs go in rows up to this tall (less blank at a page's end)
TABLE_SIZE = 12.0
MIN_TABLE_SIZE = 10.0  # a dense table (the reception book's 13 columns) is set smaller, never below this
DATE_FORMAT = "dd/mm/yyyy"
# A column width unit is the default font's digit width: 7 px (5.25 pt) in Excel at 96 dpi for Times New
# Roman 11, 5.5 pt in LibreOffice (the unrounded digit). Text is wrapped for the narrower, the page is
# filled for the wider, so neither program shrinks the sheet nor wraps a line more than counted.
PT_WRAP, PT_LAYOUT = 5.25, 5.5
CELL_PAD = 5.0  # points of a column's width that text cannot use (the two cell margins, the grid line)
LINE = 1.31  # line pitch / font size: Excel's for Times New Roman, 1.27-1.31 (LibreOffice sets lines closer,
# about 1.1: a little blank under each row there rather than a last line cut off in Excel)
ROW_PAD = 4.0
_SHEET_BAD = re.compile(r"[\\/*?:\[\]]")
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ID_HEADER = re.compile(r"cccd|cmnd|hộ chiếu|định danh|căn cước", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.;:!?])[ \t]+|(?<=\n)")
_ENUMERATOR = re.compile(r"(?:^|\s)(?:\d{1,3}|[IVXLivxl]{1,5}|[a-zđ])\.$")  # "8.", "IV.", "a.": not an end


def _nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def set_value(cell, value: object) -> None:  # noqa: ANN001
    """Every text is a string cell, never a formula: openpyxl turns "=..." into a live formula
    (=HYPERLINK, DDE "=cmd|..."), and a citizen's name or an imported cell may start with "="."""
    cell.value = _nfc(value)
    if isinstance(value, str):
        cell.data_type = "s"


def as_date(value: object) -> date | None:
    """A cell that is a date and only a date ("05/01/2026", "5/1/2026"; or a date object): the date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and 8 <= len(value) <= 12 and "/" in value:
        m = _DATE.fullmatch(value.strip())
        if m:
            try:
                return date(int(m[3]), int(m[2]), int(m[1]))
            except ValueError:
                return None
    return None


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_BAD.sub(" ", name).strip()[:28] or "Bảng"
    candidate, n = base, 2
    while candidate.lower() in used:
        candidate, n = f"{base[:25]} {n}", n + 1
    used.add(candidate.lower())
    return candidate


def printable_pt(landscape: bool) -> float:
    """The width between the margins of an A4 page, in points."""
    return (A4_PT[1] if landscape else A4_PT[0]) - 72 * (MARGINS["left"] + MARGINS["right"])


# ---- measuring text ----

class Metrics:
    """Widths of the bundled Times New Roman metric-compatible faces; greedy word wrap as a spreadsheet
    wraps (at spaces and line breaks; a word longer than the line is cut)."""

    def __init__(self) -> None:
        from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415

        from . import fonts  # noqa: PLC0415

        family = fonts.register()
        face = pdfmetrics.getFont
        self._faces = {(False, False): face(family), (True, False): face(family + "-Bold"),
                       (False, True): face(family + "-Italic"), (True, True): face(family + "-BoldItalic")}
        self._cache: dict[tuple[bool, bool], dict[str, float]] = {k: {} for k in self._faces}

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        cache = self._cache[(bold, italic)]
        w = cache.get(text)
        if w is None:
            w = cache[text] = self._faces[(bold, italic)].stringWidth(text, 1.0)
        return w * size

    def longest_token(self, text: str, size: float, bold: bool = False) -> float:
        return max((self.width(t, size, bold) for t in text.split()), default=0.0)

    def measure(self, text: str, bold: bool = False) -> list[list[float]]:
        """The width of every word at 1 pt, paragraph by paragraph: measured once, counted at any width."""
        cache, face = self._cache[(bold, False)], self._faces[(bold, False)]
        out = []
        for para in text.split("\n"):
            widths = []
            for word in para.split():
                w = cache.get(word)
                if w is None:
                    w = cache[word] = face.stringWidth(word, 1.0)
                widths.append(w)
            out.append(widths)
        return out

    def count(self, measured: list[list[float]], size: float, width_pt: float, bold: bool = False) -> int:
        """How many lines `wrap` makes of a measured text (a word longer than a line: its share of lines)."""
        room = max(width_pt, size) / size
        space = self.width(" ", 1.0, bold)
        lines = 0
        for widths in measured:
            lines += 1
            used = -1.0
            for w in widths:
                if w > room:  # cut in pieces of whole letters (a little under a line); the rest goes on
                    pieces = math.ceil(w / (room * 0.9)) - 1
                    lines += pieces + (used >= 0)
                    used = max(0.0, w - pieces * room * 0.9)
                    continue
                if used < 0:
                    used = w
                elif used + space + w > room:
                    lines += 1
                    used = w
                else:
                    used += space + w
        return lines

    def wrap(self, text: str, size: float, width_pt: float, bold: bool = False,
             italic: bool = False) -> list[tuple[str, str]]:
        """The lines the text takes in a cell that wide: (line, what ends it: "\n" a paragraph, "" a word
        cut in two, " " a space)."""
        out: list[tuple[str, str]] = []
        space = self.width(" ", size, bold, italic)
        room = max(width_pt, size)
        for para in text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in para.split():
                w = self.width(word, size, bold, italic)
                while w > room:  # cut a word too long for the line, character by character
                    if line:
                        out.append((" ".join(line), " "))
                        line, used = [], 0.0
                    cut = 1
                    while cut < len(word) and self.width(word[:cut + 1], size, bold, italic) <= room:
                        cut += 1
                    out.append((word[:cut], ""))
                    word = word[cut:]
                    w = self.width(word, size, bold, italic)
                if not word:
                    continue
                if line and used + space + w > room:
                    out.append((" ".join(line), " "))
                    line, used = [], 0.0
                used = used + space + w if line else w
                line.append(word)
            out.append((" ".join(line), "\n"))
        return out


def row_height(lines: int, size: float) -> float:
    return round(max(1, lines) * size * LINE + ROW_PAD, 2)


def max_lines(size: float, limit: float = MAX_ROW_PT) -> int:
    return max(1, int((limit - ROW_PAD) // (size * LINE)))


def _join(lines: list[tuple[str, str]]) -> str:
    return "".join(text + end for text, end in lines).rstrip()


def split_text(metrics: Metrics, text: str, size: float, width_pt: float, limit: int, bold: bool = False,
               italic: bool = False) -> list[str]:
    """The text in pieces of at most `limit` wrapped lines each, cut between sentences (after ". ", "; ",
    ": " or a line break); a sentence longer than a piece is cut between its lines."""
    lines = metrics.wrap(text, size, width_pt, bold, italic)
    if len(lines) <= limit:
        return [text]
    sentences: list[str] = []
    for part in _SENTENCE.split(text):
        if sentences and _ENUMERATOR.search(sentences[-1]):  # "…; 8." + "Nhiệm vụ …": one sentence
            sentences[-1] += " " + part
        elif part.strip():
            sentences.append(part)
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        glue = "" if not current or current.endswith("\n") else " "
        joined = current + glue + sentence
        if len(metrics.wrap(joined.strip(), size, width_pt, bold, italic)) <= limit:
            current = joined
            continue
        if current.strip():
            pieces.append(current.strip())
        current = sentence
        long = metrics.wrap(current.strip(), size, width_pt, bold, italic)
        while len(long) > limit:  # one sentence longer than a piece: cut it between lines
            pieces.append(_join(long[:limit]))
            long = long[limit:]
            current = _join(long)
    if current.strip():
        pieces.append(current.strip())
    return pieces


def fill_widths(rel: list[float], mins: list[float], total: float) -> list[float]:
    """Widths in proportion to `rel` adding up to `total`, none below its minimum (all at their minimum
    when those alone exceed the total)."""
    if sum(mins) >= total:
        return list(mins)
    widths = [0.0] * len(rel)
    free, remaining = set(range(len(rel))), total
    while free:
        share = sum(rel[i] for i in free) or 1.0
        short = [i for i in free if (rel[i] or 0) / share * remaining < mins[i]]
        if not short:
            break
        for i in short:
            widths[i] = mins[i]
            remaining -= mins[i]
            free.discard(i)
    share = sum(rel[i] for i in free) or 1.0
    for i in free:
        widths[i] = (rel[i] or 0) / share * remaining
    return widths


# ---- the workbook ----

def _print_setup(ws, landscape: bool, title_row: int | None = None) -> None:  # noqa: ANN001
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for key, value in MARGINS.items():
        setattr(ws.page_margins, key, value)
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.font = f"{FONT},Regular"
    ws.oddFooter.center.size = 11
    if title_row is not None:
        ws.print_title_rows = f"{title_row}:{title_row}"


def _default_font(wb, font_cls) -> None:  # noqa: ANN001
    """The workbook's default font (the unit of column widths) is Times New Roman 11, which every
    commune PC has, rather than Calibri, which LibreOffice on Linux replaces with a wider face."""
    from openpyxl.utils.indexed_list import IndexedList  # noqa: PLC0415

    normal = font_cls(name=FONT, size=11, family=1)
    # openpyxl has no public setter for it; should its insides change, the default stays Calibri (whose
    # columns are a little wider in LibreOffice) and the workbook is written all the same
    with contextlib.suppress(AttributeError, KeyError, TypeError):
        wb._fonts = IndexedList([normal])  # noqa: SLF001
        wb._named_styles["Normal"].font = normal  # noqa: SLF001


def write_xlsx(doc: OfficialDoc, target: Path) -> Path:
    """Write the workbook through a temporary file; a failure leaves none."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Alignment, Border, Font, Side  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    wb = Workbook()
    _default_font(wb, Font)
    metrics = Metrics()
    used: set[str] = set()
    _write_text_sheet(wb.active, doc, used, metrics, Font, Alignment)

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    tables = [(b, doc.landscape) for b in doc.blocks if isinstance(b, TableBlock)]
    for app in doc.appendices:
        tables += [(b, doc.landscape or app.landscape) for b in app.blocks if isinstance(b, TableBlock)]
    for table, landscape in tables:
        _write_table(wb, table, used, metrics, _Kit(border, Font, Alignment, get_column_letter), landscape)

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    from zipfile import ZIP_DEFLATED, ZipFile  # noqa: PLC0415

    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415

    try:
        # wb.save's own file and archive stay open when the disk is full: ours are closed whatever happens
        with tmp.open("wb") as fh, ZipFile(fh, "w", ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(wb, archive).save()
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _write_text_sheet(ws, doc: OfficialDoc, used: set[str], metrics: Metrics,  # noqa: ANN001
                      font_cls, align_cls) -> None:
    ws.title = _sheet_name("Văn bản", used)
    # The two header columns fill the portrait printable width (85 units): left for the issuer, right for
    # the national name (Nghị định 30/2020's layout).
    widths = {1: 33.0, 2: 52.0}
    ws.column_dimensions["A"].width = widths[1]
    ws.column_dimensions["B"].width = widths[2]
    span_pt = (widths[1] + widths[2]) * PT_WRAP - CELL_PAD

    def col_pt(col: int) -> float:
        return widths[col] * PT_WRAP - CELL_PAD

    def font(size: float, bold: bool = False, italic: bool = False):  # noqa: ANN202
        return font_cls(name=FONT, size=size, bold=bold, italic=italic)

    wrap = align_cls(wrap_text=True, vertical="top")
    center = align_cls(horizontal="center", vertical="top", wrap_text=True)
    heights: dict[int, float] = {}

    def put(row: int, col: int, value: str, size: float, align, bold: bool = False,  # noqa: ANN001
            italic: bool = False, span: bool = False) -> None:
        cell = ws.cell(row=row, column=col)
        set_value(cell, value)
        cell.font, cell.alignment = font(size, bold, italic), align
        if span:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        lines = metrics.wrap(str(_nfc(value)), size, span_pt if span else col_pt(col), bold, italic)
        heights[row] = min(MAX_ROW_PT, max(heights.get(row, 0.0), row_height(len(lines), size)))

    def put_long(row: int, value: str, size: float, align, bold: bool = False,  # noqa: ANN001
                 italic: bool = False) -> int:
        """A paragraph over as many rows as it needs, each under TEXT_ROW_PT; the next free row."""
        limit = max_lines(size, TEXT_ROW_PT)
        for piece in split_text(metrics, str(_nfc(value)), size, span_pt, limit, bold, italic):
            put(row, 1, piece, size, align, bold, italic, span=True)
            row += 1
        return row

    put(1, 1, "\n".join(doc.issuer_lines), 13, center, bold=True)
    national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    put(1, 2, national, 12, center, bold=True)
    put(2, 1, doc.number, 13, center)
    put(2, 2, doc.place_date, 13, center, italic=True)
    put(4, 1, doc.doc_type, 14, center, bold=True, span=True)
    put(5, 1, doc.abstract, 14, center, bold=True, span=True)
    row = 7
    for block in doc.blocks:
        if isinstance(block, Para):
            bold, italic = block.style.startswith("heading"), block.style == "italic"
            row = put_long(row, block.text, 13, wrap, bold, italic)
        else:
            note = f"(Bảng “{block.sheet or block.title}”: xem trang tính riêng)"
            put(row, 1, note, 13, wrap, italic=True, span=True)
            row += 1
    if doc.closing:
        row = put_long(row, doc.closing, 13, wrap)
    row += 1
    if doc.recipients and len(doc.signers) < 2:
        put(row, 1, "Nơi nhận:\n" + "\n".join("- " + r for r in doc.recipients), 11, wrap)
    for col, signer in zip((1, 2) if len(doc.signers) >= 2 else (2,), doc.signers, strict=False):
        put(row, col, "\n".join(signer.authority) + "\n\n\n\n" + signer.name, 13, center, bold=True)
    for r, height in heights.items():
        ws.row_dimensions[r].height = height
    _print_setup(ws, False)


@dataclass(frozen=True)
class _Kit:
    """openpyxl's classes, imported when a workbook is written (not at start-up)."""

    border: Border
    font_cls: type[Font]
    align_cls: type[Alignment]
    column_letter: Callable[[int], str]


def table_size(table: TableBlock) -> float:
    """The table's font size in the workbook: the size the PDF chose, from 10 to 12 pt (a printed sheet is
    fitted to the page width at about 100 %, so this is the size on paper)."""
    return min(TABLE_SIZE, max(MIN_TABLE_SIZE, float(table.font_size or TABLE_SIZE)))


def _styles(wb, kit: _Kit, size: float) -> dict[str, str]:  # noqa: ANN001
    """Named cell styles, registered once per size: assigning a name is far cheaper than a font, a border
    and an alignment per cell (a 10,000-visit book has 130,000 cells)."""
    from openpyxl.styles import NamedStyle  # noqa: PLC0415

    font, align = kit.font_cls, kit.align_cls
    suffix = "" if size == TABLE_SIZE else f"_{size:g}"
    specs = {
        "papi_head": (font(name=FONT, size=size, bold=True), align(horizontal="center", vertical="center",
                                                                   wrap_text=True), None),
        "papi_text": (font(name=FONT, size=size), align(vertical="top", wrap_text=True), None),
        "papi_bold": (font(name=FONT, size=size, bold=True), align(vertical="top", wrap_text=True), None),
        "papi_int": (font(name=FONT, size=size), align(horizontal="right", vertical="top"), "#,##0"),
        "papi_dec": (font(name=FONT, size=size), align(horizontal="right", vertical="top"), "#,##0.0"),
        "papi_date": (font(name=FONT, size=size), align(horizontal="center", vertical="top"), DATE_FORMAT),
        # an identity number: one line, never wrapped (its column is wide enough for it)
        "papi_id": (font(name=FONT, size=size), align(vertical="top", wrap_text=False), None),
    }
    for name, (f, a, number_format) in specs.items():
        if name + suffix not in wb.named_styles:
            style = NamedStyle(name=name + suffix, font=f, alignment=a, border=kit.border)
            if number_format:
                style.number_format = number_format
            wb.add_named_style(style)
    return {k: k + suffix for k in specs}


def _shown(value: object) -> str:
    """The text a cell shows, for measuring."""
    day = as_date(value)
    if day is not None:
        return day.strftime("%d/%m/%Y")
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return str(_nfc(value))


def _column_widths(table: TableBlock, cells: list[list[_Cell]], metrics: Metrics,
                   landscape: bool) -> tuple[list[float], bool]:
    """Widths in column units, and whether the table prints landscape. Each column is at least as wide
    as its longest unbreakable token (header words included); what is left of the page goes in
    proportion to the table's relative widths."""
    n = len(table.headers)
    size = table_size(table)
    longest = [metrics.longest_token(str(_nfc(h)), 1.0, bold=True) for h in table.headers]
    for row in cells:
        for c, cell in enumerate(row[:n]):
            longest[c] = max(longest[c], cell.longest)
    portrait_total = printable_pt(False) / PT_LAYOUT
    mins = [max(4.0, min((w * size + CELL_PAD + 1) / PT_WRAP, 0.4 * portrait_total)) for w in longest]
    landscape = landscape or n > 6 or sum(mins) > portrait_total
    total = printable_pt(landscape) / PT_LAYOUT
    return fill_widths([float(w) for w in table.widths], mins, total), landscape


@dataclass(slots=True)
class _Cell:
    value: object
    day: date | None
    text: str | None  # a text cell's text (NFC), None for a number or a date
    measured: list[list[float]] | None
    longest: float  # its longest word at 1 pt


def _prepare(table: TableBlock, metrics: Metrics) -> list[list[_Cell]]:
    """Every cell once: a date is a date, a text is measured (a 10,000-visit book has 130,000 cells)."""
    out = []
    date_width = metrics.width("00/00/0000", 1.0)
    seen: dict[tuple[str, bool], tuple[str, list[list[float]], float]] = {}  # a column's repeated texts
    for index, values in enumerate(table.rows):
        bold = index in table.section_rows
        row = []
        for value in values:
            day = as_date(value)
            if day is not None:
                row.append(_Cell(value, day, None, None, date_width))
            elif isinstance(value, str) and value:
                known = seen.get((value, bold))
                if known is None:
                    text = unicodedata.normalize("NFC", value)
                    measured = metrics.measure(text, bold)
                    known = seen[(value, bold)] = (text, measured, max(map(_top, measured)))
                row.append(_Cell(value, None, *known))
            else:
                shown = _shown(value)
                row.append(_Cell(value, None, None, None, metrics.width(shown, 1.0, bold) if shown else 0.0))
        out.append(row)
    return out


def _top(widths: list[float]) -> float:
    return max(widths) if widths else 0.0


def _write_table(wb, table: TableBlock, used: set[str], metrics: Metrics, kit: _Kit,  # noqa: ANN001
                 landscape: bool) -> None:
    ws = wb.create_sheet(_sheet_name(table.sheet or table.title or "Bảng", used))
    size = table_size(table)
    names = _styles(wb, kit, size)
    n = len(table.headers)
    cells = _prepare(table, metrics)
    widths, landscape = _column_widths(table, cells, metrics, landscape)
    room = [w * PT_WRAP - CELL_PAD for w in widths]
    id_cols = {c for c, h in enumerate(table.headers) if _ID_HEADER.search(str(h))}
    limit = max_lines(size)
    first = 1
    if table.title:
        title = ws.cell(row=1, column=1)
        set_value(title, table.title)
        title.font = kit.font_cls(name=FONT, size=size, bold=True)
        title.alignment = kit.align_cls(wrap_text=True, vertical="top")
        if n > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
        lines = metrics.wrap(str(_nfc(table.title)), size, sum(room), bold=True)
        ws.row_dimensions[1].height = row_height(len(lines), size)
        first = 3
    head_lines = 1
    for c, (name, width) in enumerate(zip(table.headers, widths, strict=True), start=1):
        head = ws.cell(row=first, column=c)
        set_value(head, name)
        head.style = names["papi_head"]
        ws.column_dimensions[kit.column_letter(c)].width = round(width, 2)
        head_lines = max(head_lines, len(metrics.wrap(str(_nfc(name)), size, room[c - 1], bold=True)))
    ws.row_dimensions[first].height = min(MAX_ROW_PT, row_height(head_lines, size))

    r = first + 1
    for index, row in enumerate(cells):
        bold = index in table.section_rows
        text_style = names["papi_bold"] if bold else names["papi_text"]
        pieces: dict[int, list[str]] = {}
        tall = 1
        for c, cell in enumerate(row):
            if cell.measured is not None and cell.text is not None:
                width = room[min(c, n - 1)]
                count = metrics.count(cell.measured, size, width, bold)
                if count > limit:
                    pieces[c] = split_text(metrics, cell.text, size, width, limit, bold)
                tall = max(tall, min(count, limit))
        for c, cell in enumerate(row, start=1):
            target = ws.cell(row=r, column=c)
            if cell.day is not None:
                target.value = cell.day
                target.style = names["papi_date"]
                continue
            value = cell.value
            set_value(target, pieces[c - 1][0] if c - 1 in pieces else value)
            if isinstance(value, bool) or not isinstance(value, int | float):
                single = cell.text is not None and "\n" not in cell.text
                target.style = names["papi_id"] if (c - 1 in id_cols and single) else text_style
            else:
                target.style = names["papi_int"] if isinstance(value, int) else names["papi_dec"]
        ws.row_dimensions[r].height = row_height(tall, size)
        extra = max((len(p) for p in pieces.values()), default=1)
        for k in range(1, extra):  # continuation rows of a cell too long for one row
            r += 1
            tall = 1
            for c in range(1, len(row) + 1):
                target = ws.cell(row=r, column=c)
                target.style = text_style
                part = pieces.get(c - 1, [])
                if k < len(part):
                    set_value(target, part[k])
                    tall = max(tall, len(metrics.wrap(part[k], size, room[min(c - 1, n - 1)], bold)))
            ws.row_dimensions[r].height = row_height(min(tall, limit), size)
        r += 1
    ws.freeze_panes = ws.cell(row=first + 1, column=1)
    _print_setup(ws, landscape, first)
