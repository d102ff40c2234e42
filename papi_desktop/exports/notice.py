"""The notice pinned on the board: A4 or A3, large type, the list or table, the posting period, and
where and until when to send feedback. Always Vietnamese; fonts embedded."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from . import fonts
from .pdf_doc import header_rule, wrap_text


@dataclass
class NoticeTable:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative widths, any scale
    numeric: set[int] = field(default_factory=set)  # right-aligned columns
    bold_rows: set[int] = field(default_factory=set)


@dataclass
class NoticeData:
    issuer_lines: list[str]  # ["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG SƠN"]
    place_date: str  # "Chiềng Sơn, ngày 09 tháng 01 năm 2026"
    title: str  # "THÔNG BÁO"
    subject: str  # "Niêm yết công khai dự toán ngân sách xã năm 2026"
    paragraphs: list[str]
    period: str  # "Thời gian niêm yết: từ ngày … đến hết ngày …"
    places: str
    feedback: str
    table: NoticeTable | None = None
    table_title: str = ""
    signer_title: list[str] = field(default_factory=lambda: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])
    signer_name: str = ""
    # ô 3 of Nghị định 30/2020: the notice is numbered in the outgoing register when it is signed, so
    # the number is left for the clerk's pen, as on any document printed before it is numbered
    number: str = "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/TB-UBND"  # no-break spaces: kept


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _p(text: str) -> str:
    return escape(_nfc(text)).replace("\n", "<br/>")


def _lines(text: str, width: float, font: str, size: float) -> str:
    """A cell's text broken into lines that fit its column (a date range is cut after its dash)."""
    return "<br/>".join(escape(line) for line in wrap_text(_nfc(text), font, size, width))


def _fit_widths(t: NoticeTable, width: float, measure, family: str,  # noqa: ANN001
                size: float, pad: float) -> list[float]:
    """The relative widths scaled to the page, each column at least as wide as its header's longest
    word and its numbers ("STT" was cut into "ST" and "T"); what that takes comes from the widest."""
    widths = [w * width / sum(t.widths) for w in t.widths]
    for c, h in enumerate(t.headers):
        words = str(h).split() + ([str(r[c]) for r in t.rows if c < len(r)] if c in t.numeric else [])
        least = max((measure(_nfc(w), family + "-Bold", size) for w in words), default=0) + 2 * pad + 1
        if widths[c] < least:
            widest = max(range(len(widths)), key=lambda i: widths[i])
            widths[widest] -= least - widths[c]
            widths[c] = least
    return widths


