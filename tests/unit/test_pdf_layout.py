"""The PDF layout, read back from the printed pages with poppler (pdftotext -bbox-layout for every word's
box, pdftoppm for the table rules), not by eye: every word inside the page's margins and, in a table,
inside its column (no word through a rule); no heading or section row as a page's last line; the
signature never alone on a page; the reception book's first page and its "Hướng xử lý" header; the
appendix's titles as the plan wrote them; the notice's number line and header rules; the minutes'
times in words. Every document the program prints is checked: reports, registers, minutes, notices."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import poppler
import pytest
import workbooks

from papi_desktop.exports import pdf_doc
from papi_desktop.exports.document import OfficialDoc, Para, Signer, TableBlock
from papi_desktop.services import dialogues, notices, plan_import, postings, poverty, reports, setup
from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception

TODAY = date(2026, 6, 5)
MM = 72 / 25.4
MARGINS = {"top": 20 * MM, "bottom": 20 * MM, "left": 30 * MM, "right": 15 * MM}  # Nghị định 30/2020
DPI = 144  # two pixels a point
DARK = 160  # a pixel darker than this is ink
RULE = 24  # points: a vertical run of ink this long is a rule (a letter's stem is shorter, a cell taller)


# ---- reading the pages back ----

@dataclass(frozen=True)
class Word:
    x0: float
    y0: float  # from the top of the page, as poppler gives it
    x1: float
    y1: float
    text: str


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[list[Word]]

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line]

    def text(self) -> str:
        return " ".join(w.text for w in self.words)


_BOX = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"'


def read_pages(pdf: Path) -> list[Page]:
    out = poppler.run("pdftotext", "-bbox-layout", pdf, "-")
    pages = []
    for n, m in enumerate(re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.DOTALL), start=1):
        lines = []
        for line in re.finditer(r"<line [^>]*>(.*?)</line>", m[3], re.DOTALL):
            lines.append([Word(*map(float, w.groups()[:4]), html.unescape(w[5]))
                          for w in re.finditer(_BOX + r">([^<]*)</word>", line[1])])
        pages.append(Page(n, float(m[1]), float(m[2]), lines))
    return pages


def _raster(pdf: Path, page: int) -> tuple[int, int, bytes]:
    proc = subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, timeout=60, check=True)
    magic, width, height, _max, data = proc.stdout.split(maxsplit=4)
    assert magic == b"P5"
    return int(width), int(height), data[:int(width) * int(height)]


_INK = bytes.maketrans(bytes(range(256)), bytes(35 if v < DARK else 46 for v in range(256)))  # '#' or '.'


def vertical_rules(pdf: Path, page: int) -> list[tuple[float, float, float]]:
    """Every vertical line on the page as (x, top, bottom) in points: runs of ink longer than any
    letter, found in the rendered page (so the check does not trust our own idea of the columns)."""
    width, _height, data = _raster(pdf, page)
    scale = 72 / DPI
    found = []
    pattern = re.compile(rb"#{%d,}" % int(RULE / scale))
    for x in range(width):
        column = data[x::width].translate(_INK)
        found.extend(((x + 0.5) * scale, m.start() * scale, m.end() * scale) for m in pattern.finditer(column))
    return found


def horizontal_rules(pdf: Path, page: int, least: float = 20) -> list[tuple[float, float, float]]:
    """Every horizontal line at least `least` points long as (y, left, right) in points."""
    width, height, data = _raster(pdf, page)
    scale = 72 / DPI
    pattern = re.compile(rb"#{%d,}" % int(least / scale))
    found = []
    for y in range(height):
        row = data[y * width:(y + 1) * width].translate(_INK)
        found.extend(((y + 0.5) * scale, m.start() * scale, m.end() * scale) for m in pattern.finditer(row))
    return found


def _is_page_number(page: Page, w: Word) -> bool:
    """The page number, which Nghị định 30/2020 puts in the top margin from page 2 on."""
    return (page.number > 1 and w.text == str(page.number) and w.y1 <= MARGINS["top"]
            and abs((w.x0 + w.x1) / 2 - page.width / 2) < 10)


def layout_problems(pdf: Path) -> list[str]:
    """Words outside the margins, and words that a table rule runs through."""
    problems = []
    for page in read_pages(pdf):
        right, bottom = page.width - MARGINS["right"], page.height - MARGINS["bottom"]
        rules = vertical_rules(pdf, page.number)
        for w in page.words:
            if _is_page_number(page, w):
                continue
            if (w.x0 < MARGINS["left"] - 0.5 or w.x1 > right + 0.5 or w.y0 < MARGINS["top"] - 0.5
                    or w.y1 > bottom + 0.5):
                problems.append(f"{pdf.name} p.{page.number}: “{w.text}” outside the margins "
                                f"({w.x0:.1f}, {w.y0:.1f}, {w.x1:.1f}, {w.y1:.1f})")
            tall = (w.y1 - w.y0) * 0.5
            for x, top, low in rules:
                if w.x0 + 0.5 < x < w.x1 - 0.5 and min(low, w.y1) - max(top, w.y0) > tall:
                    problems.append(f"{pdf.name} p.{page.number}: “{w.text}” crosses the rule at x={x:.1f}")
                    break
    return problems


def last_row_label(pdf: Path, page: Page) -> str:
    """The first cell of the lowest row of the table on the page (its TT or STT), "" without a table."""
    columns = column_lines(vertical_rules(pdf, page.number))
    if len(columns) < 2:
        return ""
    first = [w for w in page.words if columns[0] < w.x0 and w.x1 < columns[1]]
    return max(first, key=lambda w: w.y0).text if first else ""


def last_line(page: Page) -> str:
    """The page's lowest line of text (the page number left out)."""
    lines = [line for line in page.lines if line and not all(_is_page_number(page, w) for w in line)]
    low = max(max(w.y1 for w in line) for line in lines)
    return " ".join(" ".join(w.text for w in line) for line in lines if max(w.y1 for w in line) > low - 2)


