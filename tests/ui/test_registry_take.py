"""The commune's Đồng bộ page moves the registers to this PC (issue 10 §1): "Nhận vai trò giữ sổ cho máy
này…" shows on a PC that does not keep them; its dialog says what it means and wants a reason; the
take-over runs in the worker and the page reads the role again. A number the old registry PC gives
afterwards shows as a warning on the page. A staff member sees the button disabled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from office import SETTINGS, STAFF_PW, make_office
from sync_world import Commune, Province, at

from papi_desktop import paths
from papi_desktop.services import accounts, registry, reports
from papi_desktop.ui.views.sync_commune import CommuneSync
from papi_desktop.ui.views.sync_page import SyncPage
from papi_desktop.ui.workers import JobRunner

DAY = date(2026, 6, 5)


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Commune, Commune, Path]]:
    prov = Province(tmp_path / "province")
    a = Commune(tmp_path / "pc-a", prov)
    b = Commune(tmp_path / "pc-b", prov, join=True)
    a.add_peer(b.card(tmp_path / "b.card.papi"))
    b.add_peer(a.card(tmp_path / "a.card.papi"))
    yield a, b, tmp_path
    for db in (prov.db, a.db, b.db):
        db.dispose()
    paths.set_override(None)


def _report(pc: Commune, out: Path) -> str:
    request = reports.ExportRequest("petitions", reports.resolve_period("petitions", "2026-H1", today=DAY), DAY)
    with at(pc.dir):
        return reports.export(pc.db, request, out, None, DAY).number_ref


def _page(qtbot, db, folder: Path) -> SyncPage:  # noqa: ANN001
    """The page of the installation in folder (the worker resolves its folders per call), read."""
    paths.set_override(folder)
    page = SyncPage(db, JobRunner())
    qtbot.addWidget(page)
    _idle(qtbot, page)
    return page


def _idle(qtbot, page: SyncPage) -> None:  # noqa: ANN001
    """Until the state and the role are read and no action runs."""
    def quiet() -> bool:
        view = page.view
        return isinstance(view, CommuneSync) and not page._reading and not view.jobs.busy \
            and not view._role_read.running  # noqa: SLF001

    qtbot.waitUntil(quiet, timeout=30000)


def test_the_button_takes_the_registers_and_the_page_warns_of_the_old_pcs_numbers(qtbot, two, shown) -> None:  # noqa: ANN001
    a, b, root = two
    first = _report(a, root / "a-report")
    b.import_(*a.export(root / "a-to-b", peer=b.device).files)
    page = _page(qtbot, b.db, b.dir)
    view = page.view
    assert isinstance(view, CommuneSync)
    assert view.take_button.isVisibleTo(view) and view.take_button.isEnabled()  # no accounts: anyone
    assert "KHÔNG giữ sổ" in view.role.text() and view.registry_warning.isHidden()

    view.take_button.click()
    dialog = view.take_dialog
    assert dialog is not None and dialog.isVisible() and b.device in dialog.findChild(type(view.role)).text()
    dialog.ok_button.click()  # no reason: refused, the dialog stays
    assert shown[-1] == "Hãy ghi lý do nhận vai trò giữ sổ." and dialog.isVisible()
    dialog.reason.setText("Máy A hỏng ổ cứng")
    with qtbot.waitSignal(page.sig_done, timeout=30000, check_params_cb=lambda a_, _r: a_ == "registry") as done:
        dialog.ok_button.click()
    _idle(qtbot, page)
    assert done.args[1].role.keeps and registry.is_registry(b.db)
    year = reports.today_vn().year  # the message names this year's next number: after A's when it is 2026
    assert f"Số văn bản đi tiếp theo năm {year}: {int(first.split('/')[0]) + 1 if year == 2026 else 1:02d}." in shown[-1]
    assert "GIỮ SỔ của xã" in view.role.text() and view.take_button.isHidden() and view.registry_warning.isHidden()

    # A, not told, numbers again and sends it: the page says two PCs keep the registers.
    second = _report(a, root / "a-report-2")
    b.import_(*a.export(root / "a-to-b-2", peer=b.device).files)
    page.reload()
    _idle(qtbot, page)
    assert not view.registry_warning.isHidden()
    warning = view.registry_warning.text()
    assert warning.startswith("Cảnh báo: máy khác cũng cấp số của xã") and "(1 số)" in warning
    assert f"văn bản đi {second} (2026)" in warning and a.device in warning
    page.runner.shutdown()


def test_a_staff_member_sees_the_button_disabled(qtbot, db, data_dir, shown) -> None:  # noqa: ANN001
    office = make_office(db)
    registry.set_registry(office, False, "thử")  # as the administrator
    accounts.login(office, "tiepdan", STAFF_PW)
    page = _page(qtbot, office, data_dir)
    view = page.view
    assert view.take_button.isVisibleTo(view) and not view.take_button.isEnabled()
    assert SETTINGS in view.take_button.toolTip()
    page.runner.shutdown()
