"""The Công khai page offscreen: villages, the register, a notice, budget and poverty imports, the
review steps, the communication log and the dashboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import workbooks
from PySide6.QtCore import Qt
from ui_pages import open_postings_page

from papi_desktop.services import compliance, postings, poverty
from papi_desktop.ui.views.postings_page import PostingTableModel
from papi_desktop.ui.widgets.villages_box import VillagesBox

TODAY = date(2026, 11, 23)




@pytest.fixture
def page(qtbot, db, runner, settle):  # noqa: ANN001, ANN201
    return open_postings_page(qtbot, db, runner, settle, TODAY)


@pytest.fixture
def done(runner, settle):  # noqa: ANN001, ANN201
    """done(): what was asked of the database worker is written and shown."""
    return lambda: settle(runner)


def _cell(qtbot, model, row: int, col: int) -> str:  # noqa: ANN001
    """A lazy list's cell once its page came from the worker."""
    qtbot.waitUntil(lambda: model.data(model.index(row, col)) is not None, timeout=5000)
    return model.data(model.index(row, col))


def test_villages_and_means_in_settings(qtbot, db, runner, settle) -> None:  # noqa: ANN001
    box = VillagesBox(db, runner)
    qtbot.addWidget(box)
    settle(runner)
    for name in ("Bản Hin", "Bản Mòng"):
        box.new_name.setText(name)
        qtbot.keyClick(box.new_name, Qt.Key.Key_Return)
        settle(runner)
    assert [v.name for v in postings.villages(db)] == ["Bản Hin", "Bản Mòng"]
    box.model.item(1).setCheckState(Qt.CheckState.Unchecked)  # merged into another village
    settle(runner)
    assert [v.name for v in postings.villages(db)] == ["Bản Hin"]
    box.portal.setChecked(True)
    settle(runner)
    from papi_desktop.services import setup

    assert setup.get_profile(db).has_portal is True


def test_register_entry_notice_and_feedback(qtbot, page, db, shown, done, tmp_path: Path) -> None:  # noqa: ANN001
    hin = postings.add_village(db, "Bản Hin")
    tab = page.register
    page.setCurrentWidget(tab)  # the tab reads the villages when shown
    done()
    dialog = tab.add_posting()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("fees"))
    dialog.doc_number.setText("30/QĐ-UBND")
    dialog.doc_date.setText("01/06/2026")
    dialog.start_on.setText("03/06/2026")
    dialog.end_on.setText("01/06/2026")  # before the start: refused, the dialog stays open
    dialog.accept()
    done()
    assert "trước ngày bắt đầu" in shown[-1] and dialog.isVisible() and tab.model.total() == 0
    dialog.end_on.setText("10/07/2026")
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        dialog.accept()
    done()
    assert tab.model.total() == 1
    status = _cell(qtbot, tab.model, 0, PostingTableModel.COL_STATUS)
    assert status == "Thiếu hình thức"  # fees need the loudspeaker
    with qtbot.waitSignal(tab.sig_detail_shown, timeout=3000):
        tab.table.setCurrentIndex(tab.model.index(0, 0))
    assert "truyền thanh" in tab.detail.toPlainText()
    edit = tab.edit_posting()
    qtbot.addWidget(edit)
    assert edit.places.item(1).data(Qt.ItemDataRole.UserRole + 1) == hin
    edit.channels["loudspeaker"].setChecked(True)
    edit.speaker_from.setText("03/06/2026")
    edit.speaker_to.setText("05/06/2026")
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        edit.accept()
    done()
    assert _cell(qtbot, tab.model, 0, PostingTableModel.COL_STATUS) == "Đạt"
    with qtbot.waitSignal(tab.sig_detail_shown, timeout=3000):
        tab.table.setCurrentIndex(tab.model.index(0, 0))
    with qtbot.waitSignal(tab.sig_notice, timeout=10000) as notice:
        tab.print_notice(tmp_path / "tb.pdf")
    pdf = notice.args[0]
    assert pdf == tmp_path / "tb.pdf" and pdf.stat().st_size > 1000
    feedback = tab.add_feedback()
    qtbot.addWidget(feedback)
    feedback.widgets["content"].setPlainText("Đề nghị niêm yết thêm ở chợ")
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        feedback.accept()
    done()
    assert "Đề nghị niêm yết thêm ở chợ" in tab.detail.toPlainText() and "chưa trả lời" in tab.detail.toPlainText()
    answer = tab.answer_feedback()
    qtbot.addWidget(answer)
    answer.widgets["answer"].setPlainText("Đã niêm yết bổ sung tại chợ trung tâm")
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        answer.accept()
    done()
    assert "Đã niêm yết bổ sung tại chợ trung tâm" in tab.detail.toPlainText()
    assert tab.answer_feedback() is None and "không có ý kiến nào đang chờ" in shown[-1]


