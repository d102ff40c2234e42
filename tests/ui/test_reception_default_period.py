"""The reception page opens on a period that holds visits: today's when it has any, else the most recent
earlier one (on 01/12 today's six months are next year's, still empty), chosen in the database worker
with the first list read, shown once, and never over a period the user chose meanwhile."""

from __future__ import annotations

from datetime import date

import pytest
from watch import watch_threads

from papi_desktop.services import reception as rs
from papi_desktop.services import reception_words
from papi_desktop.ui.models.reception_model import ReceptionTableModel
from papi_desktop.ui.views.reception_page import ReceptionPage, default_candidates
from papi_desktop.ui.workers import DB_THREAD

TODAY = date(2026, 12, 1)  # the first day of 2027-H1 and of 2027-Y
THIS_H1 = (date(2026, 12, 1), date(2027, 5, 31))
LAST_YEAR = (date(2025, 12, 1), date(2026, 11, 30))  # 2026-Y: the period that just ended


def _visit(db, day: date, name: str) -> str:  # noqa: ANN001
    return rs.add_reception(db, rs.ReceptionInput(received_on=day, citizens=[rs.CitizenInput(name, "Bản Mòng")],
                                                  summary="Đề nghị hỗ trợ nhà ở", classes=["kien_nghi"]))


@pytest.fixture
def open_page(qtbot, db, runner, settle, monkeypatch):  # noqa: ANN001, ANN201
    """open_page(today, touch=None): the page built on that day, as the window builds it; touch(page) runs
    before the worker answers. Returns the page and the counts of every list it showed."""
    threads = watch_threads(monkeypatch, rs, "reception_ids")

    def build(today: date = TODAY, touch=None):  # noqa: ANN001, ANN202
        monkeypatch.setattr("papi_desktop.ui.views.reception_page.date",
                            type("D", (), {"today": staticmethod(lambda: today)}))
        page = ReceptionPage(db, runner)
        qtbot.addWidget(page)
        shown: list[int] = []
        page.sig_reloaded.connect(shown.append)
        if touch is not None:
            touch(page)
        page.show()
        settle(runner)
        assert threads and all(t.startswith(DB_THREAD) for t in threads)  # decided in the worker
        return page, shown

    return build


def _names(qtbot, page: ReceptionPage) -> list[str]:  # noqa: ANN001
    m = page.model
    qtbot.waitUntil(lambda: all(m.data(m.index(r, 0)) is not None for r in range(m.rowCount())), timeout=5000)
    return [m.data(m.index(r, ReceptionTableModel.COL_NAMES)) for r in range(m.rowCount())]


def test_an_empty_new_period_opens_on_the_one_that_just_ended(qtbot, db, open_page) -> None:  # noqa: ANN001
    ids = {_visit(db, date(2026, 9, 15), "Lò Văn Bình"), _visit(db, date(2026, 3, 2), "Cầm Thị Hoa")}
    _visit(db, date(2025, 6, 2), "Quàng Văn Ba")  # 2025-Y: older still
    page, shown = open_page()
    assert page.period.currentData() == LAST_YEAR
    assert shown == [2]  # one list, already the chosen period's: no empty one before it
    assert {page.model.row_id(r) for r in range(page.model.total())} == ids
    assert _names(qtbot, page) == ["Lò Văn Bình", "Cầm Thị Hoa"]  # newest first
    assert page.stats.text() == reception_words.statistics_text(rs.statistics(db, *LAST_YEAR), "vi")


def test_a_visit_in_today_s_period_keeps_it(qtbot, db, open_page) -> None:  # noqa: ANN001
    _visit(db, date(2026, 9, 15), "Lò Văn Bình")
    today_s = _visit(db, TODAY, "Hà Thị Hương")
    page, shown = open_page()
    assert page.period.currentData() == THIS_H1 and shown == [1]
    assert page.model.row_id(0) == today_s and _names(qtbot, page) == ["Hà Thị Hương"]


def test_no_visit_at_all_opens_on_today_s_period(db, open_page) -> None:  # noqa: ANN001
    _visit(db, date(2023, 3, 1), "Lò Văn Bình")  # before every period the chooser lists
    page, shown = open_page()
    assert page.period.currentData() == THIS_H1 and shown == [0]


def test_the_user_s_choice_is_never_replaced(qtbot, db, open_page) -> None:  # noqa: ANN001
    march = _visit(db, date(2026, 3, 2), "Cầm Thị Hoa")
    _visit(db, date(2026, 9, 15), "Lò Văn Bình")
    _visit(db, TODAY, "Hà Thị Hương")  # the default would be today's period, 2027-H1
    h1_2026 = 3

    def choose_2026_h1(page: ReceptionPage) -> None:
        assert page.period.itemData(h1_2026) == _data(h1_2026)
        page.period.setCurrentIndex(h1_2026)

    page, shown = open_page(touch=choose_2026_h1)  # chosen before the worker answered
    assert page.period.currentIndex() == h1_2026 and shown == [1] and page.model.row_id(0) == march

    page, shown = open_page(touch=lambda page: page.period.setCurrentIndex(0))  # all time
    assert page.period.currentIndex() == 0 and shown == [3]
    page, shown = open_page()
    assert page.period.currentData() == THIS_H1 and shown == [1]  # untouched: the default


def _data(index: int) -> tuple[date, date]:
    """The chooser's entries on TODAY: 2027-H1, 2027-Y, 2026-H1, 2026-Y, 2025-H1, 2025-Y after all time."""
    return [THIS_H1, (date(2026, 12, 1), date(2027, 11, 30)), (date(2025, 12, 1), date(2026, 5, 31)), LAST_YEAR,
            (date(2024, 12, 1), date(2025, 5, 31)), (date(2024, 12, 1), date(2025, 11, 30))][index - 1]


def test_the_candidates_are_today_s_then_the_ended_ones_most_recent_first() -> None:
    windows = [None, *(_data(i) for i in range(1, 7))]
    assert default_candidates(windows, TODAY, 1) == [1, 4, 3, 6, 5]
    assert default_candidates(windows, date(2026, 3, 20), 3) == [3, 6, 5]  # 2026-H1: 2025-Y, 2025-H1 before it