# ---- the documents ----

def _rich_demo(db) -> str:  # noqa: ANN001
    """The demo commune with what broke the layout before: document numbers in the handling columns,
    identity numbers, a date range in the list of disclosures, a dialogue; returns the dialogue's id."""
    setup.create_demo(db, today=TODAY)
    lines = (("Tòa án nhân dân tỉnh Sơn La", "12/UBND-VP"), ("Thanh tra tỉnh", "123/UBND-VP"), ("", ""))
    for i in range(14):
        target, doc = lines[i % 3]
        add_reception(db, ReceptionInput(
            received_on=date(2026, 1, 5) + timedelta(days=3 * i), classes=["kien_nghi", "phan_anh"][: 1 + i % 2],
            summary="Đề nghị giải quyết chế độ, chính sách khi Nhà nước thu hồi đất thực hiện dự án đường giao "
                    "thông liên bản" if i % 2 else "Tranh chấp ranh giới đất với hộ liền kề",
            citizens=[CitizenInput("Lò Văn Bình", "Bản Mé, xã Chiềng Sơn", id_number="014090001234", birth_year=1990)],
            direction=("guide", "forward", "accept")[i % 3], direction_target=target, direction_doc=doc,
            prior_authorities="UBND huyện Mai Sơn" if i % 4 == 0 else "",
            followup="Đã trả lời bằng văn bản số 45/UBND-VP ngày 12/3/2026" if i % 5 == 0 else ""))
    did = dialogues.add_dialogue(db, dialogues.DialogueInput(
        held_on=date(2026, 5, 20), title="Đối thoại với Nhân dân năm 2026", place="Hội trường UBND xã",
        chair="Lò Văn Minh", secretary="Quàng Văn Dũng", started_at="08:00", ended_at="11:30",
        attendance={"Nhân dân": 85, "Đại biểu": 12}))
    for n in range(6):
        dialogues.add_issue(db, did, dialogues.IssueInput(
            f"Đường nội bản số {n} xuống cấp, đề nghị sửa chữa trước mùa mưa năm 2026", village="Bản Hin",
            answer="UBND xã đã đưa vào kế hoạch sửa chữa trong quý III năm 2026"))
    return did


def _export(db, tmp_path: Path, kind: str, period: str, dialogue_id: str | None = None,  # noqa: ANN001
            apart: bool = False) -> list[Path]:
    request = reports.ExportRequest(kind, reports.resolve_period(kind, period, today=TODAY), TODAY,
                                    dialogue_id=dialogue_id, appendices_apart=apart)
    return [f for f in reports.export(db, request, tmp_path / f"{kind}-{period}", None, TODAY).files
            if f.suffix == ".pdf"]


