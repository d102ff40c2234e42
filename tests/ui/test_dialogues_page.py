"""The dialogues page offscreen: a conference, issues (anonymous allowed), commitments, follow-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QMessageBox

from papi_desktop.services import dialogues as ds
from papi_desktop.ui.views.dialogues_page import (
    CommitmentDialog,
    CommitmentRole,
    DialogueDialog,
    DialoguesPage,
    DialogueTableModel,
    IssueDialog,
)

TODAY = date(2026, 11, 22)



def test_conference_issues_commitments_and_follow_up(qtbot, db, monkeypatch, runner, settle) -> None:  # noqa: ANN001
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    page = DialoguesPage(db, runner)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle(runner)
    assert "Năm 2026 chưa tổ chức" in page.warning.text()
    page.add_issue()
    assert "Hãy chọn hoặc thêm một hội nghị" in shown[-1]

    def conference(dialog: DialogueDialog) -> int:
        dialog.held_on.setText("15/09/2026")
        dialog.title.setText("Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026")
        dialog.place.setText("Hội trường UBND xã")
        dialog.chair.setText("Lò Văn Minh")
        model = dialog.attendance.model
        model.setData(model.index(0, 1), 15)  # the commune's leaders
        model.setData(model.index(4, 1), 120)  # the people
        dialog.attendance.add_group("Hội Người cao tuổi", 6)
        return 1

    monkeypatch.setattr(DialogueDialog, "exec", conference)
    with qtbot.waitSignal(page.sig_changed, timeout=3000):
        page.add_dialogue()
    settle(runner)  # read again: the list and the year's check
    assert page.warning.text() == "" and page.model.total() == 1
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 0)) is not None, timeout=5000)
    assert page.model.data(page.model.index(0, DialogueTableModel.COL_DATE)) == "15/09/2026"
    minutes = ds.minutes_data(db, page.model.row_id(0))
    assert minutes["attendance"] == {"Lãnh đạo Đảng ủy, HĐND, UBND xã": 15, "Nhân dân": 120, "Hội Người cao tuổi": 6}

    def anonymous_issue(dialog: IssueDialog) -> int:
        dialog.village.setText("Bản Mòng")
        dialog.content.setPlainText("Chậm trả tiền hỗ trợ giống")
        dialog.answer.setPlainText("Sẽ chi trả trong tháng 10")
        return 1

    monkeypatch.setattr(IssueDialog, "exec", anonymous_issue)
    with qtbot.waitSignal(page.sig_changed, timeout=3000):
        page.add_issue()
    settle(runner)
    assert page.issues.item(0, 1).text() == "(ẩn danh)"

    def commitment(dialog: CommitmentDialog) -> int:
        dialog.text.setText("Chi trả tiền hỗ trợ giống")
        dialog.owner.setText("Công chức Tài chính - Kế toán")
        dialog.due.setText("31/10/2026")
        return 1

    page.issue_view.setCurrentIndex(page.issues.index(0, 0))
    monkeypatch.setattr(CommitmentDialog, "exec", commitment)
    with qtbot.waitSignal(page.sig_changed, timeout=3000):
        page.add_commitment()
    settle(runner)
    assert [c.overdue for c in ds.open_commitments(db, TODAY)] == [True]

    def done(dialog: CommitmentDialog) -> int:
        dialog.text.setText("Đã chi trả đủ cho 42 hộ")
        dialog.done_box.setChecked(True)
        return 1

    child = page.issues.item(0, 0).child(0, 0)
    page.issue_view.setCurrentIndex(child.index())
    assert child.data(CommitmentRole)
    monkeypatch.setattr(CommitmentDialog, "exec", done)
    with qtbot.waitSignal(page.sig_changed, timeout=3000):
        page.follow_up()
    settle(runner)
    assert ds.open_commitments(db, TODAY) == []
    assert page.issues.item(0, 0).child(0, 3).text() == "Xong 22/11/2026"


def test_commitment_dialog_closes_cleanly(qtbot) -> None:  # noqa: ANN001
    """The check box was called "done", which replaced QDialog.done(): closing a commitment dialog then
    crashed PySide6 at the next new line edit."""
    for follow_up in (False, True):
        dialog = CommitmentDialog(follow_up=follow_up, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.done_box.isVisible() == follow_up
        dialog.close()
        assert not dialog.isVisible() and QLineEdit("x").text() == "x"
