"""The window by role (issue 13 §1): what the logged-in role may not do is disabled, with a tooltip and a
note naming the right and who has it, and stays disabled when a selection or a finished job would
enable it; the roles that may find it enabled. Real pages on a real database with accounts, read through
the database worker (the services refuse anyway: tests/unit/test_role_checks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from office import ADMIN_PW, BACKUP_PW, LEADER_PW, SETTINGS, STAFF_PW, make_office
from PySide6.QtCore import Qt
from sync_world import Province, at

from papi_desktop.services import accounts, backup
from papi_desktop.ui.views.backup_dialog import BackupDialog
from papi_desktop.ui.views.province_overview import ProvinceOverviewPage
from papi_desktop.ui.views.reports_page import ReportsPage
from papi_desktop.ui.views.settings_page import SettingsPage
from papi_desktop.ui.views.sync_province import ProvinceSync

SETTINGS_REFUSED = "không có quyền " + SETTINGS


@pytest.fixture
def office(db):  # noqa: ANN001, ANN201
    return make_office(db)


def _settings(qtbot, db, runner, settle) -> SettingsPage:  # noqa: ANN001
    page = SettingsPage(db, runner)
    qtbot.addWidget(page)
    settle(runner)
    return page


def _settings_controls(page: SettingsPage) -> list:
    return [page.keys.create_button, page.keys.import_button, page.keys.trust_button, page.trust.import_button,
            page.sign_images.seal_button, page.sign_images.signature_button, page.sign_images.module_save,
            page.villages.add_button, page.villages.loudspeaker, page.villages.portal, page.save_profile_button,
            page.chairman]


def test_a_staff_member_sees_the_settings_but_cannot_change_them(qtbot, office, runner, settle) -> None:  # noqa: ANN001
    accounts.login(office, "tiepdan", STAFF_PW)
    page = _settings(qtbot, office, runner, settle)
    for control in _settings_controls(page):
        assert not control.isEnabled(), control
        assert SETTINGS_REFUSED in control.toolTip() and "Quản trị" in control.toolTip()
    assert page.keys.gate.note().text() == "Chỉ xem: phần này chỉ Quản trị (tài khoản, cài đặt, khôi phục) thay đổi được."
    assert page.keys.create_button.toolTip().startswith("Tài khoản tiepdan (Cán bộ, công chức (nhập liệu)) không có")
    assert "Quản trị của tỉnh" not in page.keys.create_button.toolTip()  # a commune PC names the commune's roles
    village = page.villages.model.item(0)
    assert village is not None and village.checkState() == Qt.CheckState.Checked  # shown, not changed
    assert not village.isCheckable() and not village.isEditable()
    assert not page.personal_button.isEnabled() and "xóa dữ liệu cá nhân" in page.personal_button.toolTip()
    page.trust.trusted_view.selectRow(0)  # a selection enables removal, never past the role
    assert not page.trust.remove_button.isEnabled()
    assert page.keys.export_button.isEnabled() or page.keys.info is None  # reading stays open
    assert page.language.isEnabled() and page.backup_button.isEnabled()


def test_the_administrator_changes_them(qtbot, office, runner, settle) -> None:  # noqa: ANN001
    page = _settings(qtbot, office, runner, settle)  # logged in as the first admin
    assert all(c.isEnabled() for c in _settings_controls(page))
    assert page.villages.model.item(0).isCheckable() and page.personal_button.isEnabled()
    assert not page.keys.gate.note().isVisibleTo(page)


def test_signing_in_the_reports_page_is_the_leaders(qtbot, office, runner, settle) -> None:  # noqa: ANN001
    for user, password, may in (("tiepdan", STAFF_PW, False), ("quantri", ADMIN_PW, False),
                                ("chutich", LEADER_PW, True)):
        accounts.login(office, user, password)
        page = ReportsPage(office, runner)
        qtbot.addWidget(page)
        settle(runner)
        assert page.sign.isEnabled() is may and page.passphrase.isEnabled() is may, user
        assert page.export_button.isEnabled()  # an unsigned copy is anyone's
        if not may:
            assert "ký số văn bản" in page.sign.toolTip() and "Lãnh đạo UBND xã" in page.sign.toolTip()


def test_backups_by_role(qtbot, office, runner, settle) -> None:  # noqa: ANN001
    accounts.login(office, "tiepdan", STAFF_PW)
    dialog = BackupDialog(office, runner)
    qtbot.addWidget(dialog)
    settle(runner)
    assert not dialog.create_button.isEnabled() and SETTINGS_REFUSED in dialog.create_button.toolTip()  # no key yet
    assert "Quản trị viên đặt mật khẩu này" in dialog.key_label.text()
    accounts.login(office, "quantri", ADMIN_PW)
    backup.create(office, BACKUP_PW)
    accounts.login(office, "tiepdan", STAFF_PW)
    dialog = BackupDialog(office, runner)
    qtbot.addWidget(dialog)
    settle(runner)
    assert dialog.create_button.isEnabled() and dialog.model.rowCount() == 1  # the key exists: anyone backs up
    dialog.table.selectRow(0)
    assert dialog.verify_button.isEnabled() and not dialog.restore_button.isEnabled()
    assert "khôi phục từ bản sao lưu" in dialog.restore_button.toolTip()
    assert not dialog.usb_button.isEnabled()
    accounts.login(office, "quantri", ADMIN_PW)
    dialog = BackupDialog(office, runner)
    qtbot.addWidget(dialog)
    settle(runner)
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled() and dialog.usb_button.isEnabled()


def test_the_province_by_role(qtbot, runner, settle, tmp_path: Path) -> None:  # noqa: ANN001
    prov = Province(tmp_path / "province")
    try:
        with at(prov.dir):
            accounts.create_first_admin(prov.db, "tinh", "Cầm Văn Tỉnh", ADMIN_PW)
            accounts.add(prov.db, "sonoivu", "Lò Thị Sở", "province_officer", STAFF_PW)
            admin_sync, admin_view = ProvinceSync(prov.db, runner), ProvinceOverviewPage(prov.db, runner)
            accounts.login(prov.db, "sonoivu", STAFF_PW)
            officer_sync, officer_view = ProvinceSync(prov.db, runner), ProvinceOverviewPage(prov.db, runner)
            for w in (admin_sync, admin_view, officer_sync, officer_view):
                qtbot.addWidget(w)
            settle(runner)
            assert admin_sync.issue_button.isEnabled() and admin_sync.revoke_button.isEnabled()
            assert admin_sync.publish_button.isEnabled()
            assert not officer_sync.issue_button.isEnabled() and not officer_sync.revoke_button.isEnabled()
            assert "cấp, thu hồi chứng thư" in officer_sync.revoke_button.toolTip()
            assert not officer_sync.publish_button.isEnabled() and officer_sync.receive_button.isEnabled()
            # the consolidated report is signed: the officer's; the administrator does not sign
            assert officer_view.export_gate.allowed and not admin_view.export_button.isEnabled()
            assert "ký số văn bản" in admin_view.export_button.toolTip()
    finally:
        prov.db.dispose()
