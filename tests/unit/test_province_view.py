"""The province's view, on a province database holding three communes' rows entered directly with their
unit codes: the communes board, completeness of the period reports, plan progress per dimension, the
registers' totals, disclosure compliance per commune, the one-commune scope and the bundles behind a
figure. Expected figures are counted by hand from what each test entered."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pg import _pg_head_template, create_database, drop_database, pg_server  # noqa: F401 - fixtures
from pg import open_database as open_either
from sqlalchemy import select

from papi_desktop import paths
from papi_desktop.services import (
    compliance,
    dialogues,
    petitions,
    plan,
    province_view,
    reception,
    setup,
    task_state,
)
from papi_desktop.storage.models import ChangeLog, LocalSetting, Milestone, PlanSection, Task
from papi_desktop.storage.registers import Reception
from papi_desktop.storage.sync_state import BundleIn, Enrolment, IncomingDocument
from papi_desktop.storage.transparency import Posting, PostingPlace

A, B, C = "03646", "03664", "03670"  # Tô Hiệu, Chiềng An, Chiềng Cơi
TODAY = date(2026, 11, 22)
H1 = (date(2025, 12, 1), date(2026, 5, 31))


def _as(db, unit: str):
    """Write as the commune would have: the change-log hook stamps the session's unit."""
    db.unit_code = unit
    return db


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The same rows on SQLite and on the hub's PostgreSQL: every figure must agree on both."""
    folder = tmp_path_factory.mktemp("province")
    paths.set_override(folder / "data")
    url = None
    if request.param == "postgresql":
        server = request.getfixturevalue("pg_server")
        url = create_database(server, template=request.getfixturevalue("_pg_head_template"))
    db = setup.open_database(user="so-noi-vu") if url is None else open_either(url, user="so-noi-vu")
    w = build_world(db, folder)
    yield w
    db.unit_code = ""
    db.dispose()
    if url is not None:
        drop_database(request.getfixturevalue("pg_server"), url)
    paths.set_override(None)


def build_world(db, folder: Path) -> World:
    """The three communes' rows in an open province database (also used by the GUI tests)."""
    import workbooks

    from papi_desktop.services import plan_import

    with db.session() as s:
        s.merge(LocalSetting(key="mode", value="province"))
        for unit, device in ((A, "pcA"), (A, "pcA2"), (B, "pcB"), (C, "pcC")):
            s.add(Enrolment(unit_code=unit, device=device, serial=f"{unit}{device}", cert_pem="",
                            issued_at="2026-01-05T00:00:00+00:00", not_after="2031-01-05T00:00:00+00:00"))
    plan_import.apply_import(db, plan_import.preview_import(db, workbooks.plan_workbook(folder / "plan.xlsx")))
    return _fill(db)


class World:
    def __init__(self, db) -> None:
        self.db = db
        self.ids: dict[str, str] = {}


