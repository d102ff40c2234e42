"""The province view's reads rewritten for the 75-commune dashboard give the figures the earlier
computation gave: disclosure compliance read for every commune at once against the commune's own
check_year run on each commune's scope (as it was), and the one-commune forms of the board, the
completeness and the registers against the whole ones. On the three communes of test_province_view.py
plus rows of the province's own (a village and a posting every commune's scope shows) and a second
village, posting and profile for one commune; on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from pg import _pg_head_template, pg_server  # noqa: F401 - fixtures

from papi_desktop.services import compliance, province_view
from papi_desktop.storage.models import CommuneProfile
from papi_desktop.storage.transparency import Posting, PostingChannel, PostingPlace, Village

_SPEC = importlib.util.spec_from_file_location("province_world", Path(__file__).parent / "test_province_view.py")
world_module = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
_SPEC.loader.exec_module(world_module)  # type: ignore[union-attr]
A, B, C = world_module.A, world_module.B, world_module.C
TODAY = world_module.TODAY


world = world_module.world  # the three communes' rows, on SQLite and on PostgreSQL (module-scoped here too)


@pytest.fixture(scope="module")
def db(world):
    _more(world.db)
    return world.db


def _more(db) -> None:
    """The province's own village and posting; B's own village, a posting hung there, and its profile."""
    db.unit_code = ""
    with db.session() as s:
        s.add(Village(name="Tổ dân phố 1", position=1))
        p = Posting(kind="budget_estimate_approved", subject_period="2026", title="Dự toán ngân sách 2026",
                    doc_date=date(2026, 1, 5), start_on=date(2026, 1, 8))
        s.add(p)
        s.flush()
        s.add(PostingPlace(posting_id=p.id, place="seat", label="Trụ sở"))
    db.unit_code = B
    with db.session() as s:
        village = Village(name="Bản Hụm", position=0)
        s.add(village)
        s.add(CommuneProfile(unit_code=B, unit_name="Phường Chiềng An", unit_type="phuong", has_loudspeaker=False,
                             has_portal=True))
        p = Posting(kind="socioeconomic_plan", subject_period="2026", title="Kế hoạch KT-XH 2026",
                    doc_date=date(2026, 1, 3), start_on=date(2026, 1, 20), end_on=date(2026, 2, 1))
        s.add(p)
        s.flush()
        s.add_all([PostingPlace(posting_id=p.id, place="village", village_id=village.id, label="Nhà văn hóa"),
                   PostingChannel(posting_id=p.id, channel="portal", start_on=date(2026, 1, 20))])
    db.unit_code = ""


def _as_before(db, year: int, today: date) -> dict[str, province_view.Disclosures]:
    """The earlier disclosure_compliance: compliance.check_year on each commune's UnitScope."""
    out = {}
    for unit in (u.unit_code for u in province_view.communes_board(db)):
        found = [r for r in compliance.check_year(province_view.UnitScope(db, unit), year, today)
                 if r.status != "unknown"]
        by_status: dict[str, int] = {}
        for r in found:
            by_status[r.status] = by_status.get(r.status, 0) + 1
        out[unit] = province_view.Disclosures(len(found), sum(r.status in ("ok", "in_progress") for r in found),
                                              by_status)
    return out


@pytest.mark.parametrize(("year", "today"), [(2026, TODAY), (2026, date(2026, 1, 25)), (2025, date(2025, 11, 30))])
def test_disclosures_read_at_once_are_each_communes_own_assessment(db, year: int, today: date) -> None:
    found = province_view.disclosure_compliance(db, year, today)
    assert found == _as_before(db, year, today)
    assert list(found) == [A, B, C]
    if year == 2026 and today == TODAY:  # the rows added here count: B's plan, the province's own estimate
        assert found[B].by_status != found[C].by_status
        assert found[A].required == found[C].required


def test_one_communes_board_reports_and_registers_are_its_row_of_the_whole(db) -> None:
    start, end = world_module.H1
    board = {c.unit_code: c for c in province_view.communes_board(db)}
    whole = province_view.completeness(db, "2026-H1", TODAY)
    totals = province_view.register_totals(db, start, end)
    for unit in (A, B, C):
        assert province_view.communes_board(db, unit) == [board[unit]]
        one = province_view.completeness(db, "2026-H1", TODAY, unit)
        assert one.rows == [r for r in whole.rows if r.unit_code == unit]
        assert province_view.register_totals(db, start, end, unit) == {unit: totals[unit]}


def test_the_commune_view_without_registers_is_the_detail_less_its_totals(db) -> None:
    full = province_view.commune_detail(db, B, "2026-H1", TODAY)
    light = province_view.commune_detail(db, B, "2026-H1", TODAY, registers=False)
    assert full.totals.dialogues == 1 and light.totals == province_view.RegisterTotals()
    assert (light.status, light.submission, light.tasks, light.dialogues, light.disclosures) == \
        (full.status, full.submission, full.tasks, full.dialogues, full.disclosures)
    assert full.submission is not None and full.submission.status == "late"


def test_the_overview_is_its_parts(db) -> None:
    """The page reads the overview in parts (ui/views/province_overview._read): together they are overview()."""
    from papi_desktop.ui.views import province_overview

    whole = province_view.overview(db, "2026-H1", TODAY)
    parts = {part: province_overview._read(db, part, "2026-H1", TODAY) for part in province_overview.PARTS}
    assert {found.code for found, _value in parts.values()} == {"2026-H1"}
    codes, communes, completeness = parts["reports"][1]
    assert "2026-H1" in codes
    assert (communes, completeness) == (whole.communes, whole.completeness)
    assert parts["progress"][1].as_json() == whole.progress.as_json()
    assert (parts["disclosures"][1], parts["registers"][1]) == (whole.disclosures, whole.registers)
