"""An official document as PDF in the layout of Nghị định 30/2020, Phụ lục I: A4, margins top and
bottom 20 mm, left 30 mm, right 15 mm; the issuing body and the national title with their rules;
number, place and date; type and abstract; body 14 pt justified; "Nơi nhận" and the signature
block; page numbers from page 2; appendices (landscape where a table is wide). Fonts embedded."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from . import fonts
from .document import Appendix, Block, OfficialDoc, Para, SignatureSpot, Signer, TableBlock

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

MM = 72 / 25.4
MARGINS = {"top": 20 * MM, "bottom": 20 * MM, "left": 30 * MM, "right": 15 * MM}
SIGNATURE_HEIGHT = 40 * MM  # room for the signer's image and the seal at its real size over it (35 mm and
#                              the organisation's name and time: exports/stamps.py), clear of the text


def _nfc(text: object) -> str:
    return unicodedata.normalize("NFC", "" if text is None else str(text))


def _p(text: object) -> str:
    return escape(_nfc(text)).replace("\n", "<br/>")


def cell_text(value: object) -> str:
    """A table cell as printed: numbers with dots between thousands."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return _nfc(value)


# Where a word too long for its column is cut, in this order: "09/01/2026–" "28/02/2026".
BREAK_AFTER = ("–—", "-", "/", "_.,;:)")


def _cut_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than its column in pieces that fit, cut after a slash or dash where one is, else
    between letters: a date range or a document number never runs through the column's border."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    pieces, rest = [], word
    while len(rest) > 1 and stringWidth(rest, font, size) > width:
        fits = 1
        while fits < len(rest) and stringWidth(rest[:fits + 1], font, size) <= width:
            fits += 1
        cut = fits
        for marks in BREAK_AFTER:  # a dash before a slash: "09/01/2026–" rather than "09/01/2026–28/"
            soft = max((i + 1 for i, ch in enumerate(rest[:fits]) if ch in marks), default=0)
            if soft * 3 >= fits:  # a break character only when the piece is not a stub
                cut = soft
                break
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return [*pieces, rest] if rest else pieces


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """The lines of a cell, each at most width wide (reportlab's simpleSplit leaves a word longer than
    the line as it is: "12/UBND-VP" ran into the next column of the reception book)."""
    from reportlab.lib.utils import simpleSplit  # noqa: PLC0415
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    lines: list[str] = []
    for line in simpleSplit(text, font, size, width):
        if " " in line or stringWidth(line, font, size) <= width:  # only a lone word can be too wide
            lines.append(line)
            continue
        current = ""  # simpleSplit leaves a too-long word on a line of its own: it is cut here
        for word in line.split(" "):
            for k, piece in enumerate(_cut_word(word, font, size, width)):
                if k == 0 and current and stringWidth(f"{current} {piece}", font, size) <= width:
                    current = f"{current} {piece}"
                    continue
                if current:
                    lines.append(current)
                current = piece
        if current:
            lines.append(current)
    return lines


