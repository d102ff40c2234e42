"""An issued document records the change-log position it was built from; a record it showed is frozen
at that version, and a later edit is a new version that replaces it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from papi_desktop.services import keys, record_history, reports, setup
from papi_desktop.services import plan as plan_service
from papi_desktop.storage.models import state_id
from papi_desktop.storage.reports import OutgoingDocument

TODAY = date(2026, 6, 5)
PASS = "mat-khau-xa-2026"


@pytest.fixture
def demo(bare_db):  # noqa: ANN001, ANN201
    setup.create_demo(bare_db, today=TODAY)
    keys.create_self_signed(bare_db, PASS)
    return bare_db


def _export(db, tmp_path: Path) -> reports.ExportResult:  # noqa: ANN001
    request = reports.ExportRequest("papi-6m", reports.resolve_period("papi-6m", "2026-H1", today=TODAY), TODAY)
    return reports.export(db, request, tmp_path / "out", reports.SignOptions(PASS), TODAY)


def _built_from(db, doc_id: str) -> int | None:  # noqa: ANN001
    with db.reader() as s:
        return s.get(OutgoingDocument, doc_id).built_from_seq


def test_a_record_shown_in_an_issued_report_is_frozen_and_an_edit_replaces_it(demo, tmp_path: Path) -> None:  # noqa: ANN001
    task_id = plan_service.list_tasks(demo, plan_service.TaskFilter(plan_service.current_plan(demo).id), TODAY)[5].id
    plan_service.update_task(demo, task_id, note="Đã họp triển khai")
    result = _export(demo, tmp_path)
    built = _built_from(demo, result.document_id)
    assert built is not None and built == reports.log_position(demo) - 2  # then the number's own edits
    plan_service.update_task(demo, task_id, note="Đã họp triển khai và kiểm tra")

    record = state_id(task_id, demo.unit_code)
    first, second = record_history.history(demo, "task_state", record)
    assert (first.row_version, first.values["note"], first.frozen_by) == (1, "Đã họp triển khai", ["Số 01/BC-UBND"])
    assert first.seq <= built < second.seq
    assert (second.row_version, second.replaces, second.values["note"]) == (2, 1, "Đã họp triển khai và kiểm tra")
    assert not second.frozen
    # A table the report does not draw on is not frozen by it.
    with demo.reader() as s:
        profile_doc = s.scalars(select(OutgoingDocument)).one()
    assert record_history.history(demo, "outgoing_document", profile_doc.id)[-1].frozen_by == []


def test_a_save_during_the_build_makes_it_build_again_from_one_state(demo, tmp_path: Path,  # noqa: ANN001
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    task_id = plan_service.list_tasks(demo, plan_service.TaskFilter(plan_service.current_plan(demo).id), TODAY)[0].id
    real_build, calls = reports.build, []

    def build_with_a_save_in_the_middle(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == 1:  # another window saves while the first build reads
            plan_service.update_task(demo, task_id, note="Sửa trong lúc lập báo cáo")
        return real_build(*args, **kwargs)

    monkeypatch.setattr(reports, "build", build_with_a_save_in_the_middle)
    result = _export(demo, tmp_path)
    assert len(calls) == 2
    saved = record_history.history(demo, "task_state", state_id(task_id, demo.unit_code))[-1]
    assert saved.values["note"] == "Sửa trong lúc lập báo cáo" and saved.seq <= _built_from(demo, result.document_id)
    assert saved.frozen_by == ["Số 01/BC-UBND"]