def _notices(db, tmp_path: Path) -> list[Path]:  # noqa: ANN001
    """A notice of every kind the demo posts (budget table, procedures, quarter's list, a poverty list
    of 64 households), on A4 and A3."""
    everywhere = [postings.PlaceInput("seat"), *(postings.PlaceInput("village", v.id) for v in postings.villages(db))]
    review = poverty.review_of_year(db, 2026)
    for n in range(60):  # a list over two pages: its header repeats, the signature keeps company
        poverty.add_household(db, review.id, poverty.HouseholdInput(
            f"Lò Văn Hộ {n}", ("ngheo", "can_ngheo")[n % 2], village="Bản Nà Ngần", members=1 + n % 7,
            ethnicity="Thái"))
    ids = [poverty.post_list(db, review.id, poverty.ListPostingInput(
               "preliminary", date(2026, 11, 17), everywhere, feedback_to="Ban Chỉ đạo rà soát xã",
               feedback_until=date(2026, 11, 19))),
           postings.add_posting(db, postings.PostingInput(
               kind="quarterly_list", subject_period="2026-Q1", start_on=date(2026, 4, 5), places=everywhere,
               title="Danh mục thông tin đã công khai quý I năm 2026"))]
    from sqlalchemy import select  # noqa: PLC0415

    from papi_desktop.storage.transparency import Posting  # noqa: PLC0415

    with db.reader() as s:
        ids += [i for i in s.scalars(select(Posting.id)) if i not in ids]
    return [notices.write_notice(db, pid, tmp_path / "notices" / f"{n}_{paper}.pdf", paper=paper, today=TODAY)
            for n, pid in enumerate(ids) for paper in ("A4", "A3")]


