"""Build the workbooks offices type (plan appendix, reception book) and the bad files importers refuse."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED000_CSV = SHARED / "fixtures" / "seed000_plan_2026.csv"
if not SEED000_CSV.exists():  # a clone without shared/ beside it: the shipped demo copy is the same file
    SEED000_CSV = Path(__file__).resolve().parents[1] / "resources" / "demo" / "plan_2026.csv"

HEADER_STANDARD = ["TT", "Nhiệm vụ cụ thể", "Sản phẩm\nđầu ra", "Cơ quan chủ trì", "Cơ quan phối hợp",
                   "Thời gian hoàn\nthành"]
# Seed 004, Phụ lục II: another order and other wordings.
HEADER_SEED004 = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Dự kiến kết quả", "Thời gian"]
ORDER_SEED004 = ["tt", "task", "lead", "coordinators", "output", "deadline"]
ORDER_STANDARD = ["tt", "task", "output", "lead", "coordinators", "deadline"]


def seed000_records() -> list[dict[str, str]]:
    with SEED000_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def plan_workbook(
    path: Path,
    records: list[dict[str, str]] | None = None,
    header: list[str] | None = None,
    order: list[str] | None = None,
    title_block: bool = True,
    numbering_row: bool = True,
    section_style: str = "split",  # split: "I" | title merged B..F ; single: "I. title" merged A..F
    repeat_header_every: int = 0,
    section_titles: dict[str, str] | None = None,
    extra_rows: list[list[str]] | None = None,
) -> Path:
    records = seed000_records() if records is None else records
    header = header or HEADER_STANDARD
    order = order or ORDER_STANDARD
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    row = 1
    if title_block:
        for line in ("ỦY BAN NHÂN DÂN XÃ CHIỀNG SƠN", "Phụ lục",
                     "CÁC NHIỆM VỤ TRỌNG TÂM NÂNG CAO CHỈ SỐ PAPI NĂM 2026",
                     "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND xã Chiềng Sơn)"):
            ws.cell(row, 1, line)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
            row += 1
        row += 1  # a blank line before the table
    ws.append([]) if False else None
    for col, text in enumerate(header, start=1):
        ws.cell(row, col, text).alignment = Alignment(wrap_text=True)
    row += 1
    if numbering_row:
        for col in range(1, 7):
            ws.cell(row, col, f"({col})")
        row += 1
    last_section = None
    tasks_since_header = 0
    for rec in records:
        if rec["section"] != last_section:
            last_section = rec["section"]
            title = (section_titles or {}).get(rec["section"], rec["section_title"])
            if section_style == "single":
                ws.cell(row, 1, f"{rec['section']}. {title}")
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
            else:
                ws.cell(row, 1, rec["section"])
                ws.cell(row, 2, f"Nội dung “{title}”")
                ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
            row += 1
        if repeat_header_every and tasks_since_header == repeat_header_every:
            for col, text in enumerate(header, start=1):
                ws.cell(row, col, text)
            row += 1
            tasks_since_header = 0
        values = {"tt": rec["tt"], "task": rec["task"], "output": rec["output"], "lead": rec["lead"],
                  "coordinators": rec["coordinators"], "deadline": rec["deadline"]}
        for col, role in enumerate(order, start=1):
            value = values[role]
            ws.cell(row, col, int(value) if role == "tt" and value.isdigit() else value)
        row += 1
        tasks_since_header += 1
    for extra in extra_rows or []:
        for col, value in enumerate(extra, start=1):
            ws.cell(row, col, value)
        row += 1
    wb.save(path)
    return path


def encrypt_workbook(source: Path, target: Path, password: str = "secret") -> Path:
    """A real password-protected .xlsx (Agile encryption) as Excel writes it."""
    import msoffcrypto.format.ooxml  # noqa: PLC0415

    out = io.BytesIO()
    with source.open("rb") as fh:
        msoffcrypto.format.ooxml.OOXMLFile(fh).encrypt(password, out)
    target.write_bytes(out.getvalue())
    return target


def old_xls(target: Path) -> Path:
    """A real legacy .xls (BIFF8) written by xlwt."""
    import xlwt  # noqa: PLC0415

    book = xlwt.Workbook()
    sheet = book.add_sheet("Phu luc")
    for col, text in enumerate(HEADER_STANDARD):
        sheet.write(0, col, text)
    book.save(str(target))
    return target


REGISTER_ROWS = [
    # date, name+address, id, summary, class, people, prior, accept, guide, forward, followup, notes, type, receiver
    ("02/03/2026", "Lò Văn Bình, bản Hin, xã Chiềng Sơn", "014090001234", "Đề nghị cấp giấy chứng nhận QSDĐ",
     "Kiến nghị", "1", "", "x", "", "", "Đã trả lời ngày 10/3/2026", "", "Thường xuyên", "Quàng Văn Dũng"),
    (None, "Cầm Thị Hoa\nbản Mòng, xã Chiềng Sơn", "", "Tranh chấp ranh giới đất với hộ liền kề",
     "Khiếu nại", "1", "UBND xã cũ", "", "Hướng dẫn đến TAND khu vực, văn bản 12/UBND", "", "", "", "Định kỳ",
     "Lò Văn Minh"),
    ("09/03/2026", "Lường Văn Sơn, bản Nà Ngần", "", "Phản ánh ô nhiễm do trại lợn; đề nghị kiểm tra",
     "Phản ánh, kiến nghị", "7", "", "", "", "Chuyển Sở Nông nghiệp và Môi trường, PC số 3/PC-UBND", "", "",
     "Đột xuất", "Lò Văn Minh"),
]


def register_workbook(path: Path, rows: list[tuple] | None = None) -> Path:
    """A Mẫu 03/TCD book as typed: title block, two-row header, numbering row, text and real dates."""
    from datetime import datetime

    wb = Workbook()
    ws = wb.active
    ws.append(["ỦY BAN NHÂN DÂN XÃ CHIỀNG SƠN"])
    ws.append(["SỔ TIẾP CÔNG DÂN"])
    ws.append([])
    top = ["STT", "Ngày tiếp", "Họ tên, địa chỉ", "CCCD/Hộ chiếu", "Nội dung vụ việc", "Phân loại đơn", "Số người",
           "Cơ quan đã giải quyết", "Hướng xử lý", "", "", "Theo dõi kết quả giải quyết", "Ghi chú",
           "Hình thức tiếp", "Người tiếp"]
    ws.append(top)
    ws.append(["", "", "", "", "", "", "", "", "Thụ lý", "Hướng dẫn", "Chuyển đơn", "", "", "", ""])
    ws.merge_cells("I4:K4")
    ws.append([f"({i})" for i in range(1, 14)])
    for i, r in enumerate(rows if rows is not None else REGISTER_ROWS, start=1):
        day = r[0] if r[0] is not None else datetime(2026, 3, 5)  # a real date cell
        ws.append([i, day, *r[1:]])
    wb.save(path)
    return path


def bad_files(tmp_path: Path, good: Path) -> dict[str, Path]:
    """Files an importer must refuse with a message; good is a valid workbook of the importer's kind."""
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    text = tmp_path / "notes.xlsx"
    text.write_text("Kế hoạch PAPI năm 2026", encoding="utf-8")
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    not_plan = tmp_path / "budget.xlsx"
    wb = Workbook()
    wb.active.append(["STT", "Nội dung thu", "Dự toán", "Thực hiện"])
    wb.active.append([1, "Thu thuế", 100, 90])
    wb.save(not_plan)
    blank = tmp_path / "blank.xlsx"
    Workbook().save(blank)
    header_only = plan_workbook(tmp_path / "header_only.xlsx", records=[])
    return {
        "empty": empty, "text": text, "truncated": truncated, "broken": broken, "not_plan": not_plan,
        "blank": blank, "header_only": header_only, "xls": old_xls(tmp_path / "old.xls"),
        "password": encrypt_workbook(good, tmp_path / "locked.xlsx"),
        "missing": tmp_path / "nowhere.xlsx",
    }


