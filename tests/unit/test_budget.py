"""Budget tables: import with preview and all-or-nothing, totals checked, forms by year, estimate vs execution."""

from __future__ import annotations

from pathlib import Path

import pytest
import workbooks
from sqlalchemy import func, select

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import budget
from papi_desktop.storage.models import ChangeLog


def _log_count(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


@pytest.mark.parametrize("as_text", [False, True])
def test_import_a_form_110_estimate(db, tmp_path: Path, as_text: bool) -> None:  # noqa: ANN001
    book = workbooks.budget_workbook(tmp_path / "b110.xlsx", amounts_as_text=as_text)
    preview = budget.preview_import(db, book)
    assert preview.errors == [] and (preview.year, preview.stage, preview.parsed.form_code) == (
        2026, "estimate_approved", "110")
    assert preview.parsed.doc_number == "15/QĐ-UBND" and len(preview.parsed.lines) == 10
    table_id = budget.apply_import(db, preview)
    info = budget.table(db, table_id)
    assert info.part == "expenditure" and info.mismatches() == []
    assert info.lines[0].values == {"c1": 5_000_000_000} and info.doc_date.isoformat() == "2026-01-05"
    of_which = [x for x in info.lines if x.of_which]
    assert [x.name for x in of_which] == ["Trong đó: chi hỗ trợ học sinh nghèo"]
    again = budget.preview_import(db, book)
    assert again.replaces == table_id  # the same table again replaces the recorded one
    budget.apply_import(db, again)
    assert len(budget.tables(db, 2026)) == 1


def test_lines_that_do_not_add_up_are_refused_by_row(db, tmp_path: Path) -> None:  # noqa: ANN001
    lines = list(workbooks.BUDGET_LINES)
    lines[7] = ("-", "Chi lương và phụ cấp", 1_500_000_000)  # the parts of line "3" now add up to 1.900.000.000
    book = workbooks.budget_workbook(tmp_path / "sai.xlsx", lines)
    preview = budget.preview_import(db, book)
    assert [m.row for m in preview.mismatches] == [13]  # line "3" is on sheet row 13
    assert "2.000.000.000" in preview.errors[0][1] and "1.900.000.000" in preview.errors[0][1]
    start = _log_count(db)
    with pytest.raises(KnownError, match="1 lỗi"):
        budget.apply_import(db, preview)
    assert _log_count(db) == start and budget.tables(db) == []


def test_an_amount_that_is_not_whole_dong(db, tmp_path: Path) -> None:  # noqa: ANN001
    lines = list(workbooks.BUDGET_LINES)
    lines[1] = ("I", "Chi đầu tư phát triển", "1,5 tỷ")
    preview = budget.preview_import(db, workbooks.budget_workbook(tmp_path / "chu.xlsx", lines))
    assert preview.parsed.errors and preview.parsed.errors[0][0] == 8 and "1,5 tỷ" in preview.parsed.errors[0][1]


def test_legacy_forms_only_for_the_years_they_serve(db, tmp_path: Path) -> None:  # noqa: ANN001
    late = workbooks.budget_workbook(tmp_path / "2027.xlsx", title="DỰ TOÁN CHI NGÂN SÁCH XÃ NĂM 2027")
    with pytest.raises(KnownError, match="Thông tư 26/2026/TT-BTC"):
        budget.preview_import(db, late)
    execution = workbooks.budget_workbook(tmp_path / "115.xlsx", form="Biểu số 115/CK TC-NSNN",
                                          title="ƯỚC THỰC HIỆN CHI NGÂN SÁCH XÃ 6 THÁNG NĂM 2026")
    with pytest.raises(KnownError, match="không áp dụng"):
        budget.preview_import(db, execution, stage="execution_h1")  # 2026 execution: the province's templates
    older = workbooks.budget_workbook(tmp_path / "2025.xlsx", form="Biểu số 115/CK TC-NSNN",
                                      title="ƯỚC THỰC HIỆN CHI NGÂN SÁCH XÃ 6 THÁNG NĂM 2025")
    assert budget.preview_import(db, older, stage="execution_h1").errors == []
    with pytest.raises(KnownError, match="Biểu 115 là biểu thực hiện"):
        budget.preview_import(db, older, stage="estimate_approved")


def test_estimate_compared_with_execution(db, tmp_path: Path) -> None:  # noqa: ANN001
    budget.apply_import(db, budget.preview_import(db, workbooks.budget_workbook(tmp_path / "dt.xlsx")))
    executed = [(c, n, est, done) for (c, n, est), done in zip(
        workbooks.BUDGET_LINES, [2_300_000_000, 450_000_000, 1_800_000_000, 200_000_000, 700_000_000, 100_000_000,
                                 900_000_000, 800_000_000, 100_000_000, 50_000_000], strict=True)]
    book = workbooks.budget_workbook(tmp_path / "th.xlsx", executed, form="Biểu số CKNS-03",
                                     title="THỰC HIỆN CHI NGÂN SÁCH XÃ 6 THÁNG NĂM 2026",
                                     extra_columns=("Thực hiện 6 tháng",))
    preview = budget.preview_import(db, book, stage="execution_h1")
    assert preview.errors == [] and [c.name for c in preview.parsed.columns] == ["Dự toán năm 2026",
                                                                                 "Thực hiện 6 tháng"]
    budget.apply_import(db, preview)
    rows = {c.name: c for c in budget.compare(db, 2026)}
    total = rows["TỔNG CHI NGÂN SÁCH XÃ"]
    assert (total.estimate, total.executed, total.percent, total.execution_stage) == (
        5_000_000_000, 2_300_000_000, 46.0, "execution_h1")
    assert rows["Dự phòng ngân sách"].percent == 50.0


def test_entered_by_hand_with_the_same_checks(db) -> None:  # noqa: ANN001
    lines = [budget.LineEntry("", "Tổng thu", {"c1": 300}), budget.LineEntry("1", "Thu phí, lệ phí", {"c1": 100}),
             budget.LineEntry("2", "Thu khác", {"c1": 150})]
    inp = budget.TableInput(2026, "estimate_submitted", "Dự toán thu ngân sách xã", ["Dự toán năm"], lines,
                            form_code="104")
    with pytest.raises(KnownError, match="chưa khớp"):
        budget.save_table(db, inp)
    lines[2].values["c1"] = 200
    table_id = budget.save_table(db, inp)
    assert budget.table(db, table_id).part == "revenue"
    inp.lines.append(budget.LineEntry("3", "Thu tiền sử dụng đất", {"c1": 0}))
    again = budget.save_table(db, inp, table_id=table_id)  # an edit replaces the table, never adds a second
    assert [t.id for t in budget.tables(db, 2026)] == [again] and len(budget.table(db, again).lines) == 4