def write_notice(data: NoticeData, target: Path, paper: str = "A4") -> Path:
    """Write the PDF atomically (a temporary file renamed): a failed export leaves no half file."""
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: PLC0415
    from reportlab.lib.pagesizes import A3, A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415
    from reportlab.platypus import (  # noqa: PLC0415
        CondPageBreak,
        KeepTogether,
        LongTable,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    family = fonts.register()
    size = {"A4": A4, "A3": A3}[paper]
    base = 15 if paper == "A4" else 21  # readable from a step away on a notice board
    cell = base - 3

    def style(name: str, **kw: Any) -> ParagraphStyle:  # ParagraphStyle's own keywords
        opts: dict[str, Any] = {"fontName": family, "fontSize": base, "leading": base * 1.3}
        opts.update(kw)
        return ParagraphStyle(name, **opts)

    center_bold = style("cb", alignment=TA_CENTER, fontName=family + "-Bold")
    center = style("c", alignment=TA_CENTER)
    body = style("b", alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=base * 0.4)
    strong = style("s", alignment=TA_LEFT, fontName=family + "-Bold", spaceAfter=base * 0.3)
    cell_style = style("cell", fontSize=cell, leading=cell * 1.2)
    cell_right = style("cellr", fontSize=cell, leading=cell * 1.2, alignment=TA_RIGHT)
    cell_head = style("cellh", fontSize=cell, leading=cell * 1.2, alignment=TA_CENTER, fontName=family + "-Bold")

    left, right = 30 * mm, 15 * mm
    width = size[0] - left - right
    small = 12 if paper == "A4" else 16  # the header blocks: 12–13 pt on A4 (Nghị định 30/2020)
    left_w, right_w = width * 0.4, width * 0.6
    bold = family + "-Bold"
    issuer_style = style("h1", alignment=TA_CENTER, fontName=bold, fontSize=small, leading=small * 1.25)
    national_style = style("h2", alignment=TA_CENTER, fontName=bold, fontSize=small, leading=small * 1.25)
    motto_style = style("h3", alignment=TA_CENTER, fontName=bold, fontSize=small + 1, leading=(small + 1) * 1.25)
    motto = "Độc lập - Tự do - Hạnh phúc"
    # The issuing body and the national title each with the rule under it (ô 1 and 2), then the number
    # and the place-and-date line on one line (ô 3 and 4), as Nghị định 30/2020 lays out every document.
    issuer = [Paragraph("<br/>".join(_p(x) for x in data.issuer_lines), issuer_style),
              header_rule(stringWidth(_nfc(data.issuer_lines[-1]), bold, small) * 0.4, left_w)]
    national = [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", national_style), Paragraph(motto, motto_style),
                header_rule(stringWidth(motto, bold, small + 1), right_w)]
    header = Table([
        [issuer, national],
        [Paragraph(_p(data.number), style("no", alignment=TA_CENTER, fontSize=small + 1)),
         Paragraph(_p(data.place_date), style("pd", alignment=TA_CENTER, fontName=family + "-Italic",
                                              fontSize=small + 1))],
    ], colWidths=[left_w, right_w])
    # FONTNAME everywhere: an empty cell is drawn in the table's default font (Helvetica, not embedded).
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 1), (-1, 1), 4),
                                ("FONTNAME", (0, 0), (-1, -1), family), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story: list = [header, Spacer(1, base), Paragraph(_p(data.title), style("t", alignment=TA_CENTER,
                                                                            fontName=family + "-Bold",
                                                                            fontSize=base + 5, leading=(base + 5) * 1.3)),
                   Paragraph(_p(data.subject), center_bold), Spacer(1, base * 0.6)]
    story.extend(Paragraph(_p(text), body) for text in data.paragraphs)
    pad = 4
    if data.table is not None:
        t = data.table
        widths = _fit_widths(t, width, stringWidth, family, cell, pad)
        heads = [Paragraph(_lines(h, widths[c] - 2 * pad, bold, cell), cell_head) for c, h in enumerate(t.headers)]
        rows = [heads]
        for r_idx, row in enumerate(t.rows):
            font = bold if r_idx in t.bold_rows else family
            cells = []
            for c_idx, value in enumerate(row):
                text = _lines(value, widths[c_idx] - 2 * pad, font, cell)  # no word through the border
                if r_idx in t.bold_rows:
                    text = f"<b>{text}</b>"
                cells.append(Paragraph(text, cell_right if c_idx in t.numeric else cell_style))
            rows.append(cells)
        table_style = TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, -1), family),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ])
        head: list = []
        if data.table_title:
            head = [Paragraph(_p(data.table_title), center_bold), Spacer(1, base * 0.3)]
        # The title stays on the page of the table's header and first row: never a page's last line.
        start = Table(rows[:2], colWidths=widths)
        start.setStyle(table_style)
        need = sum(f.wrap(width, 1e9)[1] for f in [*head, start])
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(table_style)
        story.extend([CondPageBreak(need), *head, table, Spacer(1, base * 0.6)])
    closing = [Paragraph(_p(text), strong) for text in (data.period, data.places, data.feedback)]
    story.extend(closing[:-1])
    signature = [Paragraph("<br/>".join(f"<b>{_p(x)}</b>" for x in data.signer_title), center),
                 Spacer(1, base * 3.5), Paragraph(f"<b>{_p(data.signer_name)}</b>", center)]
    sign_table = Table([["", signature]], colWidths=[width * 0.45, width * 0.55],
                       style=[("FONTNAME", (0, 0), (-1, -1), family)])
    # The signature never stands alone on a page: it goes with the last paragraph (where to send feedback).
    story.append(KeepTogether([closing[-1], Spacer(1, base * 0.6), sign_table]))

    def page_number(canvas, doc) -> None:  # noqa: ANN001
        if doc.page > 1:  # the first page is not numbered (Nghị định 30/2020)
            canvas.setFont(family, 13)
            canvas.drawCentredString(size[0] / 2, size[1] - 12 * mm, str(doc.page))

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    doc = SimpleDocTemplate(str(tmp), pagesize=size, leftMargin=left, rightMargin=right, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=_nfc(f"{data.title} {data.subject}"),
                            author=_nfc(" ".join(data.issuer_lines)), creator="PAPI Desktop",
                            initialFontName=family)  # else each page names Helvetica, not embedded
    try:
        doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