BUDGET_LINES = [
    ("", "TỔNG CHI NGÂN SÁCH XÃ", 5_000_000_000),
    ("I", "Chi đầu tư phát triển", 1_000_000_000),
    ("II", "Chi thường xuyên", 3_900_000_000),
    ("1", "Chi quốc phòng", 400_000_000),
    ("2", "Chi sự nghiệp giáo dục", 1_500_000_000),
    ("", "Trong đó: chi hỗ trợ học sinh nghèo", 200_000_000),
    ("3", "Chi quản lý nhà nước, Đảng, đoàn thể", 2_000_000_000),
    ("-", "Chi lương và phụ cấp", 1_600_000_000),
    ("-", "Chi hoạt động", 400_000_000),
    ("III", "Dự phòng ngân sách", 100_000_000),
]


def budget_workbook(path: Path, lines: list[tuple] | None = None, form: str = "Biểu số 110/CK TC-NSNN",
                    title: str = "DỰ TOÁN CHI NGÂN SÁCH XÃ NĂM 2026", amounts_as_text: bool = False,
                    extra_columns: tuple[str, ...] = ()) -> Path:
    """A budget table as a commune types it: title block, header, numbering row, lines (real numbers or
    "1.234.567" text)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu 110"
    ws.append(["ỦY BAN NHÂN DÂN XÃ CHIỀNG SƠN", "", "", form])
    ws.append([title])
    ws.merge_cells("A2:D2")
    ws.append(["(Kèm theo Quyết định số 15/QĐ-UBND ngày 05/01/2026 của UBND xã Chiềng Sơn)"])
    ws.append(["", "", "", "Đơn vị tính: đồng"])
    ws.append(["STT", "Nội dung", "Dự toán năm 2026", *extra_columns, "Ghi chú"])
    ws.append(["A", "B", "1", *[str(i + 2) for i in range(len(extra_columns))], ""])
    for code, name, *amounts in lines if lines is not None else BUDGET_LINES:
        cells = [f"{a:,}".replace(",", ".") if amounts_as_text and isinstance(a, int) else a for a in amounts]
        ws.append([code, name, *cells, ""])
    wb.save(path)
    return path


POVERTY_ROWS = [
    # head, CCCD, village, ethnicity, members, area, income, deprivations, class
    ("Lò Văn Pánh", "014090001234", "Bản Hin", "Thái", 5, "Nông thôn", 1_200_000, "BHYT; nhà tiêu; việc làm",
     "Hộ nghèo"),
    ("Cầm Thị Ún", "014190004321", "Bản Hin", "Thái", 3, "Nông thôn", 1_400_000, "nước sinh hoạt", "Hộ cận nghèo"),
    ("Quàng Văn Khum", "014085007777", "Bản Mòng", "Thái", 6, "Nông thôn", 1_000_000, "1, 7, 9, 10", "Hộ nghèo"),
    ("Vì Thị Xuân", "", "Bản Mòng", "Mường", 2, "Nông thôn", None, "", "Thoát nghèo"),
]


def poverty_workbook(path: Path, rows: list[tuple] | None = None,
                     title: str = "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO SAU RÀ SOÁT NĂM 2026") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["ỦY BAN NHÂN DÂN XÃ CHIỀNG SƠN"])
    ws.append([title])
    ws.append([])
    ws.append(["STT", "Họ và tên chủ hộ", "Số CCCD", "Thôn, bản", "Dân tộc", "Số nhân khẩu", "Khu vực",
               "Thu nhập bình quân (đồng/người/tháng)", "Các chỉ số thiếu hụt", "Phân loại", "Ghi chú"])
    ws.append([f"({i})" for i in range(1, 12)])
    for i, r in enumerate(rows if rows is not None else POVERTY_ROWS, start=1):
        ws.append([i, *r, ""])
    wb.save(path)
    return path


# ---- hostile files and readers (test_hostile_files, test_fuzz_importers) ----

def with_cell(source: Path, target: Path, ref: str, value: object) -> Path:
    """source with one more cell, e.g. "XFD1048576" or "A1000000"; openpyxl declares it in <dimension>."""
    from openpyxl import load_workbook  # noqa: PLC0415

    wb = load_workbook(source)
    wb.worksheets[0][ref] = value
    wb.save(target)
    return target


def edit_members(source: Path, target: Path, edit) -> Path:  # noqa: ANN001
    """target is source with each part passed through edit(name, data) -> data (None drops the part)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = edit(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
    return target


def without_dimension(source: Path, target: Path) -> Path:
    """A sheet that does not declare its range (as some tools write it): the reader finds the cells."""
    import re  # noqa: PLC0415

    return edit_members(source, target, lambda name, data: re.sub(rb"<dimension[^>]*/>", b"", data)
                        if "worksheets/" in name else data)


def with_merge(source: Path, target: Path, ref: str) -> Path:
    """source with one more merged range in its first sheet (written into the XML: openpyxl itself
    would make a cell object for every cell of it)."""
    import re  # noqa: PLC0415

    def edit(name: str, data: bytes) -> bytes:
        if not name.endswith("sheet1.xml"):
            return data
        if b"<mergeCells" in data:
            return re.sub(rb"<mergeCells[^>]*>", lambda m: m[0] + b'<mergeCell ref="%s"/>' % ref.encode(), data)
        return data.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="%s"/></mergeCells>'
                            % ref.encode())

    return edit_members(source, target, edit)