def test_budget_import_and_posting(qtbot, page, db, shown, done, tmp_path: Path) -> None:  # noqa: ANN001
    tab = page.budget
    tab.year.setCurrentIndex(tab.year.findData(2026))
    with qtbot.waitSignal(tab.sig_imported, timeout=20000) as imported:
        tab.start_import(workbooks.budget_workbook(tmp_path / "b.xlsx"), confirm=False)
    done()
    assert imported.args[0] and tab.tables.rowCount() == 1
    assert tab.lines.rowCount() == 10 and tab.lines.item(0, 2).text() == "5.000.000.000"
    assert "cộng khớp" in tab.check_label.text()
    lines = list(workbooks.BUDGET_LINES)
    lines[3] = ("1", "Chi quốc phòng", 300_000_000)
    with qtbot.waitSignal(tab.sig_imported, timeout=20000) as refused:
        tab.start_import(workbooks.budget_workbook(tmp_path / "sai.xlsx", lines), confirm=False)
    done()
    assert refused.args[0] is None and "Dòng 9" in shown[-1] and tab.tables.rowCount() == 1
    dialog = tab.post_table()
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "budget_estimate_approved" and dialog.doc_number.text() == "15/QĐ-UBND"
    dialog.start_on.setText("09/01/2026")
    dialog.accept()
    done()
    posted = compliance.posting_ids(db)
    assert len(posted) == 1 and postings.get_posting(db, posted[0]).inp.budget_table_id is not None


def test_poverty_review_through_the_tab(qtbot, page, db, shown, done, tmp_path: Path) -> None:  # noqa: ANN001
    postings.add_village(db, "Bản Hin")
    tab = page.poverty
    page.setCurrentWidget(tab)
    tab.year.setCurrentIndex(tab.year.findData(2026))
    with qtbot.waitSignal(tab.sig_changed, timeout=20000):
        tab.start_import(workbooks.poverty_workbook(tmp_path / "dsn.xlsx"), confirm=False)
    done()
    assert tab.people.rowCount() == 4 and tab.people.item(0, 2).text() == "*********234"
    post = tab.post("preliminary")
    qtbot.addWidget(post)
    post.start_on.setText("17/11/2026")
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        post.accept()
    done()
    objection = tab.add_objection()
    qtbot.addWidget(objection)
    objection.widgets["household"].setCurrentIndex(4)  # Vì Thị Xuân
    objection.widgets["content"].setPlainText("Hộ vẫn còn khó khăn")
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        objection.accept()
    done()
    assert "chờ phúc tra" in tab.state.text()
    final = tab.finalize()
    qtbot.addWidget(final)
    final.widgets["number"].setText("125/QĐ-UBND")
    final.accept()
    done()
    assert "1 ý kiến chưa phúc tra" in shown[-1] and final.isVisible()  # refused; the dialog keeps the number
    final.reject()
    recheck = tab.recheck()
    qtbot.addWidget(recheck)
    recheck.widgets["result"].setPlainText("Thu nhập dưới chuẩn, thiếu hụt 1 chỉ số")
    recheck.widgets["class_after"].setCurrentIndex(recheck.widgets["class_after"].findData("can_ngheo"))
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        recheck.accept()
    done()
    final = tab.finalize()
    qtbot.addWidget(final)
    final.widgets["number"].setText("125/QĐ-UBND")
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        final.accept()
    done()
    assert "Đã công nhận" in tab.state.text() and tab.buttons["post_final"].isEnabled()
    assert not tab.buttons["import"].isEnabled()
    info = poverty.review_of_year(db, 2026)
    assert info.counts == {"ngheo": 2, "can_ngheo": 2}


