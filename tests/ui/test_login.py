"""The account dialogs and the start on a database with accounts: the login (a wrong password keeps the
dialog open with the service's message; the right one opens the database), the forced password change
after an admin's reset, the first administrator; the program's start driven as a person does it (the
modal login filled and confirmed), ending with the pages built and the user shown in the status bar."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from papi_desktop import app
from papi_desktop.services import accounts, setup
from papi_desktop.ui.main_window import MainWindow
from papi_desktop.ui.views.login_dialog import AccountDialogs

ADMIN_PW, STAFF_PW = "quan-tri-Chieng-Son-9", "can-bo-tiep-dan-2026"


def _fill(dialog, **values: str) -> None:  # noqa: ANN001
    for key, text in values.items():
        widget = dialog.widgets[key]
        assert isinstance(widget, QLineEdit)
        widget.setText(text)


@pytest.fixture
def locked(db):  # noqa: ANN001, ANN201
    accounts.create_first_admin(db, "quantri", "Vì Văn Quản", ADMIN_PW)
    accounts.add(db, "tiepdan", "Lò Thị Tiếp", "staff", STAFF_PW)
    db.dispose()
    again = setup.open_database(user="tester")
    assert again.locked
    yield again
    again.dispose()


def test_login_refuses_then_opens(qtbot, locked, runner, settle, shown) -> None:  # noqa: ANN001
    dialog = AccountDialogs(locked, runner).login()
    qtbot.addWidget(dialog)
    assert dialog.widgets["password"].echoMode() == QLineEdit.EchoMode.Password
    _fill(dialog, username="tiepdan", password="khong-dung-dau")
    dialog.accept()
    settle(runner)
    assert shown[-1].startswith("Sai tên đăng nhập hoặc mật khẩu") and locked.locked and dialog.result() == 0
    _fill(dialog, password=STAFF_PW)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.accept()
    assert not locked.locked and dialog.result_value.role == "staff" and dialog.result_value.must_change


def test_a_reset_password_is_changed_first(qtbot, locked, runner, settle, shown) -> None:  # noqa: ANN001
    accounts.login(locked, "tiepdan", STAFF_PW)
    dialog = AccountDialogs(locked, runner).change_password(forced=True)
    qtbot.addWidget(dialog)
    _fill(dialog, old=STAFF_PW, new="cua-rieng-toi-2026", again="cua-rieng-toi-2027")
    dialog.accept()
    settle(runner)
    assert "không giống nhau" in shown[-1] and dialog.result() == 0
    _fill(dialog, again="cua-rieng-toi-2026")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.accept()
    assert not accounts.login(locked, "tiepdan", "cua-rieng-toi-2026").must_change


def test_the_first_administrator(qtbot, db, runner, settle, shown) -> None:  # noqa: ANN001
    dialog = AccountDialogs(db, runner).create_admin()
    qtbot.addWidget(dialog)
    _fill(dialog, username="quantri", name="Vì Văn Quản", password="ngan", again="ngan")
    dialog.accept()
    settle(runner)
    assert "ít nhất 8 ký tự" in shown[-1] and not accounts.exist(db)
    _fill(dialog, password=ADMIN_PW, again=ADMIN_PW)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.accept()
    assert accounts.exist(db) and db.role == "admin" and db.user == "quantri"


def test_the_start_asks_for_the_login(qtbot, locked, shown) -> None:  # noqa: ANN001
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.password_action.isEnabled()
    answered: list[str] = []

    def answer() -> None:  # the modal login, as a person fills it
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "widgets"):
            QTimer.singleShot(50, answer)
            return
        answered.append(dialog.windowTitle())
        _fill(dialog, username="quantri", password=ADMIN_PW)
        dialog.accept()

    QTimer.singleShot(50, answer)
    args = argparse.Namespace(demo=False, quit_after_show=False)
    app._opened(window, (locked, None, False, True), args, QApplication.instance())  # exec() returns once logged in
    qtbot.waitUntil(lambda: window.db is locked, timeout=20000)
    assert answered == ["Đăng nhập PAPI Desktop"] and not locked.locked
    assert window.account_label.text() == "Người dùng: quantri (Quản trị (tài khoản, cài đặt, khôi phục))"
    assert window.password_action.isEnabled() and window.logout_action.isEnabled()
    qtbot.waitUntil(lambda: window.ready, timeout=20000)
    window.runner.shutdown()
