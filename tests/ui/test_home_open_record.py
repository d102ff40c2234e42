"""A double-click on the home page's due list opens the page the item lives on with that very record
selected, as a click there would: a petition, a dialogue commitment (its conference, then the
commitment among its issues); the weekly reception reminder opens the reception book. The record is
found in the database worker, wherever the lazy list has it, under filters that show it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from papi_desktop.services import dialogues as ds
from papi_desktop.services import petitions as ps
from papi_desktop.services import reception as rs
from papi_desktop.storage.changelog import bulk_insert
from papi_desktop.storage.registers import Petition, Reception
from papi_desktop.ui.main_window import NAVIGATION, MainWindow
from papi_desktop.ui.models.lazy import PAGE
from papi_desktop.ui.models.reception_model import ReceptionTableModel
from papi_desktop.ui.views.dialogues_page import CommitmentRole, DialoguesPage
from papi_desktop.ui.views.home_page import KindRole, RefRole
from papi_desktop.ui.views.petitions_page import PetitionsPage, PetitionTableModel
from papi_desktop.ui.views.reception_page import ReceptionPage

TODAY = date(2026, 11, 23)
NEWER = PAGE + 10  # open petitions newer than the overdue ones: those sit past the list's first page


@pytest.fixture
def registers(db):  # noqa: ANN001, ANN201
    """Five overdue open petitions (due on five different days), a closed one, NEWER recent open ones, and
    two conferences, the older with two overdue commitments."""
    overdue = [ps.add_petition(db, ps.PetitionInput(received_on=date(2026, 9, 1) + timedelta(days=7 * i),
                                                    content=f"Đề nghị số {i}", content_class="kien_nghi",
                                                    sender=sender))
               for i, sender in enumerate(("Lò Văn Tiến", "Cầm Thị Hoa", "Quàng Văn Ba", "Hà Thị Hương",
                                           "Lường Văn Sơn"))]
    closed = ps.add_petition(db, ps.PetitionInput(received_on=date(2026, 8, 3), content="Đã xong",
                                                  content_class="kien_nghi", sender="Hà Văn Tùng"))
    ps.close(db, closed, date(2026, 8, 20), "Đã trả lời")
    with db.session() as s:
        bulk_insert(s, Petition, [{"register_no": f"{100 + i}/2026", "received_on": date(2026, 11, 20),
                                   "sender": f"Người gửi {i}", "content": f"Việc {i}", "content_class": "kien_nghi",
                                   "search_text": f"nguoi gui {i} viec {i}"} for i in range(NEWER)])
    older = ds.add_dialogue(db, ds.DialogueInput(held_on=date(2026, 3, 10), title="Đối thoại về đất đai",
                                                 place="Hội trường UBND xã", chair="Lò Văn Minh", kind="other"))
    ds.add_dialogue(db, ds.DialogueInput(held_on=date(2026, 9, 15), title="Đối thoại năm 2026",
                                         place="Hội trường UBND xã", chair="Lò Văn Minh"))
    issue = ds.add_issue(db, older, ds.IssueInput("Đường vào bản Mòng xuống cấp", village="Bản Mòng"))
    ds.add_commitment(db, issue, "Khảo sát hiện trạng", "Công chức Địa chính", date(2026, 10, 30))
    commitment = ds.add_commitment(db, issue, "Sửa đường trước mùa mưa", "Công chức Xây dựng", date(2026, 11, 10))
    return {"overdue": overdue, "older": older, "commitment": commitment}


@pytest.fixture
def window(qtbot, db, registers):  # noqa: ANN001, ANN201
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready, timeout=20000)
    home = win.page_by_key["home"]
    home.today = lambda: TODAY
    with qtbot.waitSignal(home.sig_loaded, timeout=20000):
        home.reload()
    return win


def _idle(qtbot, win: MainWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: win.runner.pending == 0, timeout=20000)


def _double_click(win: MainWindow, row: int) -> tuple[str, str]:
    """The home list's row as the user double-clicks it; its (kind, record id)."""
    home = win.page_by_key["home"]
    index = home.model.index(row, 0)
    home.view.doubleClicked.emit(index)
    return index.data(KindRole), index.data(RefRole)


def _row(win: MainWindow, ref_id: str) -> int:
    """The home list's row of a record."""
    home = win.page_by_key["home"]
    return next(r for r in range(home.model.rowCount()) if home.model.index(r, 0).data(RefRole) == ref_id)


def _selected(win: MainWindow) -> str | None:
    """The petition selected on its page, once the window built the page (not building it here)."""
    page = win.page_by_key["petitions"]
    return page.selected_id() if isinstance(page, PetitionsPage) else None


