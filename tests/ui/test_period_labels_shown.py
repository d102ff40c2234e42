"""Issue 11 §4, Vietnamese everywhere: the Công khai page shows a period as people read it ("Quý I năm
2026", "Q1 2026" in English), never its stored code ("2026-Q1"); the register still sorts by the code."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from ui_pages import open_postings_page

from papi_desktop.services import postings
from papi_desktop.ui.models.lazy import SortRole
from papi_desktop.ui.views.postings_page import PostingsPage, PostingTableModel

TODAY = date(2026, 11, 23)
CODE = re.compile(r"^\d{4}(-|$)")  # "2026", "2026-Q1", "2026-H1", "2026-9M"


def _page(qtbot, db, runner, settle) -> PostingsPage:  # noqa: ANN001
    return open_postings_page(qtbot, db, runner, settle, TODAY)


def _periods_on_the_dashboard(page: PostingsPage, runner, settle) -> list[str]:  # noqa: ANN001
    board = page.dashboard
    board.year.setCurrentIndex(board.year.findData(2026))
    board.reload()
    settle(runner)
    return [board.required.item(r, 1).text() for r in range(board.required.rowCount())]


def test_the_register_and_the_dashboard_show_period_labels(qtbot, db, runner, settle, qapp) -> None:  # noqa: ANN001
    postings.add_posting(db, postings.PostingInput(kind="quarterly_list", subject_period="2026-Q1",
                                                   doc_date=date(2026, 4, 2), start_on=date(2026, 4, 3),
                                                   places=[postings.PlaceInput("seat")]))
    page = _page(qtbot, db, runner, settle)
    tab = page.register
    tab.year.setCurrentIndex(tab.year.findData(2026))
    tab.reload()
    settle(runner)
    model = tab.model
    assert model.total() == 1
    index = model.index(0, PostingTableModel.COL_PERIOD)
    qtbot.waitUntil(lambda: model.data(index) is not None, timeout=5000)  # its page: from the worker
    assert model.data(index) == "Quý I năm 2026"
    assert model.data(index, SortRole) == "2026-Q1"  # sorted by the code: quarters in their order
    wanted = tab.table.fontMetrics().horizontalAdvance("6 tháng đầu năm 2026")
    assert tab.table.columnWidth(PostingTableModel.COL_PERIOD) > wanted  # the longest label is not cut

    shown = _periods_on_the_dashboard(page, runner, settle)
    assert {"Quý I năm 2026", "Quý IV năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026"} <= set(shown)
    assert not [text for text in shown if CODE.match(text)], shown

    qapp.setProperty("papi_lang", "en")  # the UI in English: the labels follow (the conftest puts it back)
    english = _page(qtbot, db, runner, settle)
    english.register.year.setCurrentIndex(english.register.year.findData(2026))
    english.register.reload()
    settle(runner)
    index = english.register.model.index(0, PostingTableModel.COL_PERIOD)
    qtbot.waitUntil(lambda: english.register.model.data(index) is not None, timeout=5000)
    assert english.register.model.data(index, Qt.ItemDataRole.DisplayRole) == "Q1 2026"
    shown = _periods_on_the_dashboard(english, runner, settle)
    assert {"Q1 2026", "First half of 2026", "First nine months of 2026", "Year 2026"} <= set(shown)
    assert not [text for text in shown if CODE.match(text)], shown
