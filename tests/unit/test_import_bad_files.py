"""Every importer refuses what is not its workbook with a clear message, in Vietnamese and
English, and writes nothing: empty, plain text, truncated, a zip without a workbook, an old .xls, a
password-protected file, a missing file, another table, a blank workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
import workbooks
from sqlalchemy import func, select

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import budget, plan_import, poverty, reception_import
from papi_desktop.storage.models import ChangeLog

CONTAINER = {"empty": "rỗng", "text": "không phải bảng tính", "truncated": "không phải bảng tính",
             "broken": "không phải bảng tính Excel", "xls": ".xls", "password": "mật khẩu", "missing": "Không tìm thấy tệp"}
IMPORTERS = {
    "plan": (plan_import.preview_import, workbooks.plan_workbook,
             {"not_plan": "Không tìm thấy bảng nhiệm vụ", "blank": "Không tìm thấy bảng nhiệm vụ"}),
    "reception": (reception_import.preview_import, workbooks.register_workbook,
                  {"not_plan": "Không tìm thấy sổ tiếp công dân", "blank": "Không tìm thấy sổ tiếp công dân"}),
    "budget": (budget.preview_import, workbooks.budget_workbook,
               {"not_plan": "năm ngân sách", "blank": "Không tìm thấy bảng ngân sách"}),
    "poverty": (poverty.preview_import, workbooks.poverty_workbook,
                {"not_plan": "Không tìm thấy danh sách hộ nghèo", "blank": "Không tìm thấy danh sách hộ nghèo"}),
}
CASES = [(importer, kind) for importer, (_p, _g, extra) in IMPORTERS.items() for kind in sorted({**CONTAINER, **extra})]


def _log_count(db) -> int:  # noqa: ANN001
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


@pytest.mark.parametrize(("importer", "kind"), CASES)
def test_bad_files_are_refused_and_nothing_is_written(db, tmp_path: Path, importer: str, kind: str) -> None:  # noqa: ANN001
    preview, good, extra = IMPORTERS[importer]
    path = workbooks.bad_files(tmp_path, good(tmp_path / "good.xlsx"))[kind]
    start = _log_count(db)
    with pytest.raises(KnownError) as err:
        preview(db, path)
    assert {**CONTAINER, **extra}[kind] in err.value.vi and err.value.en and err.value.en != err.value.vi
    assert _log_count(db) == start