def test_the_third_due_petition_is_the_one_selected(qtbot, window, registers) -> None:  # noqa: ANN001
    home = window.page_by_key["home"]
    title = home.model.index(2, 1).data()
    kind, petition_id = _double_click(window, 2)
    assert (kind, petition_id) == ("petition", registers["overdue"][2])  # the third soonest due
    qtbot.waitUntil(lambda: _selected(window) == petition_id, timeout=20000)
    page = window.page_by_key["petitions"]
    assert isinstance(page, PetitionsPage) and window.pages.currentWidget() is page
    row = page.table.currentIndex().row()
    assert row >= PAGE  # past the rows the list first exposes: found by its position, then scrolled to
    assert [i.row() for i in page.table.selectionModel().selectedRows()] == [row]
    m = page.model
    qtbot.waitUntil(lambda: m.data(m.index(row, PetitionTableModel.COL_NO)) is not None, timeout=10000)
    assert title == f"Đơn {m.data(m.index(row, PetitionTableModel.COL_NO))} — Quàng Văn Ba"
    assert page.table.visualRect(m.index(row, 0)).intersects(page.table.viewport().rect())  # in sight

    # The register filtered so that it hides the petition, then back home: the filters follow the record.
    with qtbot.waitSignal(page.sig_reloaded, timeout=10000):
        page.state.setCurrentIndex(page.state.findData("closed"))
    with qtbot.waitSignal(page.sig_reloaded, timeout=10000):
        page.search.setText("Hà Văn Tùng")
    assert page.model.total() == 1
    with qtbot.waitSignal(home.sig_loaded, timeout=20000):
        window.nav.setCurrentRow(0)  # the home page reads its list again when shown
    kind, first = _double_click(window, 0)
    assert (kind, first) == ("petition", registers["overdue"][0])
    qtbot.waitUntil(lambda: page.selected_id() == first, timeout=20000)
    assert page.state.currentData() == "open" and page.search.text() == ""
    _idle(qtbot, window)
    assert page.selected_id() == first  # no reload of the old filters came after it


def test_a_due_commitment_opens_its_conference_and_selects_it(qtbot, window, registers) -> None:  # noqa: ANN001
    kind, commitment_id = _double_click(window, _row(window, registers["commitment"]))
    assert (kind, commitment_id) == ("commitment", registers["commitment"])  # the second of its issue's two
    pages = window.page_by_key  # the window builds the page when it opens it

    def current_commitment() -> str | None:
        dialogues = pages["dialogues"]
        if not isinstance(dialogues, DialoguesPage):
            return None
        index = dialogues.issue_view.currentIndex()
        return index.siblingAtColumn(0).data(CommitmentRole) if index.isValid() else None

    qtbot.waitUntil(lambda: current_commitment() == commitment_id, timeout=20000)
    dialogues = pages["dialogues"]
    assert window.pages.currentWidget() is dialogues
    assert dialogues.selected_dialogue() == registers["older"] and dialogues.table.currentIndex().row() == 1


def test_the_weekly_reception_reminder_opens_the_book(qtbot, window) -> None:  # noqa: ANN001
    home = window.page_by_key["home"]
    row = next(r for r in range(home.model.rowCount()) if home.model.index(r, 0).data(KindRole) == "reception")
    assert _double_click(window, row) == ("reception", "")  # names no visit
    qtbot.waitUntil(lambda: isinstance(window.page_by_key["reception"], ReceptionPage), timeout=20000)
    assert window.pages.currentIndex() == [k for k, _ in NAVIGATION].index("reception")


def test_a_visit_is_selected_under_the_period_type_and_search_that_show_it(qtbot, db, runner, settle,
                                                                             monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("papi_desktop.ui.views.reception_page.date",
                        type("D", (), {"today": staticmethod(lambda: TODAY)}))
    with db.session() as s:  # today's period (2026-Y) and the year before it, each longer than a page
        bulk_insert(s, Reception, [{"received_on": day, "summary": f"Việc {i}", "classes": "kien_nghi",
                                    "search_text": f"viec {i}"}
                                   for day in (date(2026, 11, 2), date(2025, 11, 3)) for i in range(NEWER)])
    visit = rs.add_reception(db, rs.ReceptionInput(received_on=date(2025, 10, 6), citizens=[rs.CitizenInput(
        "Quàng Thị Mai", "Bản Hin")], summary="Hỏi chế độ", classes=["kien_nghi"]))
    page = ReceptionPage(db, runner)
    qtbot.addWidget(page)
    page.show()
    settle(runner)
    assert page.period.currentData() == (date(2025, 12, 1), date(2026, 11, 30))
    page.kind.setCurrentIndex(page.kind.findData("periodic"))
    page.search.setText("viec 1")
    with qtbot.waitSignal(page.sig_reloaded, timeout=5000):
        page.select_record(visit)
    assert page.selected_id() == visit
    assert page.period.currentData() == (date(2024, 12, 1), date(2025, 11, 30))  # 2025-Y holds its day
    assert page.kind.currentData() is None and page.search.text() == ""
    row = page.table.currentIndex().row()
    assert row == NEWER  # after the newer visits of its period: past the first page
    m = page.model
    qtbot.waitUntil(lambda: m.data(m.index(row, ReceptionTableModel.COL_NAMES)) is not None, timeout=10000)
    assert m.data(m.index(row, ReceptionTableModel.COL_NAMES)) == "Quàng Thị Mai"
    settle(runner)
    assert page.selected_id() == visit and page.search.text() == ""  # the search's timer did not fire after
