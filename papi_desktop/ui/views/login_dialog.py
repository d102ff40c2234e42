"""The account dialogs of the program's start and its Tài khoản menu: login on a database with accounts,
the first administrator after the first-run set-up, a password change (forced after an admin's reset).
Each runs its service in the database worker (scrypt takes a tenth of a second or more) and keeps the
dialog open with the service's message when it refuses."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.errors import KnownError
from ...services import accounts
from ...services.handle import DataHandle
from ..widgets.simple_form import Field, FormDialog
from ..workers import JobRunner


def _with_note(dialog: FormDialog, text: str) -> FormDialog:
    note = QLabel(text)
    note.setWordWrap(True)
    layout = dialog.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(0, note)
    return dialog


class AccountDialogs(QObject):
    """Makes the dialogs (a QObject for its translations: context "AccountDialogs")."""

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner, self.parent_widget = db, runner, parent

    def login(self) -> FormDialog:
        """result_value: the AccountInfo logged in."""

        def save(v: dict) -> object:
            return accounts.login(self.db, v["username"], v["password"])

        dialog = FormDialog(self.tr("Đăng nhập PAPI Desktop"), [
            Field("username", self.tr("Tên đăng nhập:")), Field("password", self.tr("Mật khẩu:"), "password")],
            save, self.parent_widget, self.tr("Đăng nhập"), runner=self.runner)
        return _with_note(dialog, self.tr("Máy này dùng tài khoản riêng cho từng người. Quên mật khẩu: nhờ quản trị "
                                          "viên của xã đặt lại. Nhập sai 5 lần, tài khoản tạm khóa 15 phút."))

    def create_admin(self) -> FormDialog:
        """The first account (the commune's or the province's administrator); logs it in."""

        def save(v: dict) -> object:
            if v["password"] != v["again"]:
                raise KnownError("Hai lần nhập mật khẩu không giống nhau.", "The two passwords differ.")
            return accounts.create_first_admin(self.db, v["username"], v["name"], v["password"])

        dialog = FormDialog(self.tr("Tạo tài khoản quản trị"), [
            Field("username", self.tr("Tên đăng nhập:")), Field("name", self.tr("Họ và tên:")),
            Field("password", self.tr("Mật khẩu (ít nhất 8 ký tự):"), "password"),
            Field("again", self.tr("Nhập lại mật khẩu:"), "password")], save,
            self.parent_widget, self.tr("Tạo"), runner=self.runner)
        return _with_note(dialog, self.tr("Người quản trị thêm tài khoản cho cán bộ, lãnh đạo, đặt lại mật khẩu khi "
                                          "quên và khôi phục dữ liệu. Từ nay mỗi người đăng nhập bằng tài khoản của "
                                          "mình; mọi thao tác được ghi vào nhật ký theo tài khoản."))

    def change_password(self, forced: bool = False) -> FormDialog:
        def save(v: dict) -> object:
            if v["new"] != v["again"]:
                raise KnownError("Hai lần nhập mật khẩu mới không giống nhau.", "The two new passwords differ.")
            accounts.change_own_password(self.db, v["old"], v["new"])
            return True

        dialog = FormDialog(self.tr("Đổi mật khẩu"), [
            Field("old", self.tr("Mật khẩu hiện tại:"), "password"),
            Field("new", self.tr("Mật khẩu mới (ít nhất 8 ký tự):"), "password"),
            Field("again", self.tr("Nhập lại mật khẩu mới:"), "password")], save,
            self.parent_widget, self.tr("Đổi"), runner=self.runner)
        if forced:
            _with_note(dialog, self.tr("Mật khẩu này do quản trị viên đặt: hãy đổi thành mật khẩu chỉ mình biết "
                                       "trước khi làm việc."))
        return dialog