class _Styles:
    def __init__(self, family: str) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY  # noqa: PLC0415
        from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415

        def st(name: str, size: float = 14, **kw: Any) -> ParagraphStyle:  # ParagraphStyle's own keywords
            opts: dict[str, Any] = {"fontName": family, "fontSize": size, "leading": size * 1.25}
            opts.update(kw)
            return ParagraphStyle(name, **opts)

        bold, italic, bold_italic = family + "-Bold", family + "-Italic", family + "-BoldItalic"
        self.family = family
        self.issuer = st("issuer", 13, alignment=TA_CENTER, fontName=bold, leading=15)
        self.national = st("national", 12.5, alignment=TA_CENTER, fontName=bold, leading=15)
        self.motto = st("motto", 13.5, alignment=TA_CENTER, fontName=bold, leading=16)
        self.number = st("number", 13, alignment=TA_CENTER)
        self.place_date = st("place_date", 13.5, alignment=TA_CENTER, fontName=italic)
        self.doc_type = st("doc_type", 14, alignment=TA_CENTER, fontName=bold, spaceBefore=12)
        self.abstract = st("abstract", 14, alignment=TA_CENTER, fontName=bold)
        self.body = st("body", 14, alignment=TA_JUSTIFY, firstLineIndent=12.7 * MM, spaceBefore=6)
        self.plain = st("plain", 14, alignment=TA_JUSTIFY, spaceBefore=6)
        self.italic = st("italic", 14, alignment=TA_JUSTIFY, fontName=italic, firstLineIndent=12.7 * MM,
                         spaceBefore=6)
        self.center = st("center", 14, alignment=TA_CENTER, spaceBefore=6)
        self.heading1 = st("heading1", 14, fontName=bold, spaceBefore=8, alignment=TA_JUSTIFY,
                           firstLineIndent=12.7 * MM)
        self.heading2 = st("heading2", 14, fontName=bold, spaceBefore=6, alignment=TA_JUSTIFY,
                           firstLineIndent=12.7 * MM)
        self.recipients_head = st("rh", 12, fontName=bold_italic)
        self.recipients = st("r", 11, leading=13)
        self.sign = st("sign", 14, alignment=TA_CENTER, fontName=bold, leading=17)
        self.appendix_label = st("al", 14, alignment=TA_CENTER, fontName=bold)
        self.appendix_title = st("at", 14, alignment=TA_CENTER, fontName=bold)
        self.appendix_sub = st("as", 14, alignment=TA_CENTER, fontName=italic, spaceAfter=8)
        self.caption = st("cap", 13, alignment=TA_CENTER, fontName=bold, spaceBefore=8, spaceAfter=4)


def _flowables():  # noqa: ANN202 - reportlab's classes, imported when a PDF is written
    from reportlab.platypus import Flowable  # noqa: PLC0415

    class Rule(Flowable):
        """A centred line under a header element (its length a fraction of the text, per the decree)."""

        def __init__(self, length: float, width: float) -> None:
            super().__init__()
            self.length, self.width = length, width

        def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
            return self.width, 7

        def draw(self) -> None:  # clear of the descenders above, close enough to belong to them
            x = (self.width - self.length) / 2
            self.canv.setLineWidth(0.6)
            self.canv.line(x, 2.5, x + self.length, 2.5)

    class SignatureSpace(Flowable):
        """Empty room between the signer's title and name; remembers where it landed."""

        def __init__(self, width: float, height: float, spots: list[SignatureSpot]) -> None:
            super().__init__()
            self.width, self.height, self.spots = width, height, spots

        def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
            return self.width, self.height

        def draw(self) -> None:
            x, y = self.canv.absolutePosition(0, 0)
            self.spots.append(SignatureSpot(self.canv.getPageNumber() - 1, (x, y, x + self.width, y + self.height)))

    return Rule, SignatureSpace


def header_rule(length: float, width: float):  # noqa: ANN201
    """The line under the issuing body or the national motto (Nghị định 30/2020), for other writers."""
    rule_cls, _space = _flowables()
    return rule_cls(length, width)


def _header(doc: OfficialDoc, s: _Styles, width: float):  # noqa: ANN202
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415
    from reportlab.platypus import Paragraph, Table, TableStyle  # noqa: PLC0415

    rule_cls, _space = _flowables()
    left_w, right_w = width * 0.42, width * 0.58
    issuer_last = _nfc(doc.issuer_lines[-1])
    issuer = [Paragraph("<br/>".join(_p(x) for x in doc.issuer_lines), s.issuer),
              rule_cls(stringWidth(issuer_last, s.issuer.fontName, 13) * 0.4, left_w)]
    motto = "Độc lập - Tự do - Hạnh phúc"
    national = [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.national), Paragraph(motto, s.motto),
                rule_cls(stringWidth(motto, s.motto.fontName, 13.5), right_w)]
    # Two rows: the number and the place-and-date line stand on the same line (ô 3 and ô 4).
    table = Table([[issuer, national], [Paragraph(_p(doc.number), s.number), Paragraph(_p(doc.place_date),
                                                                                       s.place_date)]],
                  colWidths=[left_w, right_w])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("VALIGN", (0, 0), (-1, 0), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), s.family), ("TOPPADDING", (0, 1), (-1, 1), 4),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


