"""The Excel workbooks print as they are: each kind the program exports is written from the demo
commune (with a 58-task plan, identity numbers, a paragraph of several pages and a table cell longer
than Excel's tallest row), printed to PDF by LibreOffice (a real spreadsheet program, headless) and
checked on the pages with poppler: wide tables landscape, text of a readable size, page numbers,
no text drawn over another row's, identity numbers on one line, the header row on every page; and in
the file with openpyxl: every row height set and within Excel's 409 pt, dates as date cells.

LibreOffice is told where the program's own Times New Roman metric-compatible face is (the bundled
Liberation Serif), as a commune PC has Times New Roman: the sizes measured on the page are then exact."""

from __future__ import annotations

import html
import os
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import poppler
import pytest
from openpyxl import load_workbook

from papi_desktop import paths
from papi_desktop.exports import xlsx_doc
from papi_desktop.services import dialogues, plan, reception, reports, setup

TODAY = date(2026, 11, 22)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install "
                                "libreoffice-calc; tests/run.sh installs it): the workbooks cannot be printed")

KINDS = [("papi-6m", "2026-H1"), ("papi-year", "2026-Y"), ("reception-book", "2026"), ("petitions", "2026-H1"),
         ("disclosures", "2026-Q1"), ("dialogue-minutes", "2026-H1")]
WIDE = {"papi-6m": "Nhiệm vụ cụ thể", "papi-year": "Nhiệm vụ cụ thể", "reception-book": "CCCD/Hộ chiếu"}  # a header
MIN_PT = 9.0  # the smallest readable size on paper
LONG_SUMMARY = "Đề nghị xem xét giải quyết việc cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình. " * 60
LIMITS = " ".join(f"{k}. Nhiệm vụ chưa hoàn thành đúng thời hạn do thiếu kinh phí và nhân lực, cần tiếp tục "
                  "theo dõi, đôn đốc thực hiện;" for k in range(1, 60))
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def has(self, text: str) -> bool:
        return any(w.text == text for w in self.words)

    def says(self, phrase: str) -> bool:
        return phrase in " ".join(w.text for w in self.words)


def _pages(pdf: Path) -> list[Page]:
    out = poppler.run("pdftotext", "-bbox", pdf, "-")
    return [Page(float(w), float(h), [Word(float(a), float(b), float(c), float(d), html.unescape(t))
                                      for a, b, c, d, t in WORD.findall(body)])
            for w, h, body in PAGE.findall(out)]