def _fill(db) -> World:
    w = World(db)
    with db.reader() as s:
        tasks = s.execute(select(Task.id, PlanSection.dimension).join(PlanSection, Task.section_id == PlanSection.id)
                          .order_by(PlanSection.dimension, Task.position)).all()
        # A task with a milestone passed by TODAY (2026-03-31) and one whose milestones are all later.
        early = s.scalar(select(Milestone.task_id).where(Milestone.due == date(2026, 3, 31)).order_by(Milestone.id))
        early_ms = s.scalars(select(Milestone.id).where(Milestone.task_id == early, Milestone.due < TODAY)).all()
        passed = set(s.scalars(select(Milestone.task_id).where(Milestone.due < TODAY)))
    w.tasks, w.early, w.early_ms, w.passed = tasks, early, list(early_ms), passed
    w.done_task = next(t for t, _d in tasks if t != early and t in passed)  # done: never overdue
    with _as(db, A).session() as s:
        task_state.set_state(s, w.done_task, A, status="done")
        task_state.set_state(s, early, A, status="in_progress")
        for mid in early_ms:
            task_state.set_done(s, mid, A, date(2026, 3, 20))
    with _as(db, B).session() as s:
        task_state.set_state(s, early, B, status="in_progress")  # its milestones not done: overdue
    for unit, day, names in ((A, date(2026, 1, 10), ["Nguyễn Văn An", "Lò Thị Bình"]),
                             (A, date(2026, 5, 2), ["Quàng Văn Cường"]),
                             (A, date(2026, 7, 1), ["Cầm Thị Dung"]),  # after the H1 window
                             (B, date(2026, 2, 3), ["Tòng Văn Én"])):
        rid = reception.add_reception(_as(db, unit), reception.ReceptionInput(
            received_on=day, citizens=[reception.CitizenInput(n, "Bản Hụm", "014090001234") for n in names],
            summary="Đề nghị sửa đường", classes=["kien_nghi"]))
        w.ids.setdefault(f"reception-{unit}", []).append(rid)  # type: ignore[attr-defined]
    pa = petitions.add_petition(_as(db, A), petitions.PetitionInput(
        date(2026, 2, 1), "Tranh chấp đất", "kien_nghi", "post", sender="Hà Văn Giang", sender_id_number="014090004567"))
    with db.session() as s:
        s.get(petitions.Petition, pa).closed_on = date(2026, 3, 1)
    petitions.add_petition(_as(db, B), petitions.PetitionInput(date(2026, 4, 1), "Đường hỏng", "kien_nghi", "post",
                                                               sender="Lường Văn Hải"))
    did = dialogues.add_dialogue(_as(db, B), dialogues.DialogueInput(date(2026, 4, 20), "Đối thoại", "Hội trường",
                                                                     "Chủ tịch UBND xã"))
    iid = dialogues.add_issue(_as(db, B), did,
                              dialogues.IssueInput("Nước sinh hoạt", raised_by="Lò Văn Khánh"))
    dialogues.add_commitment(_as(db, B), iid, "Sửa đường ống", "Phó Chủ tịch", date(2026, 6, 30))
    with _as(db, A).session() as s:
        p = Posting(kind="socioeconomic_plan", subject_period="2026", title="Kế hoạch phát triển KT-XH 2026",
                    doc_date=date(2026, 1, 5), start_on=date(2026, 1, 10))
        s.add(p)
        s.flush()
        s.add(PostingPlace(posting_id=p.id, place="seat", label="Trụ sở UBND"))
    db.unit_code = ""
    # Reports as they entered the incoming register; A on time, B a day after the due day (08/6).
    with db.session() as s:
        for unit, kind, issued, received, name in (
                (A, "papi-6m", "2026-06-03", "2026-06-05T02:00:00+00:00", "bao_cao_papi_2026-H1_so_05.pdf"),
                (B, "papi-6m", "2026-06-06", "2026-06-08T03:00:00+00:00", "bao_cao_papi_2026-H1_so_07.pdf"),
                (C, "papi-year", "2025-12-04", "2025-12-05T03:00:00+00:00", "bao_cao_papi_2025-Y_so_30.pdf")):
            s.add(IncomingDocument(unit_code=unit, source_id=f"doc-{unit}", number_ref="05/BC-UBND", issued_on=issued,
                                   kind=kind, files_json=json.dumps([{"name": name, "sha256": "0" * 64}]),
                                   valid=True, bundle_id=f"b-{unit}", received_at=received))
    # Bundles: A's b1 then b2 (b2 builds on b1: b1's receipt arrived), a held one from A's second PC;
    # B's quarantined one with no receipt.
    with db.session() as s:
        for bid, unit, device, status, ranges, before, receipt, at in (
                ("b1", A, "pcA", "applied", {"pcA": [1, 3]}, {"pcA": 0}, b"r", "2026-02-01T01:00:00+00:00"),
                ("b-" + A, A, "pcA", "applied", {"pcA": [4, 6]}, {"pcA": 3}, b"r", "2026-06-05T02:00:00+00:00"),
                ("b3", A, "pcA2", "held", {"pcA2": [5, 5]}, {"pcA2": 4}, b"r", "2026-06-06T01:00:00+00:00"),
                ("b4", B, "pcB", "quarantined", {"pcB": [1, 2]}, {"pcB": 0}, None, "2026-06-08T03:00:00+00:00")):
            s.add(BundleIn(bundle_id=bid, digest="d" + bid, unit_code=unit, device=device, kind="changes",
                           status=status, reason_vi="Thiếu gói trước" if status != "applied" else "",
                           reason_en="An earlier bundle is missing" if status != "applied" else "",
                           manifest_json=json.dumps({"ranges": ranges, "prerequisites": before, "changes": 3}),
                           receipt=receipt, received_at=at))
        # A's two H1 visits as they arrived: the first in b1 (change 2 of pcA), the second in b-A (5).
        first, second = w.ids[f"reception-{A}"][:2]  # type: ignore[attr-defined]
        for rid, seq in ((first, 2), (second, 5)):
            s.add(ChangeLog(hlc=f"1767225600000-0000{seq}-pcA", unit_code=A, table_name="reception", record_id=rid,
                            op="update", row_version=2, actor="x", at_utc="2026-01-01T00:00:00+00:00",
                            after_json="{}", origin_node="pcA", origin_seq=seq, txn_id=f"t{seq}", received=True))
    return w


