"""Cài đặt's accounts (issue 13 §1): a database without accounts offers to make the first administrator
(then it is logged in as it); the administrator adds a staff account, resets its forgotten password,
disables and enables it, unlocks it after five wrong passwords and changes its role, each after a
confirmation where it removes access; the last administrator is kept (the service's words shown); a
staff login sees one line and no list. A real database, every step through the database worker, each
checked in the services."""

from __future__ import annotations

from datetime import datetime

import pytest

from papi_desktop.domain import roles
from papi_desktop.domain.errors import KnownError
from papi_desktop.services import accounts, province
from papi_desktop.ui.widgets import accounts_box
from papi_desktop.ui.widgets.accounts_box import COL_LOGIN, COL_ROLE, COL_STATE, COL_USER, AccountsBox
from papi_desktop.ui.widgets.simple_form import FormDialog

ADMIN_PW, STAFF_PW, NEW_PW = "quan-tri-Chieng-Son-9", "can-bo-tiep-dan-2026", "ba-con-meo-tren-doi-2026"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict:
    """The confirmations asked (their text) and the answer the person gives."""
    said: dict = {"questions": [], "yes": True}
    monkeypatch.setattr(accounts_box, "ask", lambda _p, text, _t=None: said["questions"].append(text) or said["yes"])
    return said


def _box(qtbot, db, runner, settle) -> AccountsBox:  # noqa: ANN001
    box = AccountsBox(db, runner)
    qtbot.addWidget(box)
    settle(runner)
    return box


def _fill(dialog: FormDialog | None, **values: str) -> FormDialog:
    assert dialog is not None
    for key, value in values.items():
        widget = dialog.widgets[key]
        if key == "role":
            widget.setCurrentIndex(widget.findData(value))  # type: ignore[attr-defined]
        else:
            widget.setText(value)  # type: ignore[attr-defined]
    return dialog


def _submit(qtbot, box: AccountsBox, dialog: FormDialog) -> str:  # noqa: ANN001
    """OK the dialog; wait for its save and the list read again."""
    with qtbot.waitSignal(box.sig_done, timeout=20000) as done:
        dialog.accept()
    qtbot.waitUntil(lambda: box.runner.pending == 0, timeout=10000)
    return done.args[0]


def _act(qtbot, box: AccountsBox, action) -> str:  # noqa: ANN001
    with qtbot.waitSignal(box.sig_done, timeout=20000) as done:
        assert action() is not False
    qtbot.waitUntil(lambda: box.runner.pending == 0, timeout=10000)
    return done.args[0]


def _select(box: AccountsBox, username: str) -> accounts.AccountInfo:
    row = next(r for r in range(box.model.rowCount()) if box.model.item(r, COL_USER).text() == username)
    box.view.selectRow(row)
    info = box.selected()
    assert info is not None and info.username == username
    return info


def _account(db, username: str) -> accounts.AccountInfo:  # noqa: ANN001
    return next(a for a in accounts.list_accounts(db) if a.username == username)


def _cell(box: AccountsBox, username: str, col: int) -> str:
    row = next(r for r in range(box.model.rowCount()) if box.model.item(r, COL_USER).text() == username)
    return box.model.item(row, col).text()


def _shown_parts(box: AccountsBox) -> dict[str, bool]:
    return {"create": box.create_admin_button.isVisibleTo(box), "list": box.view.isVisibleTo(box),
            **{b.text(): b.isVisibleTo(box) for b in box.manage_buttons}}


def test_no_accounts_then_the_first_admin(qtbot, db, runner, settle, shown) -> None:  # noqa: ANN001
    box = _box(qtbot, db, runner, settle)
    assert box.note.text() == ("Chưa có tài khoản: ai mở chương trình cũng có mọi quyền. Tạo quản trị viên để mỗi "
                               "người đăng nhập bằng tài khoản của mình.")
    assert _shown_parts(box) == {"create": True, "list": False, "Thêm tài khoản…": False,
                                 "Đặt lại mật khẩu…": False, "Mở khóa": False, "Khóa tài khoản": False,
                                 "Đổi vai trò…": False}
    dialog = _fill(box.create_admin(), username="QuanTri", name="Vì Văn Quản", password=ADMIN_PW,
                   again="quan-tri-khac-han-9")
    qtbot.addWidget(dialog)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)  # refused in the worker, the dialog kept
    assert shown[-1] == "Hai lần nhập mật khẩu không giống nhau." and dialog.isVisible()
    assert not accounts.exist(db)
    _fill(dialog, again="ngan", password="ngan")
    dialog.accept()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    assert shown[-1] == "Mật khẩu cần ít nhất 8 ký tự." and not accounts.exist(db)  # the service's words
    _fill(dialog, password=ADMIN_PW, again=ADMIN_PW)
    with qtbot.waitSignal(box.sig_first_admin, timeout=20000) as made:
        message = _submit(qtbot, box, dialog)
    assert made.args[0].username == "quantri" and made.args[0].role == "admin"
    assert message.startswith("Đã tạo quản trị viên quantri") and shown[-1] == message and not dialog.isVisible()
    assert accounts.exist(db) and not db.locked and db.user == "quantri" and db.role == "admin"
    [admin] = accounts.list_accounts(db)
    assert (admin.display_name, admin.must_change) == ("Vì Văn Quản", False)
    assert box.model.rowCount() == 1 and _cell(box, "quantri", COL_ROLE) == roles.label("admin")
    assert _cell(box, "quantri", COL_STATE) == "đang dùng" and _cell(box, "quantri", COL_LOGIN) == "chưa đăng nhập"
    assert box.note.text().startswith("Đang đăng nhập: quantri.")
    parts = _shown_parts(box)
    assert not parts.pop("create") and all(parts.values())
    assert box.add_button.isEnabled() and not box.reset_button.isEnabled()  # nothing chosen yet
    assert accounts.login(db, "quantri", ADMIN_PW).username == "quantri"


