"""The notice pinned on the board: A4 or A3, large type, the list or table, the posting period, and
where and until when to send feedback. Always Vietnamese; fonts embedded."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from . import fonts


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


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _p(text: str) -> str:
    return escape(_nfc(text)).replace("\n", "<br/>")


def write_notice(data: NoticeData, target: Path, paper: str = "A4") -> Path:
    """Write the PDF atomically (a temporary file renamed): a failed export leaves no half file."""
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: PLC0415
    from reportlab.lib.pagesizes import A3, A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import (  # noqa: PLC0415
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

    def style(name: str, **kw: object) -> ParagraphStyle:
        opts: dict[str, object] = {"fontName": family, "fontSize": base, "leading": base * 1.3}
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
    header = Table([
        [Paragraph("<br/>".join(_p(x) for x in data.issuer_lines[:-1]) + "<br/><b>" + _p(data.issuer_lines[-1])
                   + "</b>", style("h1", alignment=TA_CENTER, fontSize=small, leading=small * 1.25)),
         Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br/><b>Độc lập - Tự do - Hạnh phúc</b>",
                   style("h2", alignment=TA_CENTER, fontSize=small, leading=small * 1.25))],
        ["", Paragraph(_p(data.place_date), style("pd", alignment=TA_CENTER, fontName=family + "-Italic",
                                                  fontSize=small))],
    ], colWidths=[width * 0.38, width * 0.62])
    # FONTNAME everywhere: an empty cell is drawn in the table's default font (Helvetica, not embedded).
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 1), (-1, 1), 8),
                                ("FONTNAME", (0, 0), (-1, -1), family)]))
    story: list = [header, Spacer(1, base), Paragraph(_p(data.title), style("t", alignment=TA_CENTER,
                                                                            fontName=family + "-Bold",
                                                                            fontSize=base + 5, leading=(base + 5) * 1.3)),
                   Paragraph(_p(data.subject), center_bold), Spacer(1, base * 0.6)]
    story.extend(Paragraph(_p(text), body) for text in data.paragraphs)
    if data.table is not None:
        t = data.table
        if data.table_title:
            story.append(Paragraph(_p(data.table_title), center_bold))
            story.append(Spacer(1, base * 0.3))
        scale = width / sum(t.widths)
        rows = [[Paragraph(_p(h), cell_head) for h in t.headers]]
        for r_idx, row in enumerate(t.rows):
            cells = []
            for c_idx, value in enumerate(row):
                text = _p(value)
                if r_idx in t.bold_rows:
                    text = f"<b>{text}</b>"
                cells.append(Paragraph(text, cell_right if c_idx in t.numeric else cell_style))
            rows.append(cells)
        table = LongTable(rows, colWidths=[w * scale for w in t.widths], repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, -1), family),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        story.extend([table, Spacer(1, base * 0.6)])
    for text in (data.period, data.places, data.feedback):
        story.append(Paragraph(_p(text), strong))
    signature = [Paragraph("<br/>".join(f"<b>{_p(x)}</b>" for x in data.signer_title), center),
                 Spacer(1, base * 3.5), Paragraph(f"<b>{_p(data.signer_name)}</b>", center)]
    sign_table = Table([["", signature]], colWidths=[width * 0.45, width * 0.55],
                       style=[("FONTNAME", (0, 0), (-1, -1), family)])
    story.append(KeepTogether([Spacer(1, base * 0.6), sign_table]))

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
