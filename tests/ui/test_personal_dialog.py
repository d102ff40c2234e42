"""Cài đặt's Xóa dữ liệu cá nhân… (issue 13 §3): a person's name finds the records that name them (the
identity number masked), the chosen one is erased after a confirmation naming it, with the reason
chosen, on the database worker; the service's refusal for a staff account is shown as worded."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from papi_desktop.services import accounts, audit
from papi_desktop.services.reception import CitizenInput, ReceptionInput, add_reception
from papi_desktop.storage.registers import ReceptionCitizen
from papi_desktop.ui.views import personal_dialog, settings_page
from papi_desktop.ui.views.personal_dialog import PersonalDataDialog

NAME = "Lò Văn Bình"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict:
    said: dict = {"questions": [], "yes": True}
    monkeypatch.setattr(personal_dialog, "ask", lambda _p, text, _t=None: said["questions"].append(text) or said["yes"])
    return said


def _visit(db) -> None:  # noqa: ANN001
    add_reception(db, ReceptionInput(received_on=date(2026, 3, 2), summary="Hỏi về đất", classes=["kien_nghi"],
                                     citizens=[CitizenInput(NAME, "Bản Mé", id_number="014071001234", birth_year=1971),
                                               CitizenInput("Cà Thị Xuân", "Bản Mé")]))


def _search(qtbot, dialog: PersonalDataDialog, name: str) -> int:  # noqa: ANN001
    dialog.search_edit.setText(name)
    with qtbot.waitSignal(dialog.sig_found, timeout=10000) as found:
        dialog.search_button.click()
    return found.args[0]


def test_a_leader_finds_and_erases_a_citizen(qtbot, db, runner, settle, shown, answers) -> None:  # noqa: ANN001
    _visit(db)
    dialog = PersonalDataDialog(db, runner)
    qtbot.addWidget(dialog)
    assert not dialog.erase_button.isEnabled()
    assert _search(qtbot, dialog, "binh") == 1
    assert [dialog.table.item(0, c).text() for c in range(4)] == [NAME, "*********234", "02/03/2026", "công dân được tiếp"]
    dialog.table.selectRow(0)
    assert dialog.erase_button.isEnabled()
    answers["yes"] = False
    assert not dialog.erase_selected()  # declined: nothing runs
    answers["yes"] = True
    dialog.reason.setCurrentIndex(dialog.reason.findData("consent_withdrawn"))
    with qtbot.waitSignal(dialog.sig_erased, timeout=10000) as erased:
        assert dialog.erase_selected()
    assert erased.args[0].startswith("Đã xóa dữ liệu cá nhân của công dân được tiếp")
    assert f"Xóa dữ liệu cá nhân của {NAME} (công dân được tiếp)?" in answers["questions"][-1]
    settle(runner)
    assert dialog.table.rowCount() == 0 and dialog.status.text() == "Không có bản ghi nào có tên này."
    with db.reader() as s:
        assert s.scalars(select(ReceptionCitizen.name).order_by(ReceptionCitizen.position)).all() == ["", "Cà Thị Xuân"]
    entry = audit.list_entries(db, audit.Filter("", "personal", None, None))[0]
    assert entry.detail["reason"] == "consent_withdrawn" and erased.args[0] in shown


def test_a_staff_account_is_refused(qtbot, db, runner, settle, shown, answers) -> None:  # noqa: ANN001
    _visit(db)
    accounts.create_first_admin(db, "quantri", "Vì Văn Quản", "quan-tri-xa-2026")
    accounts.add(db, "tiepdan", "Lò Thị Tiếp", "staff", "tiep-dan-xa-2026")
    accounts.login(db, "tiepdan", "tiep-dan-xa-2026")
    dialog = PersonalDataDialog(db, runner)
    qtbot.addWidget(dialog)
    assert _search(qtbot, dialog, "binh") == -1
    assert "không có quyền xóa dữ liệu cá nhân" in shown[-1] and dialog.table.rowCount() == 0


def test_the_settings_page_opens_it(qtbot, db, runner, settle) -> None:  # noqa: ANN001
    page = settings_page.SettingsPage(db, runner)
    qtbot.addWidget(page)
    settle(runner)
    dialog = page.personal_button.open_dialog()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Xóa dữ liệu cá nhân của công dân"
    dialog.close()
