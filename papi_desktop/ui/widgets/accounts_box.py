"""Cài đặt: the accounts of this PC (issue 13 §1). Before the first account, a button makes the first
administrator; an administrator (commune or province) lists the accounts and adds, resets, unlocks,
disables and re-enables them and changes their roles; anyone else is told only an administrator does.
What is allowed is the services' (services/accounts.py): a refusal is shown as they word it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...domain import roles
from ...domain.errors import KnownError
from ...services import accounts, province
from ...services.handle import DataHandle
from ..workers import JobRunner
from .flow import FlowLayout
from .messages import ask, current_lang, show_error, show_info
from .simple_form import Field, FormDialog
from .tables import fit_columns, readonly_table

ROW_LIMIT = 6  # rows shown before the table scrolls (Cài đặt itself scrolls on a small screen)
VN = timezone(timedelta(hours=7))  # the office's clock
COL_USER, COL_NAME, COL_ROLE, COL_STATE, COL_LOGIN = range(5)
ADMIN_ROLES = ("admin", "province_admin")


@dataclass(frozen=True)
class BoxState:
    """What the box shows, read in the worker: whether accounts exist, whether the logged-in one may
    manage them (then the list and the roles this installation offers)."""

    exist: bool
    manage: bool
    me: str = ""
    choices: tuple[str, ...] = ()
    rows: list[accounts.AccountInfo] = field(default_factory=list)


def read_state(db: DataHandle) -> BoxState:
    if not accounts.exist(db):
        return BoxState(exist=False, manage=False)
    if not accounts.may(db, "users"):
        return BoxState(exist=True, manage=False, me=db.user)
    return BoxState(True, True, db.user, roles.roles_for(province.is_province(db)), accounts.list_accounts(db))


def locked_now(info: accounts.AccountInfo, now: datetime | None = None) -> bool:
    return bool(info.locked_until) and datetime.fromisoformat(info.locked_until) > (now or datetime.now(UTC))


def local_moment(iso: str) -> str:
    """"2026-06-05T01:35:10+00:00" -> "05/06/2026 08:35" (UTC+7)."""
    return datetime.fromisoformat(iso).astimezone(VN).strftime("%d/%m/%Y %H:%M") if iso else ""


def _same(first: str, again: str) -> None:
    if first != again:
        raise KnownError("Hai lần nhập mật khẩu không giống nhau.", "The two passwords differ.")


class AccountsBox(QGroupBox):
    """Every read and change runs in the database worker.

    Signals:
        sig_loaded(): the state was read and is shown (the list, when the account may manage it).
        sig_done(str): a change finished and the list is read again; its message as shown ("" when it
            was refused or declined).
        sig_first_admin(object): the first administrator (AccountInfo) was made; the database is now
            logged in as it.
    """

    sig_loaded = Signal()
    sig_done = Signal(str)
    sig_first_admin = Signal(object)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.setTitle(self.tr("Tài khoản người dùng"))
        self.state: BoxState | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.create_admin_button = QPushButton(self.tr("Tạo quản trị viên…"))
        self.model = QStandardItemModel(self)
        self.view = readonly_table(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("Thêm tài khoản…"))
        self.reset_button = QPushButton(self.tr("Đặt lại mật khẩu…"))
        self.unlock_button = QPushButton(self.tr("Mở khóa"))
        self.disable_button = QPushButton(self.tr("Khóa tài khoản"))
        self.role_button = QPushButton(self.tr("Đổi vai trò…"))
        self.manage_buttons = (self.add_button, self.reset_button, self.unlock_button, self.disable_button,
                               self.role_button)
        first_row = FlowLayout()
        first_row.addWidget(self.create_admin_button)
        row = FlowLayout()  # wraps in a narrow window
        for b in self.manage_buttons:
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(first_row)
        layout.addWidget(self.view)
        layout.addLayout(row)
        self.create_admin_button.clicked.connect(lambda: self.create_admin())
        self.add_button.clicked.connect(lambda: self.add_account())
        self.reset_button.clicked.connect(lambda: self.reset_selected())
        self.unlock_button.clicked.connect(lambda: self.unlock_selected())
        self.disable_button.clicked.connect(lambda: self.toggle_selected())
        self.role_button.clicked.connect(lambda: self.change_role_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        for w in (self.create_admin_button, self.view, *self.manage_buttons):
            w.hide()  # until the state is read
        self.reload()

    # --- reading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the state again (also after a login or logout elsewhere in the window)."""
        db = self.db
        self.runner.submit(lambda: read_state(db), self._show, owner=self)

    def _show(self, state: BoxState) -> None:
        chosen = self.selected()
        self.state = state
        if not state.exist:
            self.note.setText(self.tr("Chưa có tài khoản: ai mở chương trình cũng có mọi quyền. Tạo quản trị viên để "
                                      "mỗi người đăng nhập bằng tài khoản của mình."))
        elif not state.manage:
            self.note.setText(self.tr("Chỉ quản trị viên mới quản lý được tài khoản người dùng."))
        else:
            self.note.setText(self.tr("Đang đăng nhập: %1. Tài khoản mới và mật khẩu được đặt lại phải đổi mật khẩu ở "
                                      "lần đăng nhập sau.").replace("%1", state.me))
        self.create_admin_button.setVisible(not state.exist)
        for w in (self.view, *self.manage_buttons):
            w.setVisible(state.manage)
        self._fill(state.rows)
        if chosen is not None:  # keep the person's choice across a reload
            for i, info in enumerate(state.rows):
                if info.username == chosen.username:
                    self.view.selectRow(i)
        self._enable()
        self.sig_loaded.emit()

    def _fill(self, rows: list[accounts.AccountInfo]) -> None:
        lang = current_lang()
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Tên đăng nhập"), self.tr("Họ tên"), self.tr("Vai trò"),
                                              self.tr("Trạng thái"), self.tr("Đăng nhập lần cuối")])
        for info in rows:
            cells = [QStandardItem(info.username), QStandardItem(info.display_name),
                     QStandardItem(roles.label(info.role, lang)), QStandardItem(self.state_text(info)),
                     QStandardItem(local_moment(info.last_login) or self.tr("chưa đăng nhập"))]
            cells[COL_USER].setData(info.username, Qt.ItemDataRole.UserRole)
            self.model.appendRow(cells)
        fit_columns(self.view, contents=(COL_USER, COL_ROLE, COL_STATE, COL_LOGIN), stretch=COL_NAME)
        height = self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth()
        height += self.view.verticalHeader().defaultSectionSize() * max(1, min(len(rows), ROW_LIMIT))
        self.view.setFixedHeight(height)

    def state_text(self, info: accounts.AccountInfo) -> str:
        if info.disabled:
            return self.tr("đã khóa")
        if locked_now(info):
            until = datetime.fromisoformat(info.locked_until).astimezone(VN).strftime("%H:%M")
            return self.tr("tạm khóa đến %1").replace("%1", until)
        if info.must_change:
            return self.tr("phải đổi mật khẩu")
        return self.tr("đang dùng")

    def selected(self) -> accounts.AccountInfo | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or self.state is None or rows[0].row() >= len(self.state.rows):
            return None
        return self.state.rows[rows[0].row()]

    def _enable(self) -> None:
        info = self.selected()
        for b in (self.reset_button, self.disable_button, self.role_button):
            b.setEnabled(info is not None)
        self.unlock_button.setEnabled(info is not None and locked_now(info))
        self.disable_button.setText(self.tr("Mở lại") if info is not None and info.disabled
                                    else self.tr("Khóa tài khoản"))

    # --- changes ---------------------------------------------------------------------------------

    def _run(self, job: Callable[[], Any], message: str) -> None:
        def done(_result: object) -> None:
            show_info(self, message)
            self.sig_done.emit(message)
            self.reload()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.sig_done.emit("")
            self.reload()

        self.runner.submit(job, done, failed, owner=self)

    def _form(self, title: str, fields: list[Field], save: Callable[[dict], object], ok: str,
              message: Callable[[Any], str], note: str = "") -> FormDialog:
        """A dialog whose save runs in the worker; a refusal keeps it open with what was typed."""
        dialog = FormDialog(title, fields, save, self, ok, runner=self.runner)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout = dialog.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, label)

        def saved() -> None:
            text = message(dialog.result_value)
            show_info(self, text)
            self.sig_done.emit(text)
            self.reload()

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def _password_fields(self, first: str) -> list[Field]:
        return [Field("password", first.replace("%1", str(accounts.MIN_PASSWORD)), "password"),
                Field("again", self.tr("Nhập lại mật khẩu:"), "password")]

    def create_admin(self) -> FormDialog:
        db = self.db

        def save(v: dict) -> accounts.AccountInfo:
            _same(v["password"], v["again"])
            return accounts.create_first_admin(db, v["username"], v["name"], v["password"])

        def made(info: accounts.AccountInfo) -> str:
            self.sig_first_admin.emit(info)
            return self.tr("Đã tạo quản trị viên %1 và đăng nhập bằng tài khoản này. Từ lần mở chương trình sau, mỗi "
                           "người cần đăng nhập.").replace("%1", info.username)

        return self._form(self.tr("Tạo quản trị viên"), [
            Field("username", self.tr("Tên đăng nhập:")), Field("name", self.tr("Họ tên:")),
            *self._password_fields(self.tr("Mật khẩu (ít nhất %1 ký tự):"))], save, self.tr("Tạo"), made)

    def add_account(self) -> FormDialog | None:
        if self.state is None or not self.state.manage:
            return None
        db, lang = self.db, current_lang()

        def save(v: dict) -> accounts.AccountInfo:
            _same(v["password"], v["again"])
            return accounts.add(db, v["username"], v["name"], v["role"], v["password"])

        def added(info: accounts.AccountInfo) -> str:
            return self.tr("Đã thêm tài khoản %1 (%2). Người này phải đổi mật khẩu ở lần đăng nhập đầu.").replace(
                "%1", info.username).replace("%2", roles.label(info.role, lang))

        return self._form(self.tr("Thêm tài khoản"), [
            Field("username", self.tr("Tên đăng nhập:")), Field("name", self.tr("Họ tên:")),
            Field("role", self.tr("Vai trò:"), "choice", self.state.choices[0],
                  [(roles.label(r, lang), r) for r in self.state.choices]),
            *self._password_fields(self.tr("Mật khẩu tạm (ít nhất %1 ký tự):"))], save, self.tr("Thêm"), added)

    def reset_selected(self) -> FormDialog | None:
        info = self.selected()
        if info is None:
            return None
        db, name = self.db, info.username

        def save(v: dict) -> accounts.AccountInfo:
            _same(v["password"], v["again"])
            return accounts.reset_password(db, name, v["password"])

        return self._form(
            self.tr("Đặt lại mật khẩu cho %1").replace("%1", name),
            self._password_fields(self.tr("Mật khẩu mới (ít nhất %1 ký tự):")), save, self.tr("Đặt lại"),
            lambda _r: self.tr("Đã đặt lại mật khẩu của %1. Người này phải đổi mật khẩu ở lần đăng nhập sau.")
            .replace("%1", name),
            self.tr("Người dùng %1 đăng nhập bằng mật khẩu mới này rồi phải đổi sang mật khẩu của riêng mình; tài khoản "
                    "được mở khóa nếu đang tạm khóa.").replace("%1", name))

    def unlock_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        db, name = self.db, info.username
        self._run(lambda: accounts.unlock(db, name), self.tr("Đã mở khóa %1.").replace("%1", name))
        return True

    def _yourself(self, info: accounts.AccountInfo) -> str:
        mine = self.state is not None and info.username == self.state.me
        return ("\n\n" + self.tr("Đây là tài khoản bạn đang đăng nhập.")) if mine else ""

    def toggle_selected(self) -> bool:
        """Disable the chosen account (after a confirmation) or enable it again."""
        info = self.selected()
        if info is None:
            return False
        db, name, disable = self.db, info.username, not info.disabled
        if disable:
            question = self.tr("Khóa tài khoản %1 (%2)? Người này sẽ không đăng nhập được cho đến khi được mở lại.")
            if not ask(self, question.replace("%1", name).replace("%2", info.display_name) + self._yourself(info)):
                return False
            message = self.tr("Đã khóa tài khoản %1.").replace("%1", name)
        else:
            message = self.tr("Đã mở lại tài khoản %1.").replace("%1", name)
        self._run(lambda: accounts.set_disabled(db, name, disable), message)
        return True

    def change_role_selected(self) -> FormDialog | None:
        """The role is chosen in a dialog; the change asks a confirmation, then runs in the worker."""
        info = self.selected()
        if info is None or self.state is None:
            return None
        lang = current_lang()
        choices = list(self.state.choices)
        if info.role not in choices:  # a role of the other kind of installation: shown, to be replaced
            choices.insert(0, info.role)
        dialog = FormDialog(self.tr("Đổi vai trò của %1").replace("%1", info.username), [
            Field("role", self.tr("Vai trò:"), "choice", info.role, [(roles.label(r, lang), r) for r in choices])],
            lambda v: v["role"], self, self.tr("Đổi"))  # no runner: choosing touches no database
        dialog.accepted.connect(lambda: self.change_role(info, str(dialog.result_value)))
        dialog.open()
        return dialog

    def change_role(self, info: accounts.AccountInfo, role: str) -> bool:
        if role == info.role:
            return False
        lang = current_lang()
        question = self.tr("Đổi vai trò của %1 từ “%2” sang “%3”? Người này chỉ còn các quyền của vai trò mới.")
        question = question.replace("%1", info.username).replace("%2", roles.label(info.role, lang)).replace(
            "%3", roles.label(role, lang))
        if info.role in ADMIN_ROLES and role not in ADMIN_ROLES:
            question += "\n\n" + self.tr("Người này sẽ không còn quản lý được tài khoản và cài đặt.")
        if not ask(self, question + self._yourself(info)):
            self.sig_done.emit("")
            return False
        db, name = self.db, info.username
        self._run(lambda: accounts.set_role(db, name, role),
                  self.tr("Vai trò của %1 nay là “%2”.").replace("%1", name).replace("%2", roles.label(role, lang)))
        return True