# A row taller than this goes on in further rows: a row taller than the page (a long summary in the
# reception book) cannot be laid out at all. Below a landscape A4 page's body (482 pt) less the
# header rows and the signature block, which is kept with the last row.
MAX_ROW_HEIGHT = 240.0


SAMPLE_ROWS = 200  # rows measured to size the columns (a 10,000-visit book is sized by its first pages)


def _lines_at(cell: list[float], room: float) -> int:
    """Lines a cell takes in a column with room points for text (its line widths; a little for the
    space a word wrap leaves at the end of a line)."""
    return sum(max(1, -int(-w * 1.08 // room)) for w in cell) if cell else 1


def column_widths(block: TableBlock, width: float, regular: str, heavy: str, pad: float) -> list[float]:
    """Column widths from what the columns hold, so that rows are as short as they can be (a reception
    book showed five rows a page when a narrow column wrapped a document number into five lines). Each
    column is at least as wide as its longest word (a date, a 12-digit CCCD, "09/01/2026–28/02/2026";
    at most half the table) and its header's; from block.widths, width then moves a step at a
    time to the column where it saves the most lines over the first rows, from where it costs least."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    size, n = block.font_size, len(block.headers)
    given = [w * width / sum(block.widths) for w in block.widths]
    # The first rows and the last ones (whose numbers are the widest: "9.991" must not be cut)
    picked = range(len(block.rows)) if len(block.rows) <= SAMPLE_ROWS + 50 else [
        *range(SAMPLE_ROWS), *range(len(block.rows) - 50, len(block.rows))]
    sample = [block.rows[i] for i in picked if i not in block.section_rows]
    least = [0.0] * n
    cells: list[list[list[float]]] = [[] for _ in range(n)]  # per column, per row: its lines' widths
    for c in range(n):
        least[c] = max((stringWidth(w, heavy, size) for w in _nfc(block.headers[c]).split()), default=0.0)
        for row in sample:
            text = cell_text(row[c]) if c < len(row) else ""
            line_widths = [stringWidth(x, regular, size) for x in text.split("\n") if x.strip()]
            cells[c].append(line_widths)
            if line_widths:
                longest = max(stringWidth(w, regular, size) for w in text.split())
                least[c] = max(least[c], min(longest, width / 2 - 2 * pad))
        least[c] += 2 * pad + 0.5
    if sum(least) > width or not sample:
        return given  # the columns' words do not fit side by side: the table as designed
    widths = [max(g, lo) for g, lo in zip(given, least, strict=True)]  # as designed, no word cut
    excess = width - sum(widths)
    if excess >= 0:
        widths = [w + excess * g / width for w, g in zip(widths, given, strict=True)]
    else:  # what the widened columns took comes from the columns that had room to spare
        slack = [w - lo for w, lo in zip(widths, least, strict=True)]
        widths = [w + excess * sl / sum(slack) for w, sl in zip(widths, slack, strict=True)]
    lines = [[_lines_at(cell, widths[c] - 2 * pad) for cell in cells[c]] for c in range(n)]
    step = width / 40
    while step > 1.5:
        tops = []  # per row: the tallest cell, which column it is in, and the next tallest
        for r in range(len(sample)):
            ranked = sorted(((lines[c][r], c) for c in range(n)), reverse=True)
            tops.append((ranked[0][0], ranked[0][1], ranked[1][0] if n > 1 else 0))

        def total_with(c: int, col: list[int], tops: list[tuple[int, int, int]] = tops) -> int:
            return sum(max(v, second if first_c == c else first) for v, (first, first_c, second) in
                       zip(col, tops, strict=True))

        now = sum(t[0] for t in tops)
        wider = {c: [_lines_at(cell, widths[c] + step - 2 * pad) for cell in cells[c]] for c in range(n)}
        narrower = {c: [_lines_at(cell, widths[c] - step - 2 * pad) for cell in cells[c]]
                    for c in range(n) if widths[c] - step >= least[c]}
        gain = max(range(n), key=lambda c: now - total_with(c, wider[c]))
        costs = sorted((total_with(c, col) - now, c) for c, col in narrower.items() if c != gain)
        moved = False
        for cost, give in costs[:3]:
            if now - total_with(gain, wider[gain]) <= cost:
                break
            trial = [wider[gain] if c == gain else narrower[give] if c == give else lines[c] for c in range(n)]
            if sum(max(trial[c][r] for c in range(n)) for r in range(len(sample))) < now:
                widths[gain] += step
                widths[give] -= step
                lines, moved = trial, True
                break
        if not moved:
            step /= 2
    return widths


def _table(block: TableBlock, s: _Styles, width: float):  # noqa: ANN202
    """A table whose header repeats on every page. Cells are broken into lines once and drawn as plain
    text (a paragraph per cell costs several wraps each); no line is wider than its column. Pages are
    cut by the rows' heights (reportlab's own split copies the remaining rows at every page: quadratic
    on a big book), never after a section row."""
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415
    from reportlab.platypus import LongTable, TableStyle  # noqa: PLC0415

    size, pad, leading = block.font_size, 3, block.font_size * 1.18
    regular, heavy = s.family, s.family + "-Bold"
    widths = column_widths(block, width, regular, heavy, pad)

    def head(text: str, w: float) -> str:
        return "\n".join(wrap_text(_nfc(text), heavy, size, w - 2 * pad))

    grouped = {c for first, last, _t in block.header_groups for c in range(first, last + 1)}
    header_rows = 2 if block.header_groups else 1
    spans: list[tuple] = []
    if block.header_groups:  # the group's title over its columns, the other headers over both rows
        top = ["" if c in grouped else head(h, widths[c]) for c, h in enumerate(block.headers)]
        under = [head(h, widths[c]) if c in grouped else "" for c, h in enumerate(block.headers)]
        for first, last, title in block.header_groups:
            top[first] = head(title, sum(widths[first:last + 1]))
            spans.append(("SPAN", (first, 0), (last, 0)))
        spans += [("SPAN", (c, 0), (c, 1)) for c in range(len(block.headers)) if c not in grouped]
        header = [top, under]
    else:
        header = [[head(h, widths[c]) for c, h in enumerate(block.headers)]]
    rows: list[list] = []
    section_rows: set[int] = set()
    per_row = max(1, int(MAX_ROW_HEIGHT // leading))  # lines a row may hold: a taller one goes on below
    spanned: set[int] = set()  # section rows whose title runs over the empty cells beside it
    for r_idx, row in enumerate(block.rows):
        font = heavy if r_idx in block.section_rows else regular
        across = r_idx in block.section_rows and len(row) > 2 and not any(cell_text(v) for v in row[2:])
        cells = []
        for c, v in enumerate(row):
            text = cell_text(v)
            room = (sum(widths[1:]) if across and c == 1 else widths[c]) - 2 * pad
            if "\n" in text or stringWidth(text, font, size) > room:
                # Broken into lines once, here: the table draws plain lines (no paragraph per cell).
                text = "\n".join(wrap_text(text, font, size, room))
            cells.append(text.split("\n"))
        for start in range(0, max(len(lines) for lines in cells) or 1, per_row):
            if r_idx in block.section_rows:
                section_rows.add(len(rows))
            if across:
                spanned.add(len(rows))
            rows.append(["\n".join(lines[start:start + per_row]) for lines in cells])
    last_head = header_rows - 1
    base = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, last_head), "MIDDLE"), ("FONT", (0, 0), (-1, -1), regular, size, leading),
        ("FONT", (0, 0), (-1, last_head), heavy, size, leading), ("ALIGN", (0, 0), (-1, last_head), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad), *spans,
    ] + [("ALIGN", (c, header_rows), (c, -1), "RIGHT") for c in block.numeric]

    def make(first: int, chunk: list[list]) -> LongTable:
        table = LongTable([*header, *chunk], colWidths=widths, repeatRows=header_rows)
        bold_rows = [r - first + header_rows for r in section_rows if first <= r < first + len(chunk)]
        across = [r - first + header_rows for r in spanned if first <= r < first + len(chunk)]
        table.setStyle(TableStyle(base + [("FONT", (0, r), (-1, r), heavy, size, leading) for r in bold_rows]
                                  + [("SPAN", (1, r), (-1, r)) for r in across]))
        return table

    def height(row: list) -> float:
        return max((cell.count("\n") + 1) * leading for cell in row) + 2 + pad

    return _paged_table_cls()(make, rows, [height(r) for r in rows], width, section_rows)


def _at_top(flowable: object) -> bool:
    """Whether nothing is drawn yet in the frame being filled (reportlab hands the frame over in split)."""
    return bool(getattr(getattr(flowable, "_frame", None), "_atTop", False))


def _paged_table_cls():  # noqa: ANN202
    from reportlab.platypus import Flowable  # noqa: PLC0415

    class PagedTable(Flowable):
        """Rows with known heights; split() hands out a page's worth as a table with the header. A section
        row ("IV | Nội dung …") never ends a page: it goes over with the row under it."""

        def __init__(self, make, rows: list, heights: list[float], width: float,  # noqa: ANN001
                     sections: set[int], first: int = 0, heads: dict | None = None) -> None:
            super().__init__()
            self.make, self.rows, self.heights, self.width = make, rows, heights, width
            self.sections, self.first = sections, first
            self.heads = {} if heads is None else heads  # the header's height by width, for every page
            self._whole = None

        def _head(self, aw: float) -> float:
            if aw not in self.heads:
                self.heads[aw] = self.make(self.first, []).wrap(aw, 1e9)[1]
            return self.heads[aw]

        def _table(self):  # noqa: ANN202
            if self._whole is None:
                self._whole = self.make(self.first, self.rows)
            return self._whole

        def start_height(self, aw: float) -> float:
            """The header and the first row (two when the first is a section row): what a heading above
            the table must find room for on its page."""
            n = 2 if self.first in self.sections and len(self.rows) > 1 else 1
            return self._head(aw) + sum(self.heights[:n])

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            estimate = self._head(aw) + (sum(self.heights) if len(self.rows) < 400 or ah > 1e6 else
                                         sum(self.heights[:400]))  # a long rest is tall enough at 400 rows
            if estimate > ah + 5:  # clearly too tall (not built: a book has thousands of rows): split() follows
                return self.width, estimate
            return self._table().wrap(aw, ah)

        def split(self, aw: float, ah: float) -> list:
            room, n = ah - self._head(aw), 0
            while n < len(self.rows) and room - self.heights[n] >= 0:
                room -= self.heights[n]
                n += 1
            page = None
            while n > 0:  # the estimate is checked against the real table, one row less if need be
                page = self.make(self.first, self.rows[:n])
                if page.wrap(aw, ah)[1] <= ah:
                    break
                n -= 1
            fitting = n
            while n > 0 and self.first + n - 1 in self.sections:
                n -= 1  # a section row goes over with the row it heads
            if n == 0 and _at_top(self):
                n = fitting  # a whole page of section rows: nothing better can be done
            if n == 0:
                return []  # not even one row fits here: the frame moves to the next page
            if n != fitting:
                page = self.make(self.first, self.rows[:n])
            if n == len(self.rows):
                return [page]
            rest = PagedTable(self.make, self.rows[n:], self.heights[n:], self.width, self.sections, self.first + n,
                              self.heads)
            return [page, rest]

        def draw(self) -> None:
            table = self._table()
            table.wrapOn(self.canv, self.width, 1e9)
            table.drawOn(self.canv, 0, 0)

    return PagedTable


def _with_tail_cls():  # noqa: ANN202
    from reportlab.platypus import Flowable  # noqa: PLC0415

    class WithTail(Flowable):
        """A flowable and what must stay with its end: the signature with the last paragraph or the last
        table rows (never alone on a page). When they do not fit together, the end of the flowable (its
        last lines, or its last row) goes over to the next page with the tail."""

        def __init__(self, lead, tail: list, hold: float) -> None:  # noqa: ANN001
            super().__init__()
            self.lead, self.tail, self.hold = lead, tail, hold  # hold: how much of the lead goes over
            self._sizes: list[tuple[float, float, float]] = []
            self._lead_h = 0.0

        def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
            return self.lead.getSpaceBefore()

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            _w, self._lead_h = self.lead.wrap(aw, ah)
            self._sizes = []
            for f in self.tail:
                w, h = f.wrap(aw, 1e9)
                self._sizes.append((w, h, f.getSpaceBefore()))
            self.width = aw
            return aw, self._lead_h + sum(h + before for _w, h, before in self._sizes)

        def split(self, aw: float, ah: float) -> list:
            at_top = _at_top(self)
            self.lead._frame = getattr(self, "_frame", None)  # the lead's own rules look at the frame
            try:
                _w, lead_h = self.lead.wrap(aw, ah)
                parts = self.lead.split(aw, ah) if lead_h > ah else [self.lead]
                if len(parts) == 1:  # the lead fits (its estimate was high): its end goes over with the tail
                    lead_h = parts[0].wrap(aw, ah)[1]
                    parts = self.lead.split(aw, lead_h - self.hold)
            finally:
                self.lead.__dict__.pop("_frame", None)
            if len(parts) >= 2:
                return [*parts[:-1], WithTail(parts[-1], self.tail, self.hold)]
            if at_top:  # taller than a page together: the tail follows on the next one
                return [self.lead, *self.tail]
            return []  # too short to share: the lead and its tail go to the next page together

        def draw(self) -> None:
            y = sum(h + before for _w, h, before in self._sizes)
            self.lead.drawOn(self.canv, 0, y)
            for f, (w, h, before) in zip(self.tail, self._sizes, strict=True):
                y -= before + h
                f.drawOn(self.canv, 0, y, _sW=self.width - w)

    return WithTail


KEEP_STYLES = {"heading1", "heading2"}


def _keeps_with_next(b: Block) -> bool:
    """A heading, or a paragraph that introduces what follows ("… chưa hoàn thành đúng thời hạn:")."""
    return isinstance(b, Para) and (b.style in KEEP_STYLES or b.text.rstrip().endswith(":"))


def _start_height(f, width: float) -> float:  # noqa: ANN001
    """The least of a flowable that may stand under a heading at the foot of a page: two lines of a
    paragraph, the header and first row of a table."""
    if hasattr(f, "start_height"):
        return f.start_height(width)
    h = f.wrap(width, 1e9)[1]
    leading = getattr(getattr(f, "style", None), "leading", h)
    return f.getSpaceBefore() + min(h, 2 * leading)


def _blocks(blocks: list[Block], s: _Styles, width: float) -> list:
    """The blocks as flowables. A heading (and a table's caption) moves to the next page with what it
    heads when that would not start on this one: no heading is a page's last line."""
    from reportlab.platypus import CondPageBreak, Paragraph  # noqa: PLC0415

    items: list[tuple[Flowable, bool]] = []  # (flowable, keeps with the next one)
    for b in blocks:
        if isinstance(b, Para):
            items.append((Paragraph(_p(b.text), getattr(s, b.style)), _keeps_with_next(b)))
        else:
            if b.title:
                items.append((Paragraph(_p(b.title), s.caption), True))
            items.append((_table(b, s, width), False))
    out: list = []
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j][1]:
            j += 1  # a run of headings: kept together with the start of the block under the last
        if j > i and j < len(items):
            need = sum(f.wrap(width, 1e9)[1] + f.getSpaceBefore() for f, _k in items[i:j])
            out.append(CondPageBreak(need + _start_height(items[j][0], width)))
        out.extend(f for f, _k in items[i:max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _signers(doc: OfficialDoc, s: _Styles, width: float, spots: list[SignatureSpot]):  # noqa: ANN202
    from reportlab.platypus import Paragraph, Table, TableStyle  # noqa: PLC0415

    _rule, space_cls = _flowables()
    col = width / 2

    def block(signer: Signer) -> list:
        return [Paragraph("<br/>".join(_p(x) for x in signer.authority), s.sign),
                space_cls(col, SIGNATURE_HEIGHT, spots), Paragraph(_p(signer.name), s.sign)]

    left: list[Flowable] | str
    if len(doc.signers) >= 2:
        left = block(doc.signers[0])
    elif doc.recipients:
        left = [Paragraph("Nơi nhận:", s.recipients_head),
                Paragraph("<br/>".join("- " + _p(r) for r in doc.recipients), s.recipients)]
    else:
        left = ""
    right = block(doc.signers[-1]) if doc.signers else ""
    table = Table([[left, right]], colWidths=[col, col])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), s.family),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _appendix(app: Appendix, s: _Styles, width: float) -> list:
    from reportlab.platypus import Paragraph  # noqa: PLC0415

    return [Paragraph(_p(app.label), s.appendix_label), Paragraph(_p(app.title), s.appendix_title),
            Paragraph(_p(app.subtitle), s.appendix_sub), *_blocks(app.blocks, s, width)]


def write_pdf(doc: OfficialDoc, target: Path, appendices_only: bool = False) -> SignatureSpot | None:
    """Write the PDF (through a temporary file, so a failure leaves none) and return where the last
    signer's stamp goes, for signing. appendices_only: the appendices alone, as an attachment in a
    separate file (the caller passes the document without them for the main file)."""
    from reportlab.lib.pagesizes import A4, landscape  # noqa: PLC0415
    from reportlab.platypus import (  # noqa: PLC0415
        BaseDocTemplate,
        Frame,
        KeepTogether,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
    )

    family = fonts.register()
    s = _Styles(family)
    spots: list[SignatureSpot] = []

    def page_number(canvas, d) -> None:  # noqa: ANN001
        if d.page > 1:  # the first page carries no number
            canvas.setFont(family, 13)
            canvas.drawCentredString(canvas._pagesize[0] / 2, canvas._pagesize[1] - 12 * MM, str(d.page))  # noqa: SLF001

    def template(name: str, size: tuple[float, float]) -> PageTemplate:
        frame = Frame(MARGINS["left"], MARGINS["bottom"], size[0] - MARGINS["left"] - MARGINS["right"],
                      size[1] - MARGINS["top"] - MARGINS["bottom"], id=name, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        return PageTemplate(id=name, frames=[frame], onPage=page_number, pagesize=size)

    portrait, wide = A4, landscape(A4)
    first = wide if (doc.appendices[0].landscape if appendices_only else doc.landscape) else portrait
    width = first[0] - MARGINS["left"] - MARGINS["right"]
    story: list = []
    if not appendices_only:
        story = [_header(doc, s, width), Paragraph(_p(doc.doc_type), s.doc_type),
                 Paragraph(_p(doc.abstract), s.abstract)]
        rule_cls, _space = _flowables()
        story.append(rule_cls(width * 0.25, width))
        story.append(Spacer(1, 6))
        body = _blocks(doc.blocks, s, width)
        tail: list[Flowable] = [Paragraph(_p(doc.closing), s.body)] if doc.closing else []
        tail += [Spacer(1, 8), _signers(doc, s, width, spots)]
        if body and (isinstance(body[-1], Paragraph) or hasattr(body[-1], "start_height")):
            last = body.pop()
            # What goes over with the signature when they do not fit: a table's last row, or a
            # paragraph's last two lines (a shorter paragraph goes over whole).
            hold = 1.0 if hasattr(last, "start_height") else 2 * last.style.leading - 0.01
            story.extend(body)
            story.append(_with_tail_cls()(last, tail, hold))
        else:
            story.extend(body)
            story.append(KeepTogether(tail))
    for i, app in enumerate(doc.appendices):
        size = wide if app.landscape else portrait
        if i or not appendices_only:
            story.extend([NextPageTemplate("landscape" if app.landscape else "portrait"), PageBreak()])
        story.extend(_appendix(app, s, size[0] - MARGINS["left"] - MARGINS["right"]))
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    templates = [template("portrait", portrait), template("landscape", wide)]
    if first == wide:
        templates.reverse()
    try:
        with tmp.open("wb") as out:  # ours, not reportlab's: closed on a full disk too (reportlab leaves its own open)
            pdf = BaseDocTemplate(out, pagesize=first, pageTemplates=templates,
                                  title=_nfc(f"{doc.doc_type} {doc.abstract}"), author=_nfc(" ".join(doc.issuer_lines)),
                                  creator="PAPI Desktop", initialFontName=family, leftMargin=MARGINS["left"],
                                  rightMargin=MARGINS["right"], topMargin=MARGINS["top"],
                                  bottomMargin=MARGINS["bottom"])
            pdf.build(story)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return spots[-1] if spots else None