def test_dashboard_and_communication(qtbot, page, db, done) -> None:  # noqa: ANN001
    tab = page.communication
    dialog = tab.add_item()
    qtbot.addWidget(dialog)
    dialog.widgets["published_on"].setText("20/01/2026")
    dialog.widgets["title"].setText("Xã Chiềng Sơn đẩy mạnh cải cách hành chính")
    dialog.widgets["topic"].setCurrentIndex(dialog.widgets["topic"].findData("admin_reform"))
    dialog.accept()
    tab.year.setCurrentIndex(tab.year.findData(2026))
    tab.reload()
    done()
    assert tab.items.rowCount() == 1 and tab.quota.item(0, 0).text() == "1/1" and tab.quota.item(0, 1).text() == "0/1"
    board = page.dashboard
    board.year.setCurrentIndex(board.year.findData(2026))
    board.reload()
    done()
    assert board.chart.rows and board.required.rowCount() == len(board.last_required)
    assert "nội dung đạt" in board.headline.text()
    assert any("2.3 Công khai thu, chi ngân sách cấp xã" in board.required.item(r, 5).text()
               for r in range(board.required.rowCount()))


def test_by_hand_budget_household_and_evidence(qtbot, page, db, shown, done, tmp_path: Path) -> None:  # noqa: ANN001
    entry = page.budget.enter_table()
    qtbot.addWidget(entry)
    entry.title.setText("Dự toán thu ngân sách xã")
    entry.stage.setCurrentIndex(entry.stage.findData("estimate_submitted"))
    entry.form_code.setText("104")
    entry.model.removeRows(0, entry.model.rowCount())
    entry.add_row("", "Tổng thu", "300.000.000")
    entry.add_row("1", "Thu phí, lệ phí", "100.000.000")
    entry.add_row("2", "Thu khác", "150.000.000")
    entry.accept()
    done()
    assert "chưa khớp" in shown[-1] and entry.isVisible()  # 250.000.000 ≠ 300.000.000: nothing saved
    entry.model.item(2, 2).setText("200.000.000")
    entry.accept()
    done()
    assert entry.saved_id and page.budget.tables.rowCount() == 1
    tab = page.poverty
    postings.add_village(db, "Bản Hin")
    page.setCurrentWidget(tab)  # the tab reads the villages when shown
    done()
    add = tab.add_household()
    qtbot.addWidget(add)
    add.widgets["head"].setText("Lò Văn Mới")
    add.widgets["income"].setText("1.100.000")
    add.widgets["members"].setText("4")
    with qtbot.waitSignal(tab.sig_changed, timeout=3000):
        add.accept()
    done()
    assert add.widgets["village"].currentData() == "Bản Hin"
    assert tab.people.rowCount() == 1 and tab.people.item(0, 6).text() == "1.100.000"
    register = page.register
    pid = postings.add_posting(db, postings.PostingInput(kind="other", doc_date=date(2026, 11, 2)))
    register.reload()
    done()
    register.table.setCurrentIndex(register.model.index(0, 0))
    minutes = tmp_path / "bien_ban_ket_thuc.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes")
    dialog = register.add_evidence(minutes)
    qtbot.addWidget(dialog)
    dialog.widgets["kind"].setCurrentIndex(dialog.widgets["kind"].findData("end_minutes"))
    dialog.accept()
    done()
    assert [a.kind for a in postings.get_posting(db, pid).attachments] == ["end_minutes"]
