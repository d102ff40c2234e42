"""Importing an existing reception book (Mẫu 03/TCD): preview, errors by row, all-or-nothing."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
import workbooks
from cli_runner import run_cli

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import reception as rs
from papi_desktop.services import reception_import as ri


def test_preview_then_import(db, tmp_path: Path) -> None:  # noqa: ANN001
    book = workbooks.register_workbook(tmp_path / "so_tiep_cong_dan.xlsx")
    preview = ri.preview_import(db, book)
    assert preview.parsed.errors == [] and preview.rows == 3
    first, second, third = preview.entries
    assert (first.citizens[0].name, first.citizens[0].address, first.direction) == (
        "Lò Văn Bình", "bản Hin, xã Chiềng Sơn", "accept")
    assert first.citizens[0].id_number == "014090001234" and first.citizens[0].id_kind == "cccd"
    assert (second.received_on, second.citizens[0].name, second.classes, second.reception_type) == (
        date(2026, 3, 5), "Cầm Thị Hoa", ["khieu_nai"], "periodic")
    assert second.direction == "guide" and "TAND" in second.direction_target
    assert (third.people_count, third.classes, third.direction, third.reception_type) == (
        7, ["kien_nghi", "phan_anh"], "forward", "adhoc")
    assert third.citizens[0].is_representative  # a delegation: the named citizen represents it
    assert rs.count(db) == 0  # preview wrote nothing
    assert ri.apply_import(db, preview) == 3
    stats = rs.statistics(db, date(2026, 3, 1), date(2026, 3, 31))
    assert (stats.total.receptions, stats.total.citizens, stats.total.delegations) == (3, 9, 1)
    assert stats.leaders.receptions == 2
    assert len(rs.reception_ids(db, "cam thi hoa")) == 1  # bulk-written rows are in the full-text index
    again = ri.preview_import(db, book)
    assert (again.new_rows, again.duplicates) == (0, 3)
    assert ri.apply_import(db, again) == 0 and rs.count(db) == 3


def test_errors_by_row_and_nothing_written(db, tmp_path: Path) -> None:  # noqa: ANN001
    rows = list(workbooks.REGISTER_ROWS)
    rows.append(("31/02/2026", "Hà Văn Tùng, bản Co Muông", "", "Hỏi chế độ", "Kiến nghị", "1", "", "", "", "",
                 "", "", "", ""))
    rows.append(("12/03/2026", "Hà Thị Mai, bản Co Muông", "014090001234", "Hỏi chế độ", "Hỏi đáp", "1", "", "",
                 "", "", "", "", "", ""))
    rows.append(("12/03/2026", "Lò Thị Xuân", "099190001234", "Đề nghị", "Kiến nghị", "1", "", "", "", "", "",
                 "", "", ""))
    book = workbooks.register_workbook(tmp_path / "loi.xlsx", rows)
    preview = ri.preview_import(db, book)
    errors = {r: vi for r, vi, _en in preview.parsed.errors}
    assert sorted(errors) == [10, 11, 12]  # 6 rows above the data: data row 4 is sheet row 10
    assert "31/02/2026" in errors[10] and "Phân loại" in errors[11] and "Mã tỉnh “099”" in errors[12]
    with pytest.raises(KnownError, match="3 dòng lỗi"):
        ri.apply_import(db, preview)
    assert rs.count(db) == 0


def test_not_a_register(db, tmp_path: Path) -> None:  # noqa: ANN001
    book = workbooks.plan_workbook(tmp_path / "plan.xlsx")
    with pytest.raises(KnownError, match="Không tìm thấy sổ tiếp công dân"):
        ri.preview_import(db, book)
    locked = workbooks.encrypt_workbook(workbooks.register_workbook(tmp_path / "r.xlsx"), tmp_path / "locked.xlsx")
    with pytest.raises(KnownError, match="mật khẩu"):
        ri.preview_import(db, locked)


def test_cli_reception_import(tmp_path: Path) -> None:
    data = tmp_path / "data"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(data, *args)

    assert cli("setup", "--unit-code", "03985").returncode == 0
    book = workbooks.register_workbook(tmp_path / "so.xlsx")
    dry = json.loads(cli("reception", "import", str(book), "--dry-run", "--json").stdout)
    assert dry["rows"] == 3 and dry["written"] == 0 and dry["errors"] == []
    done = json.loads(cli("reception", "import", str(book), "--json").stdout)
    assert done["written"] == 3
    stats = json.loads(cli("reception", "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--json").stdout)
    assert stats["receptions"] == 3 and stats["leaders"]["receptions"] == 2
