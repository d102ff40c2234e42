"""Importing the plan appendix: the variants offices type, the preview, idempotence, bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import workbooks
from openpyxl import Workbook
from sqlalchemy import func, select

from papi_desktop.domain.errors import Cancelled, KnownError
from papi_desktop.domain.jobs import CancelToken, NullProgress
from papi_desktop.services import plan as plan_service
from papi_desktop.services import plan_import
from papi_desktop.storage.models import ChangeLog

PER_DIM = {1: 2, 2: 3, 3: 5, 4: 5, 5: 6, 6: 3, 7: 2, 8: 2}
TODAY = date(2026, 11, 22)


def _log_count(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


@pytest.mark.parametrize("variant", [
    {},
    {"header": workbooks.HEADER_SEED004, "order": workbooks.ORDER_SEED004},
    {"section_style": "single", "numbering_row": False},
    {"repeat_header_every": 3},
    {"title_block": False},
    {"section_titles": {"II": "Công khai, minh bạch trong việc ra quyết định ở địa phương"}},
])
def test_variants_give_the_same_plan(db, tmp_path: Path, variant: dict) -> None:  # noqa: ANN001
    book = workbooks.plan_workbook(tmp_path / "p.xlsx", **variant)
    preview = plan_import.preview_import(db, book, year=None if variant.get("title_block", True) else 2026)
    assert preview.tasks_per_dimension == PER_DIM
    assert (preview.milestones_dated, preview.milestones_undated) == (17, 20)
    assert preview.problems == []
    assert preview.parsed.year == 2026
    task = preview.parsed.tasks[0]
    assert task.deadline_text == "- Ban hành kế hoạch quý I/2026.\n- Báo cáo định kỳ theo quy định."  # kept as written
    assert task.output.startswith("- Kế hoạch triển khai")


def test_preview_writes_nothing_then_import_writes_all(db, tmp_path: Path) -> None:  # noqa: ANN001
    book = workbooks.plan_workbook(tmp_path / "p.xlsx")
    start = _log_count(db)
    preview = plan_import.preview_import(db, book)
    assert _log_count(db) == start and plan_service.current_plan(db) is None
    assert preview.parsed.doc_number == "12/KH-UBND"
    assert preview.parsed.doc_date == date(2026, 1, 5)
    assert preview.parsed.issuer == "UBND xã Chiềng Sơn"
    result = plan_import.apply_import(db, preview)
    assert (result.added, result.updated, result.unchanged) == (28, 0, 0)
    info = plan_service.current_plan(db)
    assert info.year == 2026 and info.doc_number == "12/KH-UBND"
    tasks = plan_service.tasks_as_json(db, info.id, TODAY)
    assert len(tasks) == 28
    first = tasks[0]
    assert first["milestones"] == [
        {"text": "Ban hành kế hoạch quý I/2026", "due": "2026-03-31", "kind": "date", "done_on": None},
        {"text": "Báo cáo định kỳ theo quy định", "due": None, "kind": "recurring", "done_on": None},
    ]


def test_same_file_again_changes_nothing_and_says_so(db, tmp_path: Path) -> None:  # noqa: ANN001
    book = workbooks.plan_workbook(tmp_path / "p.xlsx")
    plan_import.apply_import(db, plan_import.preview_import(db, book))
    start = _log_count(db)
    again = plan_import.preview_import(db, book)
    assert not again.changes_anything and (again.added, again.updated, again.unchanged) == (0, 0, 28)
    result = plan_import.apply_import(db, again)
    assert not result.changes_anything
    assert _log_count(db) == start


def test_revised_file_updates_in_place_and_keeps_progress(db, tmp_path: Path) -> None:  # noqa: ANN001
    from papi_desktop.services import progress

    book = workbooks.plan_workbook(tmp_path / "p.xlsx")
    plan_import.apply_import(db, plan_import.preview_import(db, book))
    info = plan_service.current_plan(db)
    first = plan_service.list_tasks(db, plan_service.TaskFilter(info.id), TODAY)[0]
    progress.add_update(db, first.id, "2026-H1", "Đã ban hành kế hoạch")
    records = workbooks.seed000_records()
    records[0]["deadline"] = "- Ban hành kế hoạch quý II/2026.\n- Báo cáo định kỳ theo quy định."
    records.append(dict(records[-1], tt="3", task="Số hóa hồ sơ lưu trữ của xã."))
    revised = workbooks.plan_workbook(tmp_path / "p2.xlsx", records=records)
    preview = plan_import.preview_import(db, revised)
    assert (preview.added, preview.updated, preview.unchanged) == (1, 1, 27)
    plan_import.apply_import(db, preview)
    detail = plan_service.task_detail(db, first.id, TODAY)
    assert [m.due for m in detail.milestones] == [date(2026, 6, 30), None]
    assert len(progress.updates_of(db, first.id)) == 1
    assert len(plan_service.list_tasks(db, plan_service.TaskFilter(info.id), TODAY)) == 29


def test_rows_not_understood_are_reported_with_row_numbers(db, tmp_path: Path) -> None:  # noqa: ANN001
    records = workbooks.seed000_records()[:4]
    book = workbooks.plan_workbook(tmp_path / "p.xlsx", records=records, extra_rows=[
        ["IX", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
        ["1", "Một nhiệm vụ ngoài 8 chỉ số", "", "Sở Tư pháp", "", "Thường xuyên"],
        ["", "", "", "", "", ""],
        ["Ghi chú: số liệu tạm tính", "", "x", "", "", ""],
    ])
    preview = plan_import.preview_import(db, book)
    assert len(preview.parsed.tasks) == 4
    rows = [(p.row, p.en) for p in preview.problems]
    # title block 4 rows + blank + header + numbering + 2 sections + 4 tasks = row 13, then the extras
    assert rows[0][0] == 14 and "no PAPI dimension" in rows[0][1]
    assert rows[1][0] == 15 and "outside" in rows[1][1]
    assert rows[2][0] == 17 and "not understood" in rows[2][1]
    summary = preview.summary("vi")
    assert summary["rows_not_understood"][2] == {
        "row": 17, "reason": "Dòng không hiểu được (không phải mục, nhiệm vụ hay tiêu đề).",
        "text": "Ghi chú: số liệu tạm tính | x"}


def test_continuation_rows_and_vertically_merged_cells(db, tmp_path: Path) -> None:  # noqa: ANN001
    wb = Workbook()
    ws = wb.active
    ws.append(["KẾ HOẠCH PAPI NĂM 2025"])
    ws.append(workbooks.HEADER_STANDARD)
    ws.append(["III", "Nội dung “Trách nhiệm giải trình với người dân”"])
    ws.append([1, "Tổ chức hội nghị đối thoại", "- Kế hoạch;", "UBND xã", "MTTQ xã", "- Kế hoạch quý"])
    ws.append([None, "với Nhân dân", "- Báo cáo", None, None, "I/2025;\n- Báo cáo quý IV/2025"])
    ws.append([2, "Tiếp công dân định kỳ", "Sổ tiếp công dân", "UBND xã", "Công an xã", "Thường xuyên"])
    ws.append([3, "Giải quyết đơn thư đúng hạn", "Báo cáo", None, "Các ban ngành", "Quý IV/2025"])
    ws.merge_cells("D6:D7")  # one lead for two tasks
    book = tmp_path / "merged.xlsx"
    wb.save(book)
    preview = plan_import.preview_import(db, book)
    t1, t2, t3 = preview.parsed.tasks
    assert t1.task == "Tổ chức hội nghị đối thoại với Nhân dân"
    assert [(m.text, m.due) for m in t1.milestones] == [
        ("Kế hoạch quý I/2025", date(2025, 3, 31)), ("Báo cáo quý IV/2025", date(2025, 12, 31))]
    assert t2.lead == t3.lead == "UBND xã"
    assert preview.problems == []


def test_indicator_sheet_is_imported(db, tmp_path: Path) -> None:  # noqa: ANN001
    book = workbooks.plan_workbook(tmp_path / "p.xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(book)
    ws = wb.create_sheet("Phụ lục I")
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Cơ quan chịu trách nhiệm theo dõi, đánh giá"])
    ws.append(["I", "Giai đoạn 2026 - 2027"])
    ws.append(["1.", "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", "%", 100, "Văn phòng UBND"])
    ws.append(["2.", "Người dân hài lòng khi sử dụng dịch vụ công trực tuyến", "%", 95, "Văn phòng UBND"])
    wb.save(book)
    preview = plan_import.preview_import(db, book)
    assert [(i.name[:8], i.unit, i.target) for i in preview.parsed.indicators] == [
        ("Tỷ lệ cấ", "%", "100"), ("Người dâ", "%", "95")]
    plan_import.apply_import(db, preview)
    from papi_desktop.services import progress

    info = plan_service.current_plan(db)
    indicators = progress.indicators_of(db, info.id)
    progress.set_indicator_value(db, indicators[0].id, "2026-H1", "97")
    assert progress.indicators_of(db, info.id)[0].values == {"2026-H1": "97"}


EXPECTED = {
    "empty": "rỗng", "text": "không phải bảng tính", "truncated": "không phải bảng tính", "broken": "không phải bảng tính Excel",
    "not_plan": "Không tìm thấy bảng nhiệm vụ", "blank": "Không tìm thấy bảng nhiệm vụ",
    "header_only": "không có nhiệm vụ", "xls": ".xls", "password": "mật khẩu", "missing": "Không tìm thấy tệp",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_bad_files_get_a_clear_message_and_write_nothing(db, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    path = workbooks.bad_files(tmp_path, workbooks.plan_workbook(tmp_path / "good.xlsx"))[kind]
    start = _log_count(db)
    with pytest.raises(KnownError) as err:
        plan_import.preview_import(db, path)
    assert EXPECTED[kind] in err.value.vi
    assert "Nothing was written" in err.value.en and "Không có dữ liệu nào được ghi" in err.value.vi
    assert _log_count(db) == start and plan_service.current_plan(db) is None


def test_cancel_during_import_leaves_nothing(db, tmp_path: Path) -> None:  # noqa: ANN001
    book = workbooks.plan_workbook(tmp_path / "p.xlsx")
    preview = plan_import.preview_import(db, book)
    token = CancelToken()

    class CancelHalfway(NullProgress):
        def advance(self, n: int = 1) -> None:
            super().advance(n)
            if self.done == 10:
                token.cancel()

    start = _log_count(db)
    with pytest.raises(Cancelled):
        plan_import.apply_import(db, preview, progress=CancelHalfway(), cancel=token)
    assert _log_count(db) == start and plan_service.current_plan(db) is None
