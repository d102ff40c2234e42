"""The backup dialog offscreen, on the real service and files: a new passphrase asked twice, a backup made
and listed, checked, a restore refused at the confirmation and then done (the confirmation names the data
folder and what the restore takes away), every service call on the database worker."""

from __future__ import annotations

import shutil
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import text

from papi_desktop import paths
from papi_desktop.services import backup, reception, setup
from papi_desktop.ui.views import backup_dialog
from papi_desktop.ui.views.backup_dialog import BackupDialog
from papi_desktop.ui.workers import DB_THREAD

PASS = "nuong-ngo-sau-nha-4826"


def _visit(db, name: str) -> None:  # noqa: ANN001
    reception.add_reception(db, reception.ReceptionInput(
        received_on=date(2026, 6, 1), citizens=[reception.CitizenInput(name, "Bản Nà Sẳng", "014190000009")],
        summary="Đề nghị sửa đường", classes=["kien_nghi"]))


def _names(db) -> list[str]:  # noqa: ANN001
    with db.reader() as s:
        return sorted(s.execute(text("SELECT name FROM reception_citizen")).scalars())


def test_make_check_and_restore_a_backup(qtbot, db, runner, settle, shown, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    threads: list[str] = []
    for name in ("list_backups", "create", "verify", "compare", "restore", "set_usb_folder"):
        real = getattr(backup, name)
        monkeypatch.setattr(backup, name, lambda *a, _real=real, **k: threads.append(
            threading.current_thread().name) or _real(*a, **k))
    _visit(db, "Lò Văn Một")
    dialog = BackupDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(runner)
    assert "Chưa đặt mật khẩu sao lưu" in dialog.key_label.text() and dialog.again.isVisible()
    assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()

    dialog.passphrase.setText(PASS)
    dialog.again.setText(PASS + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "không giống nhau" in dialog.status.text() and not paths.backups_dir().exists()
    dialog.again.setText(PASS)
    with qtbot.waitSignal(dialog.sig_created, timeout=120000) as made:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    settle(runner)
    first = made.args[0].entry.path
    assert dialog.model.rowCount() == 1 and dialog.selected().path == first
    assert str(first) in dialog.status.text() and "Đã đặt mật khẩu sao lưu" in dialog.key_label.text()
    assert not dialog.again.isVisible() and dialog.passphrase.text() == ""
    assert dialog.model.data(dialog.model.index(0, 1)) == "Bằng tay"

    stick = tmp_path / "usb"
    stick.mkdir()
    dialog.set_usb(stick)
    settle(runner)
    assert dialog.usb_label.text() == str(stick.resolve())

    elsewhere = tmp_path / "other-stick"  # a backup found on a stick that is not the USB folder
    elsewhere.mkdir()
    shutil.copy(first, elsewhere / first.name)
    dialog.add_file(elsewhere / first.name)
    settle(runner)
    assert dialog.selected().path == elsewhere / first.name and dialog.model.rowCount() == 2
    (elsewhere / "ghi-chu.txt").write_text("không phải bản sao lưu")
    with qtbot.waitSignal(dialog.sig_failed, timeout=10000) as refused:
        dialog.add_file(elsewhere / "ghi-chu.txt")
    assert "không phải bản sao lưu của PAPI Desktop" in refused.args[0]
    dialog.select(first)

    dialog.passphrase.setText(PASS)
    with qtbot.waitSignal(dialog.sig_verified, timeout=120000):
        qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert "Bản sao lưu tốt" in dialog.status.text() and "03985" in dialog.status.text()

    _visit(db, "Cầm Thị Hai")  # later work, which a restore takes away
    asked: list[str] = []
    monkeypatch.setattr(backup_dialog, "ask", lambda _p, question, _t=None: asked.append(question) or False)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=120000)
    settle(runner)
    assert "Chưa khôi phục" in dialog.status.text() and _names(db) == ["Cầm Thị Hai", "Lò Văn Một"]
    assert str(paths.data_dir()) in asked[0] and "Lò Văn Một" not in asked[0]  # no citizen named
    assert "thay đổi làm trên máy này sau bản sao lưu sẽ không còn trên máy" in asked[0]

    monkeypatch.setattr(backup_dialog, "ask", lambda _p, question, _t=None: asked.append(question) or True)
    with qtbot.waitSignal(dialog.sig_restored, timeout=120000) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert restored.args[0].replaced_backup is not None and restored.args[0].replaced_backup.is_file()
    assert shown and "Đã khôi phục dữ liệu" in shown[-1]
    assert not dialog.restore_button.isEnabled() and not dialog.create_button.isEnabled()  # its database is closed
    reopened = setup.open_database(user="tester")
    try:
        assert _names(reopened) == ["Lò Văn Một"]
    finally:
        reopened.dispose()
    assert threads and all(t.startswith(DB_THREAD) for t in threads), threads
