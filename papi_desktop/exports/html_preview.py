"""A quick on-screen preview of an official document as HTML (the PDF is the document itself)."""

from __future__ import annotations

from html import escape

from .document import OfficialDoc, Para, TableBlock
from .pdf_doc import cell_text

PREVIEW_ROWS = 60  # a long register shows its first rows; the export has them all


def _table(t: TableBlock) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in t.headers)
    rows = []
    for r_idx, row in enumerate(t.rows[:PREVIEW_ROWS]):
        tag = "b" if r_idx in t.section_rows else "span"
        rows.append("<tr>" + "".join(f"<td>{'<' + tag + '>'}{escape(cell_text(v)).replace(chr(10), '<br>')}"
                                     f"{'</' + tag + '>'}</td>" for v in row) + "</tr>")
    more = (f"<p><i>… {len(t.rows) - PREVIEW_ROWS} dòng nữa trong tệp xuất.</i></p>"
            if len(t.rows) > PREVIEW_ROWS else "")
    title = f"<p align='center'><b>{escape(t.title)}</b></p>" if t.title else ""
    return f"{title}<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{''.join(rows)}</table>{more}"


def to_html(doc: OfficialDoc) -> str:
    parts = ["<table width='100%'><tr>",
             f"<td align='center' width='42%'><b>{'<br>'.join(escape(x) for x in doc.issuer_lines)}</b><br>"
             f"{escape(doc.number)}</td>",
             "<td align='center'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>"
             f"<i>{escape(doc.place_date)}</i></td></tr></table>",
             f"<p align='center'><b>{escape(doc.doc_type)}<br>{escape(doc.abstract)}</b></p>"]
    for block in doc.blocks:
        if isinstance(block, Para):
            text = escape(block.text)
            parts.append(f"<p><b>{text}</b></p>" if block.style.startswith("heading") else f"<p>{text}</p>")
        else:
            parts.append(_table(block))
    if doc.closing:
        parts.append(f"<p>{escape(doc.closing)}</p>")
    signers = "".join(f"<td align='center'><b>{'<br>'.join(escape(x) for x in s.authority)}</b><br><br><br>"
                      f"<b>{escape(s.name)}</b></td>" for s in doc.signers)
    recipients = ("<td><i><b>Nơi nhận:</b></i><br>" + "<br>".join("- " + escape(r) for r in doc.recipients) + "</td>"
                  if doc.recipients and len(doc.signers) < 2 else "")
    parts.append(f"<table width='100%'><tr>{recipients}{signers}</tr></table>")
    for app in doc.appendices:
        parts.append(f"<hr><p align='center'><b>{escape(app.label)}<br>{escape(app.title)}</b><br>"
                     f"<i>{escape(app.subtitle)}</i></p>")
        parts.extend(_table(b) if isinstance(b, TableBlock) else f"<p>{escape(b.text)}</p>" for b in app.blocks)
    return "".join(parts)
