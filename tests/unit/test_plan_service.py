"""Plan services: filters, accent-insensitive search, overdue, editing, progress with evidence."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from papi_desktop import paths
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import plan as plan_service
from papi_desktop.services import progress

TODAY = date(2026, 11, 22)


def _plan(db):  # noqa: ANN001, ANN202
    return plan_service.current_plan(db)


def test_filters_and_search(plan_db) -> None:  # noqa: ANN001
    info = _plan(plan_db)
    flt = plan_service.TaskFilter

    def count(**kw: object) -> int:
        return len(plan_service.task_ids(plan_db, flt(info.id, **kw), TODAY))

    assert count() == 28
    assert count(dimension=5) == 6
    assert count(lead="Trung tâm Thông tin") == 5
    # Every word must appear, accents and case ignored: the same answer as folding the texts by hand.
    import workbooks

    from papi_desktop.domain.text import fold

    texts = [fold(" ".join(r.values())) for r in workbooks.seed000_records()]
    by_hand = sum(all(w in t for w in ("tiep", "cong", "dan")) for t in texts)
    assert count(search="tiep cong dan") == count(search="tiếp công dân") == by_hand == 6
    assert count(search="TIẾP   CÔNG dân tham nhung") == 1
    assert count(search="100%_") == 0  # LIKE wildcards are escaped
    overdue = count(status="overdue")
    assert overdue == count(overdue_only=True) > 0
    rows = plan_service.list_tasks(plan_db, flt(info.id, status="overdue"), TODAY)
    assert all(r.overdue and r.shown_status == "overdue" for r in rows)


def test_overdue_follows_milestones_and_status(plan_db) -> None:  # noqa: ANN001
    info = _plan(plan_db)
    rows = plan_service.list_tasks(plan_db, plan_service.TaskFilter(info.id, dimension=3), TODAY)
    q1 = rows[0]  # "- Quý I/2026. - Báo cáo kết quả thực hiện."
    assert q1.overdue and q1.next_due == date(2026, 3, 31)
    assert not plan_service.list_tasks(plan_db, plan_service.TaskFilter(info.id, dimension=3),
                                       date(2026, 3, 31))[0].overdue  # due today is not late
    detail = plan_service.task_detail(plan_db, q1.id, TODAY)
    plan_service.set_milestone_done(plan_db, detail.milestones[0].id, date(2026, 3, 20))
    assert not plan_service.task_detail(plan_db, q1.id, TODAY).row.overdue
    q4 = rows[2]  # "Quý IV năm 2026." not late yet
    assert not q4.overdue
    assert plan_service.task_detail(plan_db, q4.id, date(2027, 1, 2)).row.overdue
    plan_service.update_task(plan_db, q4.id, status="done")
    assert not plan_service.task_detail(plan_db, q4.id, date(2027, 1, 2)).row.overdue


def test_edit_task_rederives_milestones_and_validates(plan_db) -> None:  # noqa: ANN001
    info = _plan(plan_db)
    row = plan_service.list_tasks(plan_db, plan_service.TaskFilter(info.id), TODAY)[0]
    plan_service.update_task(plan_db, row.id, deadline_text="Tháng 7/2026", status="in_progress",
                             lead="Văn phòng - Thống kê")
    detail = plan_service.task_detail(plan_db, row.id, TODAY)
    assert [(m.text, m.due) for m in detail.milestones] == [("Tháng 7/2026", date(2026, 7, 31))]
    assert detail.row.lead == "Văn phòng - Thống kê"
    with pytest.raises(KnownError, match="Trạng thái"):
        plan_service.update_task(plan_db, row.id, status="finished")
    with pytest.raises(KnownError, match="không để trống"):
        plan_service.update_task(plan_db, row.id, task="   ")


def test_add_and_delete_task(plan_db) -> None:  # noqa: ANN001
    info = _plan(plan_db)
    new_id = plan_service.add_task(plan_db, info.id, 8, task="Hướng dẫn người dân nộp hồ sơ trực tuyến",
                                   lead="Bộ phận một cửa", deadline_text="Quý II/2026")
    rows = plan_service.list_tasks(plan_db, plan_service.TaskFilter(info.id, dimension=8), TODAY)
    assert rows[-1].id == new_id and rows[-1].number == "3"
    plan_service.delete_task(plan_db, new_id)
    assert new_id not in plan_service.task_ids(plan_db, plan_service.TaskFilter(info.id), TODAY)
    with pytest.raises(KnownError):
        plan_service.task_detail(plan_db, new_id, TODAY)


def test_progress_with_evidence_file_named_by_sha256(plan_db, tmp_path: Path) -> None:  # noqa: ANN001
    info = _plan(plan_db)
    row = plan_service.list_tasks(plan_db, plan_service.TaskFilter(info.id, dimension=2), TODAY)[0]
    scan = tmp_path / "Kế hoạch 22.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned plan")
    update_id = progress.add_update(
        plan_db, row.id, "2026-H1", "Đã ban hành kế hoạch phổ biến pháp luật", date(2026, 5, 30),
        [progress.EvidenceInput("Kế hoạch số 22/KH-UBND", date(2026, 2, 3), "Kế hoạch PBGDPL 2026", scan)],
    )
    updates = progress.updates_of(plan_db, row.id)
    assert [u.id for u in updates] == [update_id]
    ev = updates[0].evidence[0]
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert ev.file_path == paths.attachments_dir() / f"{sha}.pdf" and ev.file_path.read_bytes() == scan.read_bytes()
    assert ev.doc_ref == "Kế hoạch số 22/KH-UBND" and ev.file_name == "Kế hoạch 22.pdf"
    assert plan_service.task_detail(plan_db, row.id, TODAY).row.status == "in_progress"
    with pytest.raises(KnownError, match="2026-H1"):
        progress.add_update(plan_db, row.id, "2026-Q5", "x")
    with pytest.raises(KnownError, match="Không tìm thấy tệp"):
        progress.add_update(plan_db, row.id, "2026-Y", "x", evidence=[
            progress.EvidenceInput("Báo cáo số 1/BC-UBND", file=tmp_path / "missing.pdf")])
    assert len(progress.updates_of(plan_db, row.id)) == 1  # the failed one wrote nothing


def test_dimension_summary(plan_db) -> None:  # noqa: ANN001
    info = _plan(plan_db)
    rows = plan_service.list_tasks(plan_db, plan_service.TaskFilter(info.id, dimension=1), TODAY)
    plan_service.update_task(plan_db, rows[0].id, status="done")
    summary = {s.dimension: s for s in plan_service.dimension_summary(plan_db, info.id, TODAY)}
    assert [summary[d].total for d in range(1, 9)] == [2, 3, 5, 5, 6, 3, 2, 2]
    assert (summary[1].done, summary[1].percent_done) == (1, 50)
    assert summary[8].name == "Quản trị điện tử"


def _as_province_plan(db) -> str:  # noqa: ANN001
    """The imported plan re-owned by the province, as a plan sent down arrives (its rows carry no commune)."""
    plan_id = _plan(db).id
    with db.connection() as conn:
        for table in ("plan", "plan_section", "task", "milestone"):
            conn.exec_driver_sql(f"UPDATE {table} SET unit_code = ''")
        conn.commit()
    return plan_id


def test_a_province_task_keeps_its_content_and_takes_the_communes_own_state(plan_db) -> None:  # noqa: ANN001
    from papi_desktop.services import task_state
    from papi_desktop.storage.models import Task, TaskState, state_id

    plan_id = _as_province_plan(plan_db)
    row = plan_service.list_tasks(plan_db, plan_service.TaskFilter(plan_id=plan_id), TODAY)[0]
    detail = plan_service.task_detail(plan_db, row.id, TODAY)
    assert not detail.editable
    with pytest.raises(KnownError, match="kế hoạch của tỉnh"):
        plan_service.update_task(plan_db, row.id, lead="Công an xã")
    with pytest.raises(KnownError, match="kế hoạch của tỉnh"):
        plan_service.add_milestone(plan_db, row.id, "Báo cáo quý IV", date(2026, 12, 20))
    with pytest.raises(KnownError, match="của tỉnh"):
        plan_service.add_task(plan_db, plan_id, 1, task="Nhiệm vụ xã tự thêm")
    with pytest.raises(KnownError, match="kế hoạch của tỉnh"):
        plan_service.delete_task(plan_db, row.id)
    # The whole form saved unchanged but for the status and note: only the commune's state is written.
    plan_service.update_task(plan_db, row.id, number=row.number, task=row.task, output=row.output, lead=row.lead,
                             coordinators=row.coordinators, deadline_text=row.deadline_text, status="done",
                             note="Đã họp ở bản Nà Ngụa")
    milestone = detail.milestones[0]
    plan_service.set_milestone_done(plan_db, milestone.id, date(2026, 3, 20))
    with plan_db.reader() as s:
        task = s.get(Task, row.id)
        assert (task.row_version, task.unit_code) == (1, "")  # the province's row is untouched
        state = s.get(TaskState, state_id(row.id, plan_db.unit_code))
        assert (state.unit_code, state.status, state.note) == (plan_db.unit_code, "done", "Đã họp ở bản Nà Ngụa")
    after = plan_service.task_detail(plan_db, row.id, TODAY)
    assert (after.row.status, after.note, after.milestones[0].done_on) == ("done", "Đã họp ở bản Nà Ngụa",
                                                                           date(2026, 3, 20))
    assert task_state.commune_states(plan_db, row.id) == [
        task_state.CommuneState(plan_db.unit_code, "done", "Đã họp ở bản Nà Ngụa", 1)]
    summary = {d.dimension: d for d in plan_service.dimension_summary(plan_db, plan_id, TODAY)}
    assert summary[row.dimension].done == 1
    done_ids = plan_service.task_ids(plan_db, plan_service.TaskFilter(plan_id=plan_id, status="done"), TODAY)
    assert done_ids == [row.id]
    by_note = plan_service.task_ids(plan_db, plan_service.TaskFilter(plan_id=plan_id, search="na ngua"), TODAY)
    assert by_note == [row.id]  # the commune's note is searched, accents folded