def test_the_admin_manages_a_staff_account(qtbot, db, runner, settle, shown, answers) -> None:  # noqa: ANN001
    accounts.create_first_admin(db, "quantri", "Vì Văn Quản", ADMIN_PW)
    box = _box(qtbot, db, runner, settle)
    dialog = box.add_account()
    assert dialog is not None
    qtbot.addWidget(dialog)
    role = dialog.widgets["role"]
    assert [role.itemData(i) for i in range(role.count())] == list(roles.roles_for(False))  # type: ignore[attr-defined]
    assert role.currentData() == "staff"  # type: ignore[attr-defined]
    _fill(dialog, username="TiepDan", name="Lò Thị Tiếp", password=STAFF_PW, again=STAFF_PW)
    message = _submit(qtbot, box, dialog)
    assert message.startswith("Đã thêm tài khoản tiepdan (Cán bộ, công chức") and shown[-1] == message
    staff = _account(db, "tiepdan")
    assert (staff.display_name, staff.role, staff.must_change, staff.disabled) == ("Lò Thị Tiếp", "staff", True, False)
    assert box.model.rowCount() == 2 and _cell(box, "tiepdan", COL_STATE) == "phải đổi mật khẩu"
    assert _cell(box, "tiepdan", COL_ROLE) == roles.label("staff")
    again = _fill(box.add_account(), username="tiepdan", name="", password=STAFF_PW, again=STAFF_PW)
    qtbot.addWidget(again)
    again.accept()
    qtbot.waitUntil(lambda: shown[-1] == "Đã có tài khoản “tiepdan”.", timeout=10000)  # the service's refusal
    assert again.isVisible() and len(accounts.list_accounts(db)) == 2
    again.reject()

    # a forgotten password: the admin sets a new one, to be changed at the next login
    _select(box, "tiepdan")
    assert box.reset_button.isEnabled() and not box.unlock_button.isEnabled()
    reset = _fill(box.reset_selected(), password=NEW_PW, again=NEW_PW)
    qtbot.addWidget(reset)
    assert reset.windowTitle() == "Đặt lại mật khẩu cho tiepdan"
    message = _submit(qtbot, box, reset)
    assert message == "Đã đặt lại mật khẩu của tiepdan. Người này phải đổi mật khẩu ở lần đăng nhập sau."
    with pytest.raises(KnownError):
        accounts.login(db, "tiepdan", STAFF_PW)
    logged = accounts.login(db, "tiepdan", NEW_PW)
    assert logged.must_change and db.user == "tiepdan"
    accounts.login(db, "quantri", ADMIN_PW)
    settle(runner)
    box.reload()
    settle(runner)
    last = datetime.fromisoformat(_account(db, "tiepdan").last_login).astimezone(accounts_box.VN)
    assert _cell(box, "tiepdan", COL_LOGIN) == last.strftime("%d/%m/%Y %H:%M")  # dd/mm/yyyy HH:MM, UTC+7

    # disabled (after a confirmation), then enabled again
    _select(box, "tiepdan")
    assert box.disable_button.text() == "Khóa tài khoản"
    answers["yes"] = False
    assert not box.toggle_selected() and not _account(db, "tiepdan").disabled
    assert "Khóa tài khoản tiepdan (Lò Thị Tiếp)?" in answers["questions"][-1]
    answers["yes"] = True
    assert _act(qtbot, box, box.toggle_selected) == "Đã khóa tài khoản tiepdan."
    assert _account(db, "tiepdan").disabled and _cell(box, "tiepdan", COL_STATE) == "đã khóa"
    with pytest.raises(KnownError, match="đã bị khóa bởi quản trị viên"):
        accounts.login(db, "tiepdan", NEW_PW)
    assert box.selected() is not None and box.disable_button.text() == "Mở lại"  # the choice kept
    asked = len(answers["questions"])
    assert _act(qtbot, box, box.toggle_selected) == "Đã mở lại tài khoản tiepdan."
    assert len(answers["questions"]) == asked  # giving access back asks nothing
    assert not _account(db, "tiepdan").disabled and box.disable_button.text() == "Khóa tài khoản"

    # five wrong passwords lock it; the admin unlocks it at once
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(KnownError):
            accounts.login(db, "tiepdan", "sai-mat-khau-roi")
    assert db.user == "quantri"  # a refused login leaves the admin's
    box.reload()
    settle(runner)
    locked = _account(db, "tiepdan")
    until = datetime.fromisoformat(locked.locked_until).astimezone(accounts_box.VN).strftime("%H:%M")
    assert _cell(box, "tiepdan", COL_STATE) == f"tạm khóa đến {until}"
    assert box.unlock_button.isEnabled()  # the choice kept across the reload
    assert _act(qtbot, box, box.unlock_selected) == "Đã mở khóa tiepdan."
    assert _account(db, "tiepdan").locked_until == "" and not box.unlock_button.isEnabled()
    assert _cell(box, "tiepdan", COL_STATE) == "phải đổi mật khẩu"
    assert accounts.login(db, "tiepdan", NEW_PW).username == "tiepdan"
    accounts.login(db, "quantri", ADMIN_PW)

    # a role change, after a confirmation
    info = _select(box, "tiepdan")
    dialog = _fill(box.change_role_selected(), role="leader")
    qtbot.addWidget(dialog)
    answers["yes"] = False
    with qtbot.waitSignal(box.sig_done, timeout=10000) as declined:
        dialog.accept()
    assert declined.args[0] == "" and _account(db, "tiepdan").role == "staff"
    assert "từ “Cán bộ, công chức (nhập liệu)” sang “Lãnh đạo UBND xã (ký số, xem đủ số định danh)”" in answers["questions"][-1]
    answers["yes"] = True
    assert _select(box, "tiepdan") == info
    dialog = _fill(box.change_role_selected(), role="leader")
    qtbot.addWidget(dialog)
    assert _submit(qtbot, box, dialog) == "Vai trò của tiepdan nay là “Lãnh đạo UBND xã (ký số, xem đủ số định danh)”."
    assert _account(db, "tiepdan").role == "leader" and _cell(box, "tiepdan", COL_ROLE) == roles.label("leader")
    assert accounts.login(db, "tiepdan", NEW_PW).role == "leader"