def _fill(db) -> str:  # noqa: ANN001
    """The demo commune, plus: its plan grown to 58 tasks, visits with identity numbers (one with two
    citizens, one with a summary longer than a row can be), a dialogue. The dialogue's id."""
    setup.create_demo(db, today=TODAY)
    info = plan.current_plan(db, 2026)
    have = len(plan.list_tasks(db, plan.TaskFilter(plan_id=info.id), TODAY))
    for i in range(have, 58):
        plan.add_task(db, info.id, 1 + i % 8, task=f"Nhiệm vụ bổ sung số {i + 1}: tuyên truyền, hướng dẫn Nhân dân "
                      "thực hiện các quy định mới về thủ tục hành chính, dịch vụ công trực tuyến",
                      output="Báo cáo kết quả thực hiện", lead="Văn phòng HĐND và UBND xã",
                      coordinators="Các ban, ngành, đoàn thể; trưởng các bản", deadline_text="Quý IV/2026")
    for i in range(12):
        citizens = [reception.CitizenInput(f"Lò Văn Người Thứ {i}", "Bản Hin, xã Chiềng Sơn",
                                           id_number=f"0141{i:08d}")]
        if i == 3:
            citizens.append(reception.CitizenInput("Cầm Thị Bình", "Bản Mòng", id_number="014199000123"))
        reception.add_reception(db, reception.ReceptionInput(
            received_on=date(2026, 5, 4 + i), citizens=citizens, classes=["kien_nghi"], receiver="Quàng Văn Dũng",
            summary=LONG_SUMMARY if i == 5 else "Đề nghị cấp giấy chứng nhận quyền sử dụng đất. " * (1 + i % 3),
            notes="Đã hướng dẫn theo văn bản 12/UBND-VP"))
    did = dialogues.add_dialogue(db, dialogues.DialogueInput(
        held_on=date(2026, 5, 20), title="Đối thoại với Nhân dân năm 2026", place="Hội trường UBND xã",
        chair="Lò Văn Minh", secretary="Quàng Văn Dũng", started_at="08:00", ended_at="11:00",
        attendance={"Nhân dân": 85}))
    dialogues.add_issue(db, did, dialogues.IssueInput("Đường nội bản xuống cấp", village="Bản Hin",
                                                      answer="Sửa trong quý III"))
    return did


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[Path, Path]]:  # noqa: ANN001
    """kind -> (the workbook, LibreOffice's PDF of it)."""
    root = tmp_path_factory.mktemp("xlsx_print")
    paths.set_override(root / "data")
    try:
        db = setup.open_database(user="tester")
        did = _fill(db)
        books: dict[str, Path] = {}
        for kind, period in KINDS:
            request = reports.ExportRequest(kind, reports.resolve_period(kind, period, today=TODAY), TODAY,
                                            dialogue_id=did)
            if kind == "papi-6m":  # the §II paragraph runs over pages, in one line
                request.sections = {**reports.prefill(db, request, TODAY), "limits": LIMITS}
            doc = reports.build(db, request, TODAY, f"{len(books) + 1:02d}/BC-UBND")  # what export() writes
            books[kind] = xlsx_doc.write_xlsx(doc, root / "out" / f"{doc.file_stem}.xlsx")
        db.dispose()
        fonts_dir = paths.resources_dir() / "fonts"
    finally:
        paths.set_override(None)
    conf = root / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                    f"  <dir>{fonts_dir}</dir>\n  <cachedir>{root / 'fc-cache'}</cachedir>\n"
                    '  <alias binding="same"><family>Times New Roman</family><prefer><family>Liberation Serif'
                    "</family></prefer></alias>\n</fontconfig>\n",
                    encoding="utf-8")
    pdf_dir = root / "pdf"
    env = {**os.environ, "HOME": str(root), "FONTCONFIG_FILE": str(conf)}
    proc = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{root / 'lo'}",
                           "--convert-to", "pdf", "--outdir", str(pdf_dir), *map(str, books.values())],
                          check=False, capture_output=True, text=True, timeout=600, env=env)
    out = {}
    for kind, book in books.items():
        pdf = pdf_dir / (book.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice did not print {book.name}: {proc.stdout} {proc.stderr}"
        out[kind] = (book, pdf)
    return out


def _sizes(page: Page) -> list[float]:
    """The font size each word is printed at: its width over its width at 1 pt in the regular face."""
    from reportlab.pdfbase import pdfmetrics

    from papi_desktop.exports import fonts

    face = pdfmetrics.getFont(fonts.register())
    return [(w.x1 - w.x0) / face.stringWidth(w.text, 1.0) for w in page.words
            if len(w.text) >= 4 and face.stringWidth(w.text, 1.0) > 0]


def _overlaps(page: Page) -> list[tuple[str, str]]:
    """Pairs of words drawn over each other (the text of a row too short for it runs into the next)."""
    found = []
    words = sorted(page.words, key=lambda w: w.y0)
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b.y0 >= a.y1:
                break
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            if dx > 0.5 and dy > 0.3 * min(a.y1 - a.y0, b.y1 - b.y0):
                found.append((a.text, b.text))
    return found


@pytest.mark.parametrize("kind", [k for k, _p in KINDS])
def test_printed_pages(printed, kind: str) -> None:  # noqa: ANN001
    _book, pdf = printed[kind]
    fonts_used = {f["name"].split("+")[-1] for f in poppler.fonts(pdf)}
    assert fonts_used and all(name.startswith("LiberationSerif") for name in fonts_used), fonts_used
    pages = _pages(pdf)
    total = len(pages)
    assert total == poppler.pages(pdf) and total >= 1, total
    for number, page in enumerate(pages, start=1):
        assert page.has("Trang") and page.has(f"{number}/{total}"), (kind, number, "page number in the footer")
        sizes = _sizes(page)
        assert statistics.median(sizes) >= MIN_PT, (kind, number, statistics.median(sizes))
        assert sorted(sizes)[len(sizes) // 10] >= MIN_PT * 0.9, (kind, number, "a tenth of the words too small")
        assert _overlaps(page) == [], (kind, number, _overlaps(page)[:5])
    if kind in WIDE:
        table_pages = [p for p in pages if p.landscape]
        assert table_pages, f"{kind}: the wide table does not print landscape"
        assert all(p.says(WIDE[kind]) for p in table_pages), f"{kind}: the header row is not on every page"
        assert len(table_pages) >= 2, f"{kind}: the table is squeezed onto one page"
        if kind.startswith("papi"):  # the 58-task appendix: 6.6 pt on one portrait page once
            assert min(statistics.median(_sizes(p)) for p in table_pages) >= 10.5, kind
    else:
        assert not any(p.landscape for p in pages), kind


def test_identity_numbers_print_on_one_line(printed) -> None:  # noqa: ANN001
    book, pdf = printed["reception-book"]
    sheet = load_workbook(book)["Sổ tiếp công dân"]
    column = next(c for c in sheet[1] if str(c.value).startswith("CCCD")).column
    ids = [line for r in range(2, sheet.max_row + 1) for line in str(sheet.cell(r, column).value or "").split("\n")
           if line]
    assert len(ids) >= 13 and all(len(i) == 12 for i in ids), ids
    words = {w.text for p in _pages(pdf) for w in p.words}
    assert [i for i in ids if i not in words] == [], "an identity number is broken over two lines"
    single = [sheet.cell(r, column) for r in range(2, sheet.max_row + 1)
              if sheet.cell(r, column).value and "\n" not in sheet.cell(r, column).value]
    assert single and not any(c.alignment.wrap_text for c in single)  # one number: never wrapped
    text = " ".join(poppler.text(pdf).split())
    assert "12/UBND-VP" in text  # a document number is not broken either


@pytest.mark.parametrize("kind", [k for k, _p in KINDS])
def test_rows_and_cells_in_the_file(printed, kind: str) -> None:  # noqa: ANN001
    book, _pdf = printed[kind]
    wb = load_workbook(book)
    for ws in wb.worksheets:
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title  # not one page tall
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.orientation in ("portrait", "landscape")
        assert ws.oddFooter.center.text == "Trang &P/&N", ws.title
        if ws.title != "Văn bản":
            assert ws.print_title_rows, ws.title  # the header row on every page
        for row in ws.iter_rows():
            if any(c.value not in (None, "") for c in row):
                height = ws.row_dimensions[row[0].row].height
                assert height is not None and 0 < height <= 409, (ws.title, row[0].row, height)
            for cell in row:
                if isinstance(cell.value, str):
                    assert not re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", cell.value.strip()), (ws.title, cell.coordinate)
                if isinstance(cell.value, date | datetime):
                    assert cell.number_format == "dd/mm/yyyy", (ws.title, cell.coordinate, cell.number_format)
    if kind == "reception-book":
        days = [c.value for c in wb["Sổ tiếp công dân"]["B"][1:] if c.value is not None]
        assert days and all(isinstance(d, datetime) for d in days), days[:3]
        texts = [c.value for row in wb["Sổ tiếp công dân"].iter_rows() for c in row if isinstance(c.value, str)]
        assert "".join(texts).count("Đề nghị xem xét") == LONG_SUMMARY.count("Đề nghị xem xét")  # all of it, split
    if kind == "papi-6m":
        texts = [c.value for c in wb["Văn bản"]["A"] if isinstance(c.value, str)]
        assert sum(t.count("Nhiệm vụ chưa hoàn thành") for t in texts) == 59  # the long paragraph, all of it
        cut = [t[-40:] for t in texts if len(t) >= 200 and (not t.rstrip().endswith((";", ".", ":", "”"))
                                                          or re.search(r"\s\d{1,3}\.$", t))]
        assert cut == [], "a paragraph is cut in the middle of a sentence, or an item from its number"
        appendix = wb["Phụ lục kết quả"]
        assert appendix.page_setup.orientation == "landscape" and appendix.max_row >= 58 + 8
