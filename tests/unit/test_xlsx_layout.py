"""The Excel writer's layout rules without a spreadsheet program (test_xlsx_print.py prints with one):
text split into rows keeps every word and cuts between sentences; columns fill the page with none
narrower than its longest unbreakable token; rows stay within Excel's 409 pt; dates become dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from papi_desktop.exports import xlsx_doc
from papi_desktop.exports.document import OfficialDoc, Para, Signer, TableBlock

SAMPLE = "đề nghị xem xét giải quyết việc cấp giấy chứng nhận quyền sử dụng đất 014100000028"


def test_split_text_keeps_every_word_and_cuts_between_sentences() -> None:
    metrics = xlsx_doc.Metrics()
    text = " ".join(f"{k}. Nhiệm vụ chưa hoàn thành đúng thời hạn do thiếu kinh phí và nhân lực;" for k in range(1, 80))
    pieces = xlsx_doc.split_text(metrics, text, 13, 430, 12)
    assert len(pieces) > 3
    assert " ".join(pieces).split() == text.split()
    for piece in pieces:
        assert len(metrics.wrap(piece, 13, 430)) <= 12
        assert piece.endswith(";") and piece[0].isdigit(), piece[-30:]  # an item's number stays with it
    word = "x" * 900  # one word longer than a whole row: cut, with nothing added inside it
    pieces = xlsx_doc.split_text(metrics, f"Xem {word} nhé.", 10, 60, 20)
    assert "".join(pieces).replace(" ", "") == f"Xem{word}nhé."


def test_count_agrees_with_wrap() -> None:
    metrics = xlsx_doc.Metrics()
    words = SAMPLE.split()
    for n in range(1, 60, 3):
        text = " ".join(words[i % len(words)] for i in range(n * 7, n * 8))
        for width in (80.0, 120.0, 300.0):
            assert metrics.count(metrics.measure(text), 10, width) == len(metrics.wrap(text, 10, width))


def test_fill_widths() -> None:
    assert xlsx_doc.fill_widths([1, 1], [10, 10], 100) == [50, 50]
    widths = xlsx_doc.fill_widths([1, 20, 1], [15, 5, 2], 100)
    assert abs(sum(widths) - 100) < 1e-6 and widths[0] == 15 and widths[2] >= 2
    assert xlsx_doc.fill_widths([1, 1], [80, 80], 100) == [80, 80]  # wider than the page: fitted by scaling


def test_rows_dates_and_identity_numbers_in_the_file(tmp_path: Path) -> None:
    long_cell = "Nội dung rất dài của một lần tiếp công dân. " * 400
    table = TableBlock(["STT", "Ngày tiếp", "CCCD/Hộ chiếu", "Nội dung vụ việc"],
                       [[1, "05/01/2026", "014100000028", long_cell], [2, date(2026, 3, 9), "0141\n0142", "x"],
                        [3, "31/02/2026", "", "ngày không có thật: để nguyên chữ"]],
                       [4, 8, 9, 40], sheet="Sổ")
    doc = OfficialDoc(["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG SƠN"], "Số: 01/BC-UBND", "Chiềng Sơn, ngày 05 tháng 01 năm 2026",
                      "BÁO CÁO", "Thử", [Para("Một đoạn rất dài. " * 900), table], [Signer(["CHỦ TỊCH"], "Lò Văn Minh")])
    book = load_workbook(xlsx_doc.write_xlsx(doc, tmp_path / "x.xlsx"))
    for ws in book.worksheets:
        heights = [ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)
                   if any(c.value not in (None, "") for c in ws[r])]
        bad = [h for h in heights if h is None or not 0 < h <= 409]
        assert heights and bad == [], (ws.title, bad[:3])
    sheet = book["Sổ"]
    assert sheet["B2"].value == datetime(2026, 1, 5) and sheet["B2"].number_format == "dd/mm/yyyy"
    texts = [sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)]
    assert datetime(2026, 3, 9) in texts and "31/02/2026" in texts
    assert sheet["C2"].value == "014100000028" and not sheet["C2"].alignment.wrap_text
    assert sheet.column_dimensions["C"].width * 5.25 >= xlsx_doc.Metrics().width("014100000028", 12) + 5
    cells = "".join(str(sheet.cell(r, 4).value or "") for r in range(2, sheet.max_row + 1))
    assert cells.count("Nội dung rất dài") == 400  # the long cell goes on in further rows, all of it
    paragraph = "".join(str(c.value or "") for c in book["Văn bản"]["A"])
    assert paragraph.count("Một đoạn rất dài.") == 900
    assert book["Văn bản"].oddFooter.center.text == "Trang &P/&N"
