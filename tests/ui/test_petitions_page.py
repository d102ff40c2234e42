"""The petitions page offscreen: entry, next legal step and due date, recording steps, search."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from papi_desktop.services import petitions as ps
from papi_desktop.ui.views.petitions_page import PetitionDialog, PetitionsPage, PetitionTableModel, StepDialog

TODAY = date(2026, 3, 20)



@pytest.fixture
def page(qtbot, db, runner, settle):  # noqa: ANN001, ANN201
    widget = PetitionsPage(db, runner)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.show()
    settle(runner)
    return widget


def _row(qtbot, model, col: int) -> str:  # noqa: ANN001
    """Row 0's cell once its page came from the worker."""
    qtbot.waitUntil(lambda: model.data(model.index(0, col)) is not None, timeout=5000)
    return model.data(model.index(0, col))


def test_enter_petition_and_see_its_legal_due_date(qtbot, page, db, monkeypatch) -> None:  # noqa: ANN001
    def fill(dialog: PetitionDialog) -> int:
        dialog.received_on.setText("02/03/2026")
        dialog.sender.setText("Cầm Thị Hoa")
        dialog.content.setPlainText("Khiếu nại việc xác định ranh giới đất")
        dialog.content_class.setCurrentIndex(dialog.content_class.findData("khieu_nai"))
        dialog.remote.setChecked(True)
        return 1

    monkeypatch.setattr(PetitionDialog, "exec", fill)
    with qtbot.waitSignal(page.sig_reloaded, timeout=3000):
        page.add_petition()
    assert page.model.total() == 1
    m = page.model
    assert _row(qtbot, m, PetitionTableModel.COL_NO) == "1/2026"
    assert m.data(m.index(0, PetitionTableModel.COL_CLASS)) == "Khiếu nại"
    assert m.data(m.index(0, PetitionTableModel.COL_NEXT)) == "Xử lý đơn (phân loại, đề xuất thụ lý, chuyển, hướng dẫn)"
    assert m.data(m.index(0, PetitionTableModel.COL_DUE)) == "16/03/2026"  # 10 working days, overdue on 20/03

    def accept_step(dialog: StepDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("accept"))
        dialog.done_on.setText("06/03/2026")
        dialog.doc.setText("Thông báo thụ lý số 5/TB-UBND")
        return 1

    monkeypatch.setattr(StepDialog, "exec", accept_step)
    page.table.selectRow(0)
    with qtbot.waitSignal(page.sig_reloaded, timeout=3000):
        page.add_step()
    assert _row(qtbot, m, PetitionTableModel.COL_NEXT) == "Giải quyết khiếu nại lần đầu"
    assert m.data(m.index(0, PetitionTableModel.COL_NEXT)) == "Giải quyết khiếu nại lần đầu"
    assert m.data(m.index(0, PetitionTableModel.COL_DUE)) == "20/04/2026"  # 45 days: remote area


def test_step_needs_a_selected_petition_and_search_works(qtbot, page, db, monkeypatch) -> None:  # noqa: ANN001
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    page.add_step()
    assert shown and "Hãy chọn một đơn" in shown[0]
    for sender in ("Lò Văn Tiến", "Quàng Thị Lan"):
        ps.add_petition(db, ps.PetitionInput(received_on=date(2026, 3, 2), content="Đề nghị sửa đường",
                                             content_class="kien_nghi", sender=sender))
    with qtbot.waitSignal(page.sig_reloaded, timeout=3000):
        page.reload()
    assert page.model.total() == 2
    with qtbot.waitSignal(page.sig_reloaded, timeout=3000):
        page.search.setText("quang thi")  # read after the typing pauses
    assert page.model.total() == 1