def test_the_last_admin_is_kept(qtbot, db, runner, settle, shown, answers) -> None:  # noqa: ANN001
    accounts.create_first_admin(db, "quantri", "Vì Văn Quản", ADMIN_PW)
    accounts.add(db, "tiepdan", "Lò Thị Tiếp", "staff", STAFF_PW)
    box = _box(qtbot, db, runner, settle)
    info = _select(box, "quantri")
    assert _act(qtbot, box, box.toggle_selected) == ""
    assert "Đây là tài khoản bạn đang đăng nhập." in answers["questions"][-1]
    assert shown[-1] == "Không tự khóa tài khoản mình đang dùng." and not _account(db, "quantri").disabled
    assert _act(qtbot, box, lambda: box.change_role(info, "staff")) == ""
    assert "không còn quản lý được tài khoản" in answers["questions"][-1]
    assert shown[-1] == "Phải còn ít nhất một quản trị viên." and _account(db, "quantri").role == "admin"
    assert accounts.login(db, "quantri", ADMIN_PW).role == "admin"


def test_a_staff_login_sees_no_list(qtbot, db, runner, settle, shown) -> None:  # noqa: ANN001
    accounts.create_first_admin(db, "quantri", "Vì Văn Quản", ADMIN_PW)
    accounts.add(db, "tiepdan", "Lò Thị Tiếp", "staff", STAFF_PW)
    accounts.login(db, "tiepdan", STAFF_PW)
    box = _box(qtbot, db, runner, settle)
    assert box.note.text() == "Chỉ quản trị viên mới quản lý được tài khoản người dùng."
    assert not any(_shown_parts(box).values()) and box.model.rowCount() == 0 and shown == []
    assert box.add_account() is None and box.reset_selected() is None and not box.toggle_selected()
    with pytest.raises(KnownError):
        accounts.list_accounts(db)  # what the box did not ask for


def test_english_labels_and_the_province_roles(qtbot, bare_db, runner, settle, qapp) -> None:  # noqa: ANN001
    province.init(bare_db, NEW_PW)
    accounts.create_first_admin(bare_db, "tinh", "Cầm Văn Tỉnh", ADMIN_PW)
    qapp.setProperty("papi_lang", "en")
    box = _box(qtbot, bare_db, runner, settle)
    assert _cell(box, "tinh", COL_ROLE) == "Province administrator"
    dialog = box.add_account()
    assert dialog is not None
    qtbot.addWidget(dialog)
    role = dialog.widgets["role"]
    assert [role.itemData(i) for i in range(role.count())] == ["province_officer", "province_admin"]  # type: ignore[attr-defined]
    assert role.itemText(0) == "Province officer (read, consolidate)"  # type: ignore[attr-defined]
    dialog.reject()
