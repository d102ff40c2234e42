"""The audit viewer offscreen, on the real service: every entry listed lazily, the filters (who, what,
when), an entry's detail with a citizen's data masked, and the integrity check on the database worker,
which shows the entry where the chain breaks (clearing a filter that hid it)."""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtCore import QDate, Qt

from papi_desktop.services import audit, reception
from papi_desktop.ui.views.audit_dialog import AuditButton, AuditDialog, AuditModel
from papi_desktop.ui.workers import DB_THREAD


def _visit(db, name: str) -> None:  # noqa: ANN001
    reception.add_reception(db, reception.ReceptionInput(
        received_on=date(2026, 6, 1), citizens=[reception.CitizenInput(name, "Bản Nà Sẳng", "014190000009")],
        summary="Đề nghị sửa đường", classes=["kien_nghi"]))


def _tamper(db, seq: int) -> None:  # noqa: ANN001
    with db.engine.begin() as conn:
        triggers = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                                        "'audit_entry'").scalars().all()
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_delete")
        conn.exec_driver_sql("UPDATE audit_entry SET actor = 'nguoi-khac' WHERE seq = ?", (seq,))
        for sql in triggers:
            conn.exec_driver_sql(sql)


def test_filter_read_and_check_the_trail(qtbot, db, runner, settle, monkeypatch) -> None:  # noqa: ANN001
    _visit(db, "Quàng Thị Ánh")
    _visit(db, "Lò Văn Hùng")
    db.user = "chu-tich"
    audit.record(db, "login", {"result": "ok"})
    db.user = "tester"
    total = len(audit.ids(db))
    threads: list[str] = []
    for name in ("ids", "rows", "verify", "changes_of", "actors"):
        real = getattr(audit, name)
        monkeypatch.setattr(audit, name, lambda *a, _real=real, **k: threads.append(
            threading.current_thread().name) or _real(*a, **k))
    dialog = AuditDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(runner)
    assert dialog.model.total() == total == 5  # genesis, the profile, two visits, the login
    assert dialog.who.findData("chu-tich") > 0 and dialog.who.findData("tester") > 0
    assert dialog.model.data(dialog.model.index(0, AuditModel.KIND)) == "Đăng nhập"
    assert dialog.model.data(dialog.model.index(0, AuditModel.WHO)) == "chu-tich"
    assert "5 mục" in dialog.count_label.text()

    with qtbot.waitSignal(dialog.sig_listed) as listed:
        dialog.kind.setCurrentIndex(dialog.kind.findData("change"))
    assert listed.args == [3]
    with qtbot.waitSignal(dialog.sig_listed) as listed:
        dialog.who.setCurrentIndex(dialog.who.findData("chu-tich"))
    assert listed.args == [0]
    with qtbot.waitSignal(dialog.sig_listed) as listed:
        dialog.kind.setCurrentIndex(0)
    assert listed.args == [1]
    dialog.who.setCurrentIndex(0)
    settle(runner)
    dialog.until.setDate(QDate(2020, 1, 1))
    with qtbot.waitSignal(dialog.sig_listed) as listed:
        dialog.until_on.setChecked(True)
    assert listed.args == [0] and dialog.until.isEnabled()
    with qtbot.waitSignal(dialog.sig_listed) as listed:
        dialog.until.setDate(QDate.currentDate())
    assert listed.args == [5]

    with qtbot.waitSignal(dialog.sig_details) as shown:
        dialog.table.selectRow(1)  # the second visit
    text = shown.args[0]
    assert "Mục số 4" in text and "công dân được tiếp" in text and audit.MASK in text
    assert "Lò Văn Hùng" not in text and "014190000009" not in text and "Đề nghị sửa đường" in text

    with qtbot.waitSignal(dialog.sig_verified, timeout=30000) as checked:
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].ok and dialog.status.text().startswith("Toàn vẹn.")

    _tamper(db, 3)
    with qtbot.waitSignal(dialog.sig_listed):
        dialog.kind.setCurrentIndex(dialog.kind.findData("login"))  # the broken entry is not listed
    with qtbot.waitSignal(dialog.sig_listed, timeout=30000):  # the check lists everything again to show it
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    settle(runner)
    assert "CẢNH BÁO" in dialog.status.text() and "Mục nhật ký số 3 đã bị sửa" in dialog.status.text()
    assert dialog.kind.currentIndex() == 0 and dialog.model.total() == 5
    (selected,) = dialog.table.selectionModel().selectedRows()
    assert dialog.model.row_id(selected.row()) == "3"
    assert threads and all(t.startswith(DB_THREAD) for t in threads)


def test_the_settings_button_opens_the_viewer(qtbot, db, runner, settle) -> None:  # noqa: ANN001
    button = AuditButton(db, runner)
    qtbot.addWidget(button)
    assert button.text() == "Nhật ký thao tác…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = button.dialog
    settle(runner)
    assert dialog.isVisible() and dialog.windowTitle() == "Nhật ký thao tác" and dialog.model.total() == 2
    dialog.close()