def test_the_board_gives_each_commune_its_last_bundle_receipts_and_waiting_bundles(world: World) -> None:
    board = {c.unit_code: c for c in province_view.communes_board(world.db)}
    assert list(board) == [A, B, C]
    a, b, c = board[A], board[B], board[C]
    assert (a.devices, a.bundles, a.applied, a.last_bundle, a.last_device, a.last_status) == \
        (2, 3, 2, "b3", "pcA2", "held")
    # b1's receipt reached A (b-A builds on it); b-A's and b3's are not confirmed yet.
    assert a.pending_receipts == 2
    assert (a.held, a.forks, a.quarantined) == (1, 0, 0)
    assert [(x.bundle_id, x.status, x.reason_vi) for x in a.waiting] == [("b3", "held", "Thiếu gói trước")]
    assert (b.quarantined, b.pending_receipts, b.last_status) == (1, 1, "quarantined")
    assert (c.bundles, c.last_bundle, c.pending_receipts, c.waiting) == (0, "", 0, [])


def test_completeness_counts_on_time_late_and_missing_against_the_due_day(world: World) -> None:
    found = province_view.completeness(world.db, "2026-H1", TODAY)
    assert found.period.due == date(2026, 6, 8)
    rows = {r.unit_code: r for r in found.rows}
    assert rows[A].status == "on_time" and rows[A].received_on == date(2026, 6, 5) and rows[A].bundle_id == "b-" + A
    assert rows[B].status == "late"  # received on the due day itself: "trước ngày 08/6"
    assert rows[C].status == "missing"  # its annual 2025 report answers another period
    assert found.totals == {"expected": 3, "received": 2, "on_time": 1, "late": 1, "missing": 1, "not_due": 0,
                            "invalid": 0}
    # Before the due day a commune that sent nothing is not missing yet.
    early = province_view.completeness(world.db, "2026-H1", date(2026, 6, 7))
    assert {r.unit_code: r.status for r in early.rows}[C] == "not_due"
    annual = province_view.completeness(world.db, "2025-Y", TODAY)
    assert {r.unit_code: r.status for r in annual.rows} == {A: "missing", B: "missing", C: "on_time"}


def test_the_period_of_a_report_without_it_in_its_name_comes_from_its_issue_date() -> None:
    assert province_view.report_period("papi-6m", date(2026, 6, 3), ["x.pdf"]) == "2026-H1"
    assert province_view.report_period("papi-year", date(2027, 1, 15), []) == "2026-Y"  # a late annual report
    assert province_view.report_period("papi-year", date(2026, 6, 3), []) == "2025-Y"
    assert province_view.report_period("petitions", date(2026, 6, 3), []) == ""