def test_every_word_lies_inside_the_margins_and_its_column(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    did = _rich_demo(bare_db)
    pdfs = [*_export(bare_db, tmp_path, "papi-6m", "2026-H1"), *_export(bare_db, tmp_path, "papi-6m", "2026-H1",
                                                                         apart=True),
            *_export(bare_db, tmp_path, "reception-book", "2026"), *_export(bare_db, tmp_path, "petitions", "2026-H1"),
            *_export(bare_db, tmp_path, "disclosures", "2026-Q1"),
            *_export(bare_db, tmp_path, "dialogue-minutes", "2026-H1", dialogue_id=did)]
    assert len(pdfs) == 7  # the appendix apart is a file of its own
    pdfs += _notices(bare_db, tmp_path)
    assert len(pdfs) == 7 + 2 * 5  # five postings (budget, its quarter, procedures, poverty, quarter's list)
    problems = [p for pdf in pdfs for p in layout_problems(pdf)]
    assert not problems, "\n".join(problems[:40])
    book = next(p for p in pdfs if p.name.startswith("so_tiep_cong_dan"))
    assert len(column_lines(vertical_rules(book, 1))) == 14  # the check does see the grid


def test_the_check_sees_a_word_through_a_rule_and_past_the_margin(tmp_path: Path) -> None:
    """The checker itself: a table drawn by plain reportlab with the old fault (a word wider than
    its column) and a word past the right margin are both reported."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: PLC0415

    from papi_desktop.exports import fonts  # noqa: PLC0415

    family = fonts.register()
    pdf = tmp_path / "bad.pdf"
    doc = SimpleDocTemplate(str(pdf), pagesize=A4, leftMargin=MARGINS["left"], rightMargin=MARGINS["right"] - 20,
                            topMargin=MARGINS["top"], bottomMargin=MARGINS["bottom"], initialFontName=family)
    table = Table([["STT", "Thời gian"], ["1", "09/01/2026–28/02/2026"], ["2", "x"]], colWidths=[40, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONT", (0, 0), (-1, -1), family, 12)]))
    wide = Table([["Lò Văn Minh " * 9]], colWidths=[400])
    wide.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), family, 14)]))
    doc.build([table, wide])
    problems = layout_problems(pdf)
    assert any("09/01/2026–28/02/2026" in p and "crosses the rule" in p for p in problems), problems
    assert any("outside the margins" in p for p in problems), problems


# ---- headings, section rows and the signature at the foot of a page ----

def _doc(blocks: list, closing: str = "", landscape: bool = False) -> OfficialDoc:
    signer = Signer(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Lò Văn Minh")
    return OfficialDoc(["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG SƠN"], "Số: 01/BC-UBND", "Chiềng Sơn, ngày 05 tháng 6 năm 2026",
                       "BÁO CÁO", "Kiểm tra bố cục", blocks, [signer], ["UBND tỉnh Sơn La (b/c);", "Lưu: VT, VP."],
                       closing, landscape=landscape)


FILLER = "Ủy ban nhân dân xã tiếp tục triển khai các nhiệm vụ của kế hoạch theo đúng tiến độ đề ra"


def test_no_heading_ends_a_page(tmp_path: Path) -> None:
    """Headings land at every height of the page (paragraphs of 1 to 9 lines between them): none is a
    page's last line, and the heading run "I." + "1." stays together with the text under it."""
    headings: set[str] = set()
    for seed in range(3):
        blocks: list = []
        for n in range(40):
            if n % 7 == 0:
                headings.add(f"Mục lớn {seed}-{n}")
                blocks.append(Para(f"Mục lớn {seed}-{n}", "heading1"))
            headings.add(f"Mục nhỏ {seed}-{n}")
            blocks.append(Para(f"Mục nhỏ {seed}-{n}", "heading2"))
            blocks.extend(Para(" ".join([FILLER] * (1 + (n * (seed + 3)) % 9))) for _ in range(1 + n % 2))
        headings.add(f"Danh sách {seed} gồm:")
        blocks.append(Para(f"Danh sách {seed} gồm:"))  # a paragraph that introduces what follows
        blocks.extend(Para(f"- Nhiệm vụ {k} của danh sách.") for k in range(3))
        pdf = tmp_path / f"h{seed}.pdf"
        pdf_doc.write_pdf(_doc(blocks), pdf)
        pages = read_pages(pdf)
        assert len(pages) >= 8
        for page in pages[:-1]:
            low = last_line(page)
            assert not any(low.startswith(h) for h in headings), f"page {page.number} ends with “{low}”"


def test_no_section_row_ends_a_page(tmp_path: Path) -> None:
    """A table's section row ("IV | Nội dung …") goes over with the row it heads, for rows of every
    height; in the real appendix as well."""
    for seed in range(3):
        rows, sections = [], set()
        for n in range(60):
            if n % 5 == seed % 5:
                sections.add(len(rows))
                rows.append([f"S{n}", f"Phần kiểm tra số {n}", "", ""])
            rows.append([str(n), " ".join([FILLER] * (1 + (n * (seed + 2)) % 6)), "Phòng TCHCQT", "Quý IV/2026"])
        table = TableBlock(["TT", "Nhiệm vụ", "Chủ trì", "Thời gian"], rows, [5, 60, 15, 12], section_rows=sections,
                           font_size=11)
        pdf = tmp_path / f"t{seed}.pdf"
        pdf_doc.write_pdf(_doc([Para("Mở đầu."), table], landscape=True), pdf)
        pages = read_pages(pdf)
        assert len(pages) >= 6
        for page in pages[:-1]:
            label = last_row_label(pdf, page)
            assert label.isdigit(), f"page {page.number} ends with the section row “{label}”"
    assert not layout_problems(pdf)


def test_the_real_report_keeps_headings_and_sections_with_their_text(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    _rich_demo(bare_db)
    request = reports.ExportRequest("papi-6m", reports.resolve_period("papi-6m", "2026-H1", today=TODAY), TODAY)
    doc = reports.build(bare_db, request, TODAY)
    headings = [" ".join(b.text.split()) for b in doc.blocks if isinstance(b, Para) and b.style != "body"]
    table = doc.appendices[0].blocks[0]
    numerals = {str(table.rows[r][0]) for r in table.section_rows}
    assert numerals == {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"}
    pdf = _export(bare_db, tmp_path, "papi-6m", "2026-H1")[0]
    pages = read_pages(pdf)
    appendix = next(p.number for p in pages if "PHỤ LỤC" in p.text())
    for page in pages[:-1]:
        if page.number < appendix:
            low = last_line(page)
            assert not any(low.startswith(h) or h.startswith(low) for h in headings), f"p.{page.number}: “{low}”"
        else:
            label = last_row_label(pdf, page)
            assert label not in numerals, f"p.{page.number} ends with the section row “{label}”"


def _signature_page(pages: list[Page]) -> Page:
    return next(p for p in pages if "TM. ỦY BAN NHÂN DÂN" in p.text() and "Lò Văn Minh" in p.text())


@pytest.mark.parametrize("closing", ["", "Ủy ban nhân dân xã Chiềng Sơn trân trọng báo cáo./."])
def test_the_signature_never_stands_alone(tmp_path: Path, closing: str) -> None:
    """Bodies that end at every height of the page, with a paragraph or a table last: the page that
    holds the signature holds the end of the body too."""
    for lines in range(0, 44, 3):
        body = [Para(" ".join([FILLER] * 4)) for _ in range(lines // 4)] + [
            Para(" ".join([FILLER] * (1 + lines % 4)) + " Zcuối.")]
        pdf = tmp_path / f"p{lines}.pdf"
        pdf_doc.write_pdf(_doc(body, closing), pdf)
        page = _signature_page(read_pages(pdf))
        assert "Zcuối." in page.text(), f"{lines}: the signature is alone on page {page.number}"
        if closing:
            assert "trân trọng báo cáo./." in page.text()
    for n in range(8, 40, 3):
        table = TableBlock(["STT", "Nội dung"], [[i, FILLER + f" Zhàng{i}"] for i in range(1, n + 1)], [8, 80])
        pdf = tmp_path / f"t{n}.pdf"
        pdf_doc.write_pdf(_doc([Para("Mở đầu."), table], closing), pdf)
        page = _signature_page(read_pages(pdf))
        assert f"Zhàng{n}" in page.text(), f"{n} rows: the signature is alone on page {page.number}"
        assert not layout_problems(pdf)


def test_real_documents_keep_the_signature_with_their_text(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    setup.create_demo(bare_db, today=TODAY)  # its book and petition report ended with a lone signature
    for kind, period in (("reception-book", "2026"), ("petitions", "2026-H1"), ("disclosures", "2026-Q1")):
        pdf = _export(bare_db, tmp_path, kind, period)[0]
        page = _signature_page(read_pages(pdf))
        body = [w for w in page.words if w.y1 < next(w.y0 for w in page.words if w.text == "TM.")
                and not _is_page_number(page, w)]
        assert body, f"{kind}: the signature is alone on page {page.number}"


# ---- the reception book ----

def test_reception_book_first_page_and_its_handling_header(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    """Mẫu 03/TCD: "Hướng xử lý" stands over Thụ lý, Hướng dẫn and Chuyển đơn (columns 9–11), and the
    first page holds more than 5 rows of a book typed as communes type it."""
    _rich_demo(bare_db)
    pdf = _export(bare_db, tmp_path, "reception-book", "2026")[0]
    first = read_pages(pdf)[0]
    columns = column_lines(vertical_rules(pdf, 1))
    assert len(columns) == 14  # 13 columns

    def word(text: str) -> Word:
        return next(w for w in first.words if w.text == text)

    head_low = word("STT").y1
    numbers = [w for w in first.words if w.text.isdigit() and w.x1 <= columns[1] and w.y0 > head_low]
    assert len(numbers) > 5, [w.text for w in numbers]
    middle = word("xử")
    group = sorted((w for w in first.words if abs(w.y0 - middle.y0) < 1 and abs(w.x0 - middle.x0) < 40),
                   key=lambda w: w.x0)
    assert [w.text for w in group] == ["Hướng", "xử", "lý"]
    under = [word("Thụ"), word("Chuyển")]
    assert all(u.y0 > max(w.y1 for w in group) for u in under)  # a row above them
    # columns 9–11 lie between the 9th and the 12th rule, and the group is centred over them
    left, right = columns[8], columns[11]
    assert left < under[0].x0 and under[1].x1 < right
    centre = (group[0].x0 + group[-1].x1) / 2
    assert abs(centre - (left + right) / 2) < 3
    # its cell spans the three: the rules between them start below it
    inner = [top for x, top, _b in vertical_rules(pdf, 1) if left + 2 < x < right - 2]
    assert inner and all(top > max(w.y1 for w in group) for top in inner)


def column_lines(rules: list[tuple[float, float, float]]) -> list[float]:
    """The x of each vertical line, the pixel columns of one line taken together."""
    xs: list[float] = []
    for x in sorted(x for x, _t, _b in rules):
        if xs and x - xs[-1] < 1.5:
            continue
        xs.append(x)
    return xs


# ---- the appendix, the notice, the minutes ----

@pytest.mark.parametrize("style", ["split", "single"])
def test_appendix_dimension_titles_as_the_plan_wrote_them(db, tmp_path: Path, style: str) -> None:  # noqa: ANN001
    """Seed 000 names dimension 2 “Công khai, minh bạch trong hoạch định chính sách”, not the index's
    “… trong việc ra quyết định ở địa phương”; the appendix repeats the plan's table as written."""
    book = workbooks.plan_workbook(tmp_path / "plan.xlsx", section_style=style,
                                   section_titles={"VII": "Quản trị môi trường (bảo vệ môi trường nông thôn)"})
    plan_import.apply_import(db, plan_import.preview_import(db, book))
    pdf = _export(db, tmp_path, "papi-6m", "2026-H1", apart=True)[1]  # the appendix in its own file
    text = " ".join(poppler.text(pdf).split())
    written = "Nội dung “{}”" if style == "split" else "{}"
    for numeral, title in (("II", "Công khai, minh bạch trong hoạch định chính sách"),
                           ("VII", "Quản trị môi trường (bảo vệ môi trường nông thôn)")):
        assert f"{numeral} {written.format(title)}" in text, title
    assert "ra quyết định ở địa phương" not in text
    assert not layout_problems(pdf)


def _rule_under(rules: list[tuple[float, float, float]], line: list[Word], pdf: Path) -> float:
    """The length of the rule centred under a line of text, as a fraction of the line's width."""
    x0, x1, low = line[0].x0, line[-1].x1, max(w.y1 for w in line)
    under = [(r - left) for y, left, r in rules if low < y < low + 12 and left > x0 - 20 and r < x1 + 20
             and abs((left + r) / 2 - (x0 + x1) / 2) < 4]
    assert under, f"{pdf.name}: no rule under “{' '.join(w.text for w in line)}”"
    return max(under) / (x1 - x0)


def test_notice_has_its_number_line_and_header_rules(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    """Nghị định 30/2020, ô 1–4: the issuing body with a short rule under it, the national title with
    a rule as long as the motto, the number beside the place-and-date line; also on the reports."""
    setup.create_demo(bare_db, today=TODAY)
    pdfs = [*_notices(bare_db, tmp_path), _export(bare_db, tmp_path, "disclosures", "2026-Q1")[0]]
    for pdf in pdfs:
        page = read_pages(pdf)[0]
        line_of = {" ".join(w.text for w in line): line for line in page.lines}
        issuer = line_of["XÃ CHIỀNG SƠN"]
        motto = line_of["Độc lập - Tự do - Hạnh phúc"]
        number = next(w for w in page.words if w.text == "Số:")
        symbol = next(w for w in page.words if w.text.endswith("/TB-UBND"))  # "03/TB-UBND", or its blank
        place = next(line for text, line in line_of.items() if text.startswith("Chiềng Sơn, ngày"))
        assert abs(number.y1 - symbol.y1) < 1 and number.x1 < symbol.x0  # "Số: …/TB-UBND" on one line
        assert abs(number.y1 - place[0].y1) < 3 and symbol.x1 < place[0].x0  # beside the place and date
        rules = horizontal_rules(pdf, 1)
        assert 1 / 3 - 0.03 <= _rule_under(rules, issuer, pdf) <= 1 / 2 + 0.03, pdf.name
        assert 0.9 <= _rule_under(rules, motto, pdf) <= 1.1, pdf.name


def test_dialogue_minutes_word_their_times(bare_db, tmp_path: Path) -> None:  # noqa: ANN001
    """Mẫu 1.9: "Thời gian bắt đầu: 08 giờ 00 phút, ngày 20 tháng 5 năm 2026", then place, attendance,
    chair and secretary, and the end "kết thúc vào 11 giờ 30 phút, ngày …"."""
    did = _rich_demo(bare_db)
    pdf = _export(bare_db, tmp_path, "dialogue-minutes", "2026-H1", dialogue_id=did)[0]
    text = " ".join(poppler.text(pdf).split())
    assert "Thời gian bắt đầu: 08 giờ 00 phút, ngày 20 tháng 5 năm 2026." in text
    assert "Hội nghị kết thúc vào 11 giờ 30 phút, ngày 20 tháng 5 năm 2026./." in text
    order = [text.index(s) for s in ("Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự", "Chủ trì:", "Thư ký:")]
    assert order == sorted(order)
    assert not re.search(r"\d\d:\d\d", text)
    assert not layout_problems(pdf)


def test_poppler_tools_are_there() -> None:
    for tool in ("pdftotext", "pdftoppm"):
        assert shutil.which(tool), f"{tool} (poppler-utils) is not installed: apt-get install poppler-utils"
