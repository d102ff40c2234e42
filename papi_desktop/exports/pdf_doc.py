"""An official document as PDF in the layout of Nghị định 30/2020, Phụ lục I: A4, margins top and
bottom 20 mm, left 30 mm, right 15 mm; the issuing body and the national title with their rules;
number, place and date; type and abstract; body 14 pt justified; "Nơi nhận" and the signature
block; page numbers from page 2; appendices (landscape where a table is wide). Fonts embedded."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from . import fonts
from .document import Appendix, Block, OfficialDoc, Para, SignatureSpot, Signer, TableBlock

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


class _Styles:
    def __init__(self, family: str) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY  # noqa: PLC0415
        from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415

        def st(name: str, size: float = 14, **kw: object) -> ParagraphStyle:
            opts: dict[str, object] = {"fontName": family, "fontSize": size, "leading": size * 1.25}
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


LONG_TABLE = 150  # rows above which a table is paginated by PagedTable
# A row taller than this goes on in further rows: a row taller than the page (a long summary in the
# reception book) cannot be laid out at all. Below a landscape A4 page's body less its header row.
MAX_ROW_HEIGHT = 360.0


def _table(block: TableBlock, s: _Styles, width: float):  # noqa: ANN202
    """A table whose header repeats on every page. Cells are broken into lines once and drawn as plain
    text (a paragraph per cell costs several wraps each). Long tables are cut into pages by their row
    heights (reportlab's own split copies the remaining rows at every page: quadratic on a big book)."""
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415
    from reportlab.lib.utils import simpleSplit  # noqa: PLC0415
    from reportlab.platypus import LongTable, TableStyle  # noqa: PLC0415

    size, pad, leading = block.font_size, 3, block.font_size * 1.18
    scale = width / sum(block.widths)
    widths = [w * scale for w in block.widths]
    regular, heavy = s.family, s.family + "-Bold"
    header = ["\n".join(simpleSplit(_nfc(h), heavy, size, widths[c] - 2 * pad)) for c, h in enumerate(block.headers)]
    rows: list[list] = []
    section_rows: set[int] = set()
    per_row = max(1, int(MAX_ROW_HEIGHT // leading))  # lines a row may hold: a taller one goes on below
    for r_idx, row in enumerate(block.rows):
        font = heavy if r_idx in block.section_rows else regular
        cells = []
        for c, v in enumerate(row):
            text = cell_text(v)
            if "\n" in text or stringWidth(text, font, size) > widths[c] - 2 * pad:
                # Broken into lines once, here: the table draws plain lines (no paragraph per cell).
                text = "\n".join(simpleSplit(text, font, size, widths[c] - 2 * pad))
            cells.append(text.split("\n"))
        for start in range(0, max(len(lines) for lines in cells) or 1, per_row):
            if r_idx in block.section_rows:
                section_rows.add(len(rows))
            rows.append(["\n".join(lines[start:start + per_row]) for lines in cells])
    base = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("FONT", (0, 0), (-1, -1), regular, size, leading),
        ("FONT", (0, 0), (-1, 0), heavy, size, leading), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
    ] + [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in block.numeric]

    def make(first: int, chunk: list[list]) -> LongTable:
        table = LongTable([header, *chunk], colWidths=widths, repeatRows=1)
        bold_rows = [r - first + 1 for r in section_rows if first <= r < first + len(chunk)]
        table.setStyle(TableStyle(base + [("FONT", (0, r), (-1, r), heavy, size, leading) for r in bold_rows]))
        return table

    if len(rows) <= LONG_TABLE:
        return make(0, rows)

    def height(row: list) -> float:
        return max((cell.count("\n") + 1) * leading for cell in row) + 2 + pad

    return _paged_table_cls()(make, rows, [height(r) for r in rows], width)


def _paged_table_cls():  # noqa: ANN202
    from reportlab.platypus import Flowable  # noqa: PLC0415

    class PagedTable(Flowable):
        """Rows with known heights; split() hands out a page's worth as a table with the header."""

        def __init__(self, make, rows: list, heights: list[float], width: float, first: int = 0) -> None:  # noqa: ANN001
            super().__init__()
            self.make, self.rows, self.heights, self.width, self.first = make, rows, heights, width, first
            self._whole = None

        def _table(self):  # noqa: ANN202
            if self._whole is None:
                self._whole = self.make(self.first, self.rows)
            return self._whole

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            if sum(self.heights) + 40 > ah:  # clearly too tall: split() will be asked
                return self.width, sum(self.heights) + 40
            return self._table().wrap(aw, ah)

        def split(self, aw: float, ah: float) -> list:
            header = self.make(self.first, []).wrap(aw, ah)[1]
            room, n = ah - header, 0
            while n < len(self.rows) and room - self.heights[n] >= 0:
                room -= self.heights[n]
                n += 1
            while n > 0:  # the estimate is checked against the real table, one row less if need be
                page = self.make(self.first, self.rows[:n])
                if page.wrap(aw, ah)[1] <= ah:
                    break
                n -= 1
            if n == 0:
                return []  # not even one row fits here: the frame moves to the next page
            rest = PagedTable(self.make, self.rows[n:], self.heights[n:], self.width, self.first + n)
            return [page, rest] if rest.rows else [page]

        def draw(self) -> None:
            table = self._table()
            table.wrapOn(self.canv, self.width, 1e9)
            table.drawOn(self.canv, 0, 0)

    return PagedTable


def _blocks(blocks: list[Block], s: _Styles, width: float) -> list:
    from reportlab.platypus import Paragraph  # noqa: PLC0415

    out: list = []
    for b in blocks:
        if isinstance(b, Para):
            out.append(Paragraph(_p(b.text), getattr(s, b.style)))
        else:
            if b.title:
                out.append(Paragraph(_p(b.title), s.caption))
            out.append(_table(b, s, width))
    return out


def _signers(doc: OfficialDoc, s: _Styles, width: float, spots: list[SignatureSpot]):  # noqa: ANN202
    from reportlab.platypus import Paragraph, Table, TableStyle  # noqa: PLC0415

    _rule, space_cls = _flowables()
    col = width / 2

    def block(signer: Signer) -> list:
        return [Paragraph("<br/>".join(_p(x) for x in signer.authority), s.sign),
                space_cls(col, SIGNATURE_HEIGHT, spots), Paragraph(_p(signer.name), s.sign)]

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
        CondPageBreak,
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
        story.extend(_blocks(doc.blocks, s, width))
        if doc.closing:
            story.append(Paragraph(_p(doc.closing), s.body))
        story.append(CondPageBreak(SIGNATURE_HEIGHT + 40 * MM))
        story.append(KeepTogether([Spacer(1, 8), _signers(doc, s, width, spots)]))
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
    pdf = BaseDocTemplate(str(tmp), pagesize=first, pageTemplates=templates, title=_nfc(f"{doc.doc_type} {doc.abstract}"),
                          author=_nfc(" ".join(doc.issuer_lines)), creator="PAPI Desktop", initialFontName=family,
                          leftMargin=MARGINS["left"], rightMargin=MARGINS["right"], topMargin=MARGINS["top"],
                          bottomMargin=MARGINS["bottom"])
    try:
        pdf.build(story)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return spots[-1] if spots else None