def test_plan_progress_per_dimension_and_commune_with_the_overdue_tasks(world: World) -> None:
    found = province_view.plan_progress(world.db, 2026, TODAY)
    n, late = len(world.tasks), len(world.passed)  # late: tasks with a milestone passed by TODAY
    # A: one done (a late one), the early one in progress with its passed milestones done.
    assert found.by_commune[A] == {"done": 1, "in_progress": 1, "not_started": n - late, "overdue": late - 2}
    # B: the early one in progress, its milestones not done; C: nothing recorded at all.
    assert found.by_commune[B] == {"done": 0, "in_progress": 0, "not_started": n - late, "overdue": late}
    assert found.by_commune[C] == found.by_commune[B]
    assert sum(sum(v.values()) for v in found.by_dimension.values()) == 3 * n
    early_dim = next(d for t, d in world.tasks if t == world.early)
    early_dim_late = sum(t in world.passed for t, d in world.tasks if d == early_dim)
    assert found.by_dimension[early_dim]["overdue"] == 3 * early_dim_late - 1 - (
        next(d for t, d in world.tasks if t == world.done_task) == early_dim)
    early = [(o.unit_code, o.due) for o in found.overdue if o.task_id == world.early]
    assert early == [(B, date(2026, 3, 31)), (C, date(2026, 3, 31))]
    assert {o.task_id for o in found.overdue if o.unit_code == A} == world.passed - {world.early, world.done_task}
    # Before the milestone passed nobody is overdue.
    assert province_view.plan_progress(world.db, 2026, date(2026, 3, 1)).overdue == []


def test_register_totals_match_what_each_commune_reports_of_itself(world: World) -> None:
    totals = province_view.register_totals(world.db, *H1)
    assert totals[A] == province_view.RegisterTotals(receptions=2, citizens=3, petitions=1, petitions_resolved=1)
    assert totals[B] == province_view.RegisterTotals(receptions=1, citizens=1, petitions=1, petitions_pending=1,
                                                     dialogues=1, dialogue_issues=1, commitments_open=1)
    assert totals[C] == province_view.RegisterTotals()
    for unit in (A, B, C):  # the commune's own statistics, run on its scope, say the same
        scope = province_view.UnitScope(world.db, unit)
        own = reception.statistics(scope, *H1)
        pet = petitions.statistics(scope, *H1, TODAY)
        assert (own.total.receptions, own.total.citizens) == (totals[unit].receptions, totals[unit].citizens)
        assert (pet["received"], pet["resolved"], pet["pending"]) == \
            (totals[unit].petitions, totals[unit].petitions_resolved, totals[unit].petitions_pending)


def test_disclosure_compliance_is_the_communes_own_assessment_per_unit(world: World) -> None:
    found = province_view.disclosure_compliance(world.db, 2026, TODAY)
    own = {u: compliance.check_year(province_view.UnitScope(world.db, u), 2026, TODAY) for u in (A, C)}
    status = {u: {r.kind: r.status for r in rows} for u, rows in own.items()}
    assert status[A]["socioeconomic_plan"] != "missing" and status[C]["socioeconomic_plan"] == "missing"
    assert found[A].by_status != found[C].by_status
    assert found[C].required == sum(r.status != "unknown" for r in own[C]) > 0
    assert found[C].ok == 0 and found[C].percent == 0


def test_the_unit_scope_reads_one_communes_rows_and_the_provinces_plan_only(world: World) -> None:
    scope = province_view.UnitScope(world.db, B)
    with scope.reader() as s:
        visits = s.scalars(select(Reception)).all()
        assert {v.unit_code for v in visits} == {B}
        assert [c.name for v in visits for c in v.citizens] == ["Tòng Văn Én"]  # relationship loads too
        assert len(s.scalars(select(Task.id)).all()) == len(world.tasks)  # the province's plan ("")
    rows = plan.list_tasks(scope, plan.TaskFilter(plan_id=province_view.province_plan(world.db, 2026)), TODAY)
    assert [r.id for r in rows if r.status != "not_started"] == [world.early]
    with pytest.raises(Exception, match="read-only|chỉ được xem"), scope.session():
        pass


