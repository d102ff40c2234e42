"""Petitions with legal due dates (working days, remote-area extension), dialogues and commitments; CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import dialogues as ds
from papi_desktop.services import petitions as ps
from papi_desktop.services import reception as rs


def _petition(db, day: date, cls: str = "kien_nghi", **kw) -> str:  # noqa: ANN001
    return ps.add_petition(db, ps.PetitionInput(received_on=day, content="Đề nghị sửa đường bản", content_class=cls,
                                                sender="Lường Văn Sơn", **kw))


def test_register_numbers_per_year(db) -> None:  # noqa: ANN001
    a = _petition(db, date(2026, 3, 2))
    b = _petition(db, date(2026, 3, 3))
    items = {i.petition_id: i for i in ps.due_items(db, date(2026, 3, 4))}
    assert (items[a].register_no, items[b].register_no) == ("1/2026", "2/2026")


def test_processing_due_in_working_days_across_tet(db) -> None:  # noqa: ANN001
    pid = _petition(db, date(2026, 2, 10))
    item = ps.due_items(db, date(2026, 2, 11))[0]
    assert (item.step, item.due, item.overdue) == ("process_petition", date(2026, 3, 3), False)
    assert ps.due_items(db, date(2026, 3, 4))[0].overdue
    ps.add_step(db, pid, "transfer", date(2026, 2, 25), "Phiếu chuyển số 3/PC-UBND")
    assert ps.due_items(db, date(2026, 3, 4)) == []


def test_complaint_acceptance_then_resolution_with_remote_extension(db) -> None:  # noqa: ANN001
    pid = _petition(db, date(2026, 3, 2), cls="khieu_nai", remote_area=True)
    steps = {i.step: i.due for i in ps.due_items(db, date(2026, 3, 2), all_steps=True)}
    assert steps["accept_complaint"] == date(2026, 3, 16)
    ps.add_step(db, pid, "accept", date(2026, 3, 6), "Thông báo thụ lý số 5/TB-UBND")
    item = ps.due_items(db, date(2026, 3, 7))[0]
    assert (item.step, item.due) == ("resolve_complaint", date(2026, 4, 20))  # 45 days in a remote area
    ps.close(db, pid, date(2026, 4, 10), "Đã giải quyết")
    assert ps.due_items(db, date(2026, 4, 30)) == []


def test_denunciation_outside_authority_must_be_forwarded_in_5_working_days(db) -> None:  # noqa: ANN001
    _petition(db, date(2026, 3, 2), cls="to_cao", within_authority=False)
    steps = {i.step: i.due for i in ps.due_items(db, date(2026, 3, 2), all_steps=True)}
    assert steps["forward_denunciation"] == date(2026, 3, 9)
    assert steps["screen_denunciation"] == date(2026, 3, 11)
    assert ps.due_items(db, date(2026, 3, 2))[0].step == "forward_denunciation"


def test_reply_to_citizen_within_10_working_days_of_reception(db) -> None:  # noqa: ANN001
    rid = rs.add_reception(db, rs.ReceptionInput(
        received_on=date(2026, 4, 24), citizens=[rs.CitizenInput("Quàng Thị Lan")], summary="Xin hỗ trợ giống",
        classes=["kien_nghi"]))
    pid = _petition(db, date(2026, 4, 24), reception_id=rid)
    ps.add_step(db, pid, "propose", date(2026, 4, 28), "Phiếu đề xuất thụ lý 1/PĐX")
    item = ps.due_items(db, date(2026, 4, 28))[0]
    # 24/4 Friday; 27/4 (Giỗ Tổ, compensated), 30/4 and 1/5 off: 10 working days end 13/5
    assert (item.step, item.due) == ("reply_citizen", date(2026, 5, 13))


def test_disciplinary_45_days_only_from_july_2026(db) -> None:  # noqa: ANN001
    _petition(db, date(2026, 6, 1))
    _petition(db, date(2026, 7, 1))
    steps = [i.step for i in ps.due_items(db, date(2026, 7, 2), all_steps=True)]
    assert steps.count("discipline_unprocessed") == 1


def test_statistics(db) -> None:  # noqa: ANN001
    a = _petition(db, date(2026, 3, 2), cls="khieu_nai")
    b = _petition(db, date(2026, 3, 3), cls="to_cao")
    _petition(db, date(2026, 3, 4))
    ps.add_step(db, a, "guide", date(2026, 3, 5), "HD 1")
    ps.add_step(db, b, "transfer", date(2026, 3, 5), "PC 2")
    ps.close(db, a, date(2026, 3, 6), "Đã hướng dẫn")
    st = ps.statistics(db, date(2025, 12, 1), date(2026, 5, 31), date(2026, 6, 1))
    assert st["received"] == 3 and st["by_class"]["khieu_nai"] == 1 and st["by_class"]["to_cao"] == 1
    assert (st["processed"], st["guided_or_returned"], st["forwarded"]) == (2, 1, 1)
    assert (st["resolved"], st["pending"], st["overdue"]) == (1, 2, 1)  # the transferred one owes nothing


def test_bad_petition_input(db) -> None:  # noqa: ANN001
    with pytest.raises(KnownError, match="nội dung"):
        ps.add_petition(db, ps.PetitionInput(received_on=date(2026, 3, 2), content=" ", content_class="x"))
    pid = _petition(db, date(2026, 3, 2))
    with pytest.raises(KnownError, match="trước ngày nhận"):
        ps.add_step(db, pid, "guide", date(2026, 3, 1))


def test_dialogue_issues_commitments_and_minutes(db) -> None:  # noqa: ANN001
    did = ds.add_dialogue(db, ds.DialogueInput(
        held_on=date(2026, 9, 15), title="Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026",
        place="Hội trường UBND xã Chiềng Sơn", chair="Lò Văn Minh", secretary="Quàng Văn Dũng",
        attendance={"Đại biểu": 15, "Nhân dân": 120}, topics="Đất đai; giao thông nông thôn"))
    named = ds.add_issue(db, did, ds.IssueInput("Đường vào bản Hin xuống cấp", raised_by="Lò Văn Tiến",
                                                village="Bản Hin", field="Giao thông",
                                                answer="UBND xã đưa vào kế hoạch sửa chữa năm 2027"))
    ds.add_issue(db, did, ds.IssueInput("Chậm trả tiền hỗ trợ giống", village="Bản Mòng",
                                        field="Nông nghiệp"))  # anonymous
    cid = ds.add_commitment(db, named, "Khảo sát, lập dự toán sửa đường", "Công chức Địa chính - Xây dựng",
                            date(2026, 10, 31))
    assert [c.id for c in ds.open_commitments(db, date(2026, 11, 22)) if c.overdue] == [cid]
    ds.follow_up(db, cid, date(2026, 11, 25), "Đã lập dự toán", done=True)
    assert ds.open_commitments(db, date(2026, 11, 26)) == []
    minutes = ds.minutes_data(db, did)
    assert minutes["attendance"] == {"Đại biểu": 15, "Nhân dân": 120}
    assert [i["raised_by"] for i in minutes["issues"]] == ["Lò Văn Tiến", "(ẩn danh)"]
    assert minutes["issues"][0]["commitments"][0]["done_on"] == "2026-11-25"
    assert ds.years_without_annual_dialogue(db, range(2025, 2027)) == [2025]


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"))


def test_cli_reception_stats_and_petitions_due(tmp_path: Path) -> None:
    from papi_desktop import paths
    from papi_desktop.services import setup

    data = tmp_path / "data"
    paths.set_override(data)
    try:
        db = setup.open_database()
        setup.setup_commune(db, "03985")
        for people, rtype in ((6, "regular"), (2, "regular"), (1, "periodic")):
            cits = [rs.CitizenInput(f"Công dân {i}", is_representative=i == 0) for i in range(min(people, 2))]
            rs.add_reception(db, rs.ReceptionInput(received_on=date(2026, 3, 2), citizens=cits, summary="Đất đai",
                                                   classes=["kien_nghi"], reception_type=rtype,
                                                   people_count=people))
        _petition(db, date(2026, 3, 2), cls="to_cao")
        db.dispose()
    finally:
        paths.set_override(None)
    out = _cli(data, "reception", "stats", "--from", "2025-12-01", "--to", "2026-05-31", "--json")
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    assert (stats["receptions"], stats["citizens"], stats["delegations"], stats["delegation_citizens"]) == (3, 9, 1, 6)
    assert stats["regular"] == {"receptions": 2, "citizens": 8, "delegations": 1, "delegation_citizens": 6}
    assert stats["leaders"] == {"receptions": 1, "citizens": 1, "delegations": 0, "delegation_citizens": 0}
    due = json.loads(_cli(data, "petitions", "due", "--json").stdout)
    assert len(due) == 1 and due[0]["next_due"] == "2026-03-11" and due[0]["overdue"] is True
    bad = _cli(data, "reception", "stats", "--from", "2026-05-31")
    assert bad.returncode == 2 and "--to" in bad.stderr


def test_a_visit_can_enter_the_petition_register_to_follow_the_reply(db) -> None:  # noqa: ANN001
    rid = rs.add_reception(db, rs.ReceptionInput(
        received_on=date(2026, 3, 2), citizens=[rs.CitizenInput("Cầm Thị Hoa", "Bản Mòng")],
        summary="Tranh chấp đất và đề nghị cấp sổ", classes=["khieu_nai", "kien_nghi"]), track_reply=True)
    steps = {i.step: i for i in ps.due_items(db, date(2026, 3, 3), all_steps=True)}
    assert steps["reply_citizen"].due == date(2026, 3, 16) and steps["reply_citizen"].sender == "Cầm Thị Hoa"
    assert steps["process_petition"].content_class == "nhieu_noi_dung"
    row = ps.petition_rows(db, ps.petition_ids(db), date(2026, 3, 3))[0]
    assert (row.source, row.content) == ("reception", "Tranh chấp đất và đề nghị cấp sổ")
    assert rid  # the visit itself is in the book
