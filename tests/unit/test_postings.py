"""The disclosure register and the year's required disclosures, computed from what was recorded."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from cli_runner import run_cli

from papi_desktop.domain.errors import KnownError
from papi_desktop.services import compliance, postings
from papi_desktop.services import setup as setup_service

TODAY = date(2026, 11, 23)


def _everywhere(villages: list[str]) -> list[postings.PlaceInput]:
    return [postings.PlaceInput("seat"), *(postings.PlaceInput("village", v) for v in villages)]


def _record_year(db) -> dict[str, str]:  # noqa: ANN001
    villages = [postings.add_village(db, name) for name in ("Bản Hin", "Bản Mòng", "Bản Co Muông")]
    ids = {}
    ids["estimate"] = postings.add_posting(db, postings.PostingInput(
        kind="budget_estimate_approved", subject_period="2026", doc_number="15/QĐ-UBND", doc_date=date(2026, 1, 5),
        start_on=date(2026, 1, 9), end_on=date(2026, 2, 28), places=_everywhere(villages),
        channels=[postings.ChannelInput("loudspeaker", date(2026, 1, 9), date(2026, 1, 12)),
                  postings.ChannelInput("written_notice", date(2026, 1, 9))]))
    ids["q1"] = postings.add_posting(db, postings.PostingInput(
        kind="budget_execution_q1", subject_period="2026-Q1", start_on=date(2026, 4, 20), end_on=date(2026, 5, 25),
        places=_everywhere(villages), channels=[postings.ChannelInput("loudspeaker", date(2026, 4, 20))]))
    ids["procedures"] = postings.add_posting(db, postings.PostingInput(
        kind="admin_procedures", subject_period="2025", start_on=date(2025, 3, 1),
        places=[postings.PlaceInput("seat")]))
    ids["fees"] = postings.add_posting(db, postings.PostingInput(
        kind="fees", subject_period="2026", doc_number="30/QĐ-UBND", doc_date=date(2026, 6, 1),
        start_on=date(2026, 6, 3), end_on=date(2026, 7, 10), places=_everywhere(villages[:2]),
        channels=[postings.ChannelInput("loudspeaker", date(2026, 6, 3), date(2026, 6, 5))]))
    return ids


def test_year_check_statuses_and_reasons(db) -> None:  # noqa: ANN001
    ids = _record_year(db)
    found = {(r.kind, r.subject_period): r for r in compliance.check_year(db, 2026, TODAY)}
    estimate = found[("budget_estimate_approved", "2026")]
    assert (estimate.status, estimate.posting_id, estimate.deadline) == ("ok", ids["estimate"], date(2026, 2, 4))
    assert estimate.papi == ["2.3"] and set(estimate.villages.values()) == {"ok"}
    q1 = found[("budget_execution_q1", "2026-Q1")]
    assert q1.status == "late" and "chậm 5 ngày" in q1.reason() and "15/04/2026" in q1.reason()
    assert found[("budget_execution_h1", "2026-H1")].status == "missing"  # nothing recorded, 15/07 has passed
    assert found[("budget_execution_9m", "2026-9M")].status == "missing"
    assert found[("quarterly_list", "2026-Q4")].status == "due"
    assert [found[("quarterly_list", f"2026-Q{q}")].status for q in (1, 2, 3)] == ["missing"] * 3
    assert found[("admin_procedures", "2026")].status == "ok"  # posted since 2025, still up
    assert found[("democracy_rules", "2026")].status == "missing"
    assert found[("poverty_preliminary", "2026")].status == "due"  # usually by 15/12
    fees = found[("fees", "2026")]
    assert fees.status == "missing_places" and "Bản Co Muông" in fees.reason()
    assert fees.villages == {"Bản Hin": "ok", "Bản Mòng": "ok", "Bản Co Muông": "missing"}
    by_item = {s.item: s.counts for s in compliance.summary_by_item(list(found.values()))}
    assert by_item[2]["ok"] == 1 and by_item[2]["late"] == 1
    assert compliance.summary_by_village(list(found.values()))["Bản Co Muông"]["missing"] >= 1


def test_without_a_loudspeaker_system_it_is_not_required(db) -> None:  # noqa: ANN001
    village = postings.add_village(db, "Bản Hin")
    pid = postings.add_posting(db, postings.PostingInput(
        kind="fees", doc_date=date(2026, 6, 1), start_on=date(2026, 6, 3), end_on=date(2026, 7, 10),
        places=_everywhere([village])))
    assert compliance.assess_posting(db, pid, TODAY).status == "missing_forms"
    postings.set_means(db, has_loudspeaker=False, has_portal=False)
    assert setup_service.get_profile(db).has_loudspeaker is False
    assert compliance.assess_posting(db, pid, TODAY).status == "ok"


def test_validation_messages(db) -> None:  # noqa: ANN001
    with pytest.raises(KnownError, match="Kỳ “2026-Q5” không hợp lệ"):
        postings.add_posting(db, postings.PostingInput(kind="fees", subject_period="2026-Q5"))
    with pytest.raises(KnownError, match="trước ngày bắt đầu"):
        postings.add_posting(db, postings.PostingInput(kind="fees", start_on=date(2026, 6, 3), end_on=date(2026, 6, 1),
                                                       places=[postings.PlaceInput("seat")]))
    with pytest.raises(KnownError, match="ít nhất một nơi niêm yết"):
        postings.add_posting(db, postings.PostingInput(kind="fees", start_on=date(2026, 6, 3)))
    with pytest.raises(KnownError, match="Không có loại công khai"):
        postings.add_posting(db, postings.PostingInput(kind="lottery"))
    with pytest.raises(KnownError, match="Đã có"):
        postings.add_village(db, "Bản Hin") and postings.add_village(db, "bản hin")


def test_edit_feedback_and_evidence(db, tmp_path: Path) -> None:  # noqa: ANN001
    village = postings.add_village(db, "Bản Hin")
    pid = postings.add_posting(db, postings.PostingInput(kind="contributions", doc_date=date(2026, 3, 2),
                                                         start_on=date(2026, 3, 5), places=[postings.PlaceInput("seat")]))
    detail = postings.get_posting(db, pid)
    detail.inp.places.append(postings.PlaceInput("village", village, start_on=date(2026, 3, 6)))
    detail.inp.end_on = date(2026, 4, 10)
    postings.update_posting(db, pid, detail.inp)
    photo = tmp_path / "anh_niem_yet.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 photo")
    postings.add_attachment(db, pid, photo, "photo", "Bảng tin nhà văn hóa bản Hin")
    fid = postings.add_feedback(db, pid, date(2026, 3, 10), "Đề nghị công khai chi tiết từng khoản", "Lò Văn Minh")
    postings.answer_feedback(db, fid, "Đã bổ sung bảng chi tiết", date(2026, 3, 12))
    again = postings.get_posting(db, pid)
    assert [p.place for p in again.inp.places] == ["seat", "village"] and again.inp.places[1].label == "Bản Hin"
    assert again.attachments[0].path is not None and again.attachments[0].path.read_bytes().endswith(b"photo")
    assert again.feedback[0].answer == "Đã bổ sung bảng chi tiết"
    assert compliance.assess_posting(db, pid, TODAY).status == "ok"


def test_cli_postings_check(tmp_path: Path) -> None:
    data = tmp_path / "data"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(data, *args)

    assert cli("setup", "--unit-code", "03985").returncode == 0
    out = cli("postings", "check", "--year", "2026", "--json")
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    statuses = {i["status"] for i in items}
    assert statuses <= {"ok", "in_progress", "too_short", "late", "missing_places", "missing_forms", "missing", "due",
                        "unknown"}
    q1 = next(i for i in items if i["kind"] == "budget_execution_q1")
    assert q1["status"] == "missing" and q1["deadline"] == "2026-04-15" and "Chưa công khai" in q1["reason"]
    english = json.loads(cli("--lang", "en", "postings", "check", "--year", "2026", "--json").stdout)
    assert "Not disclosed" in next(i for i in english if i["kind"] == "budget_execution_q1")["reason"]
    bad = cli("postings", "check", "--year", "1999", "--json")
    assert bad.returncode == 2 and "Lỗi" in bad.stderr


def test_cli_imports_and_notice(tmp_path: Path) -> None:
    import workbooks

    data = tmp_path / "data"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(data, *args)

    assert cli("setup", "--unit-code", "03985").returncode == 0
    book = workbooks.budget_workbook(tmp_path / "b110.xlsx")
    dry = json.loads(cli("postings", "import-budget", str(book), "--dry-run", "--json").stdout)
    assert (dry["form"], dry["stage"], dry["lines"], dry["written"], dry["errors"]) == (
        "110", "estimate_approved", 10, False, [])
    assert json.loads(cli("postings", "import-budget", str(book), "--json").stdout)["written"] is True
    lines = list(workbooks.BUDGET_LINES)
    lines[1] = ("I", "Chi đầu tư phát triển", 900_000_000)
    wrong = cli("postings", "import-budget", str(workbooks.budget_workbook(tmp_path / "sai.xlsx", lines)), "--json")
    assert wrong.returncode == 2 and json.loads(wrong.stdout)["errors"][0]["row"] == 7
    people = workbooks.poverty_workbook(tmp_path / "dsn.xlsx")
    dry = json.loads(cli("postings", "import-poverty", str(people), "--dry-run", "--json").stdout)
    assert dry["households"] == 4 and dry["by_class"] == {"ngheo": 2, "can_ngheo": 1, "thoat_ngheo": 1}
    done = cli("--lang", "en", "postings", "import-poverty", str(people))
    assert done.returncode == 0 and "households: 4" in done.stdout
    missing = cli("postings", "notice", "no-such-id", "--out", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2 and "không còn tồn tại" in missing.stderr


def test_communication_quota_month_by_month(db) -> None:  # noqa: ANN001
    from papi_desktop.services import communication

    news = communication.NewsInput
    for item in (news(date(2026, 1, 20), "provincial_portal", "Xã Chiềng Sơn đẩy mạnh cải cách hành chính",
                      topic="admin_reform", link="https://sonla.gov.vn/tin/123"),
                 news(date(2026, 2, 3), "zalo", "Lịch tiếp công dân tháng 2", topic="admin_reform"),
                 news(date(2026, 3, 9), "provincial_portal", "Kết quả chỉ số PAPI 2025", topic="papi")):
        communication.add_item(db, item)
    months = {m.month: m for m in communication.quota_by_month(db, 2026, TODAY)}
    assert [months[m].status for m in (1, 2, 3, 4)] == ["done", "missing", "done", "missing"]
    assert months[2].done == 0  # Zalo does not count towards the portal quota
    assert (months[11].status, months[12].status) == ("pending", "pending")
    with pytest.raises(KnownError, match="Kênh"):
        communication.add_item(db, news(date(2026, 3, 9), "tivi", "x"))