def test_a_figure_traces_to_the_bundles_that_brought_its_rows(world: World) -> None:
    found = province_view.sources(world.db, A, "reception", *H1)
    # Each H1 visit in one bundle; the visits' own inserts here were made at the province (no bundle).
    assert [(x.bundle_id, x.changes) for x in found] == [("b1", 1), ("b-" + A, 1), ("", 2)]
    assert found[0].received_at == "2026-02-01T01:00:00+00:00"
    assert province_view.sources(world.db, B, "reception", *H1) == [province_view.Source("", "", "", 1)]
    assert [x.bundle_id for x in province_view.sources(world.db, A, "report", *H1)] == ["b-" + A]


def test_the_drill_down_masks_names_and_identity_numbers(world: World) -> None:
    assert province_view.mask_name("Nguyễn Văn An") == "N*** V*** A"
    assert province_view.mask_name("  ") == ""
    visits = province_view.reception_rows(world.db, province_view.reception_ids(world.db, A, *H1))
    assert [v.citizens for v in visits] == ["Q*** V*** C", "N*** V*** A, L*** T*** B"]
    pets = province_view.petition_rows(world.db, province_view.petition_ids(world.db, A, *H1))
    assert [(p.sender, p.sender_id) for p in pets] == [("H*** V*** G", "*********567")]
    detail = province_view.commune_detail(world.db, B, "2026-H1", TODAY)
    assert detail.unit_name == "Phường Chiềng An" and detail.totals.dialogues == 1
    assert [d.title for d in detail.dialogues] == ["Đối thoại"]
    assert detail.submission is not None and detail.submission.status == "late"
    text = json.dumps(province_view.overview(world.db, "2026-H1", TODAY).as_json(), ensure_ascii=False)
    for name in ("Nguyễn Văn An", "Tòng Văn Én", "Hà Văn Giang", "014090004567"):
        assert name not in text


def test_the_overview_is_for_the_province_only(data_dir: Path) -> None:
    db = setup.open_database(user="x")
    try:
        with pytest.raises(Exception, match="province mode|chế độ tỉnh"):
            province_view.overview(db, "2026-H1", TODAY)
    finally:
        db.dispose()


def test_the_consolidated_report_shows_the_same_figures(world: World) -> None:
    from papi_desktop.services import consolidated_report

    doc = consolidated_report.build(world.db, "2026-H1", date(2026, 6, 20), TODAY, "", "")
    tables = {t.sheet: t for t in doc.tables()}
    progress = province_view.plan_progress(world.db, 2026, date(2026, 5, 31))  # judged at the period's end
    by_dim = {row[0]: row[2:6] for row in tables["Theo chỉ số"].rows}
    assert by_dim == {d: [c["done"], c["in_progress"], c["not_started"], c["overdue"]]
                      for d, c in progress.by_dimension.items()}
    regs = {row[1]: row[2:10] for row in tables["Sổ sách theo xã"].rows}
    assert regs["Phường Chiềng An"] == [1, 1, 1, 0, 1, 1, 1, 1] and regs["Tổng cộng"][:2] == [3, 4]
    sent = {row[1]: row[2] for row in tables["Gửi báo cáo"].rows}
    assert sent == {"Phường Tô Hiệu": "Đúng hạn", "Phường Chiềng An": "Chậm", "Phường Chiềng Cơi": "Chưa gửi"}
    assert doc.number == "Số:      /BC-VP" and doc.issuer_lines == ["UBND TỈNH SƠN LA", "VĂN PHÒNG"]
    trace = " ".join(str(row[2]) for row in tables["Nguồn số liệu"].rows)
    assert "b1 (01/02/2026)" in trace and "02 thay đổi nhập tại tỉnh" in trace


def test_the_command_line_prints_the_overview_and_a_trace(world: World, capsys: pytest.CaptureFixture) -> None:
    import argparse

    from papi_desktop.cli import province_view as cli_province_view

    parser = argparse.ArgumentParser()
    cli_province_view.add_parsers(parser.add_subparsers(dest="province_command"))
    assert cli_province_view.run(world.db, parser.parse_args(["overview", "--period", "2026-H1", "--json"]), "vi") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["completeness"]["totals"]["late"] == 1 and out["register_total"]["receptions"] == 3
    assert cli_province_view.run(world.db, parser.parse_args(["trace", A, "reception", "--period", "2026-H1"]),
                                 "en") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["b1", "b-" + A, "made at the province"]