def zip_bomb(source: Path, target: Path, megabytes: int) -> Path:
    """source whose first sheet is megabytes of empty rows: a few hundred KB on disk."""
    chunk = b"".join(b'<row r="%d"/>' % (i % 9 + 1) for i in range(100_000))  # compresses ~1000:1
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename.endswith("sheet1.xml"):
                with zout.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                             b"<sheetData>")
                    for _ in range(megabytes * (1 << 20) // len(chunk)):
                        fh.write(chunk)
                    fh.write(b"</sheetData></worksheet>")
            else:
                zout.writestr(info, zin.read(info.filename))
    return target


def aborting_reader(path, limits):  # noqa: ANN001, ANN201
    """A reader that dies in the child as python-calamine does when an allocation fails."""
    import os  # noqa: PLC0415

    os.abort()
    yield  # a generator, like the real readers


def hungry_reader(path, limits):  # noqa: ANN001, ANN201
    """A reader that asks for more memory than the child may have (4 GB)."""
    yield "Sheet", iter([(1, [str(len(bytearray(4 << 30)))])])


def slow_reader(path, limits):  # noqa: ANN001, ANN201
    import time  # noqa: PLC0415

    yield "Sheet", iter([(1, ["a"])])
    time.sleep(3600)


def broken_reader(path, limits):  # noqa: ANN001, ANN201
    import zlib  # noqa: PLC0415

    raise zlib.error("Error -3 while decompressing data: invalid distance too far back")
    yield


def two_sheet_reader(path, limits):  # noqa: ANN001, ANN201
    """Two sheets of 5,000 rows: more than one batch each, to follow the protocol end to end."""
    for name in ("Một", "Hai"):
        yield name, ((r, [name, str(r)]) for r in range(1, 5001))
