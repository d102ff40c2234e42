"""The reception page offscreen: entry with validation, search, statistics, import in the worker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import workbooks
from qt_keys import type_text

from papi_desktop.services import reception as rs
from papi_desktop.storage.changelog import bulk_insert
from papi_desktop.storage.registers import Reception
from papi_desktop.ui.models.lazy import PAGE
from papi_desktop.ui.models.reception_model import ReceptionTableModel
from papi_desktop.ui.views.reception_page import ReceptionPage

TODAY = date(2026, 3, 20)




@pytest.fixture
def page(qtbot, db, monkeypatch, runner, settle):  # noqa: ANN001, ANN201
    monkeypatch.setattr("papi_desktop.ui.views.reception_page.date", type("D", (), {"today": staticmethod(
        lambda: TODAY)}))
    widget = ReceptionPage(db, runner)
    qtbot.addWidget(widget)
    widget.show()
    settle(runner)
    return widget


def _loaded(qtbot, model, row: int = 0) -> None:  # noqa: ANN001
    """Wait until a row's page came from the worker."""
    qtbot.waitUntil(lambda: model.data(model.index(row, 0)) is not None, timeout=5000)


def test_entry_dialog_validates_then_saves(qtbot, page, db, shown) -> None:  # noqa: ANN001
    dialog = page.open_entry()
    dialog.accept()  # empty: every problem at once, nothing written
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)  # the service's refusal, from the worker
    assert "tóm tắt" in shown[0] and "Phân loại" in shown[0] and dialog.isVisible()
    assert rs.count(db) == 0
    name = dialog.citizens.item(0, 0)
    name.setText("Nguyễn Văn An")
    dialog.citizens.item(0, 1).setText("Bản Hin, xã Chiềng Sơn")
    dialog.citizens.item(0, 2).setText("014090001234")
    type_text(dialog.summary, "Tranh chấp đất đai với hộ liền kề")
    dialog.class_boxes["khieu_nai"].setChecked(True)
    dialog.direction_buttons["guide"].setChecked(True)
    dialog.accept()  # "hướng dẫn" needs where to
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert "cơ quan" in shown[-1] and dialog.isVisible()
    type_text(dialog.direction_target, "Tòa án nhân dân khu vực")
    with qtbot.waitSignal(page.sig_reloaded, timeout=5000):
        dialog.accept()
    assert rs.count(db) == 1 and page.model.total() == 1 and not dialog.isVisible()
    _loaded(qtbot, page.model)
    assert page.model.data(page.model.index(0, ReceptionTableModel.COL_ID)) == "*********234"
    assert page.model.data(page.model.index(0, ReceptionTableModel.COL_DIRECTION)) == "Hướng dẫn"
    assert "đã tiếp 01 lượt với 01 công dân" in page.stats.text()


def test_search_and_weekly_warning(qtbot, page, db) -> None:  # noqa: ANN001
    for day, name in ((date(2026, 3, 2), "Cầm Thị Hoa"), (date(2026, 3, 3), "Lò Văn Bình")):
        rs.add_reception(db, rs.ReceptionInput(received_on=day, citizens=[rs.CitizenInput(name, "Bản Mòng")],
                                               summary="Đề nghị hỗ trợ nhà ở", classes=["kien_nghi"]))
    with qtbot.waitSignal(page.sig_reloaded, timeout=3000):
        page.reload()
    assert page.model.total() == 2
    with qtbot.waitSignal(page.sig_reloaded, timeout=3000) as reloaded:
        type_text(page.search, "cam thi")
    assert reloaded.args == [1]
    assert "tiếp định kỳ" in page.warning.text()  # no periodic reception by the chairman yet


def test_import_in_the_worker(qtbot, page, db, tmp_path: Path, shown, runner, settle) -> None:  # noqa: ANN001
    book = workbooks.register_workbook(tmp_path / "so.xlsx")
    with qtbot.waitSignal(page.sig_imported, timeout=20000) as imported:
        page.start_import(book, confirm=False)
    settle(runner)
    assert imported.args == [3] and rs.count(db) == 3
    assert page.model.total() == 3 and "Đã nhập 3 lượt" in shown[-1]


def test_list_stays_lazy_over_many_visits(qtbot, page, db) -> None:  # noqa: ANN001
    rows = [{"received_on": date(2026, 1, 1 + i % 28), "summary": f"Việc {i}", "classes": "kien_nghi",
             "search_text": f"viec {i}"} for i in range(5000)]
    with db.session() as s:
        bulk_insert(s, Reception, rows)
    with qtbot.waitSignal(page.sig_reloaded, timeout=5000):
        page.period.setCurrentIndex(0)  # all time
    assert page.model.total() == 5000
    assert page.model.rowCount() == PAGE  # the view sees one page until it scrolls
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE, timeout=3000)
    qtbot.waitUntil(lambda: not page.model.loading(), timeout=5000)
    assert page.model.pages_loaded <= 3
    _loaded(qtbot, page.model)
    assert page.model.data(page.model.index(0, ReceptionTableModel.COL_DATE)) == "28/01/2026"  # newest first
