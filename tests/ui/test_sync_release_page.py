"""The province's Đồng bộ page releases a held bundle early (issue 10 §4): the waiting tab shows it with
its reason; "Áp dụng sớm gói đang giữ…" on the selected row applies it in the worker, the tab empties
and the page says how many changes were gone without; with nothing selected it says what to choose."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_world import PASS, Commune, Province, at, chained

from papi_desktop import paths
from papi_desktop.services import sync_release
from papi_desktop.ui.views.sync_commune import CommuneSync
from papi_desktop.ui.views.sync_page import SyncPage
from papi_desktop.ui.views.sync_province import ProvinceSync
from papi_desktop.ui.workers import JobRunner


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[Province, dict, Commune]]:
    prov = Province(tmp_path / "province")
    pc = Commune(tmp_path / "pc", prov)
    staging = prov.copy_to(tmp_path / "staging")
    bundles = chained(pc, staging, tmp_path)
    receiver = prov.receiver()
    prov.import_with(receiver, *bundles["x1"][1])
    (got,) = prov.import_with(receiver, *bundles["x3"][1])
    assert got.status == "held"
    yield prov, bundles, pc
    for db in (prov.db, staging.db, pc.db):
        db.dispose()
    paths.set_override(None)


def _page(qtbot, db, folder: Path) -> SyncPage:  # noqa: ANN001
    paths.set_override(folder)  # the worker resolves this installation's folders per call
    page = SyncPage(db, JobRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        pass
    return page


def test_release_from_the_waiting_tab(qtbot, held, shown) -> None:  # noqa: ANN001
    prov, bundles, _pc = held
    page = _page(qtbot, prov.db, prov.dir)
    view = page.view
    assert isinstance(view, ProvinceSync) and view.release_button.isEnabled()
    assert view.tabs.tabText(2) == "Gói chờ xử lý (1)" and view.waiting_model.row_id(0) == bundles["x3"][0]
    assert "Còn thiếu thay đổi số" in view.waiting_model.cell(0, 5)

    view.release(reason="thử", passphrase=PASS)  # nothing selected: says what to choose, does nothing
    assert "Hãy chọn gói đang giữ" in shown[-1] and view.tabs.currentWidget() is view.waiting_view

    view.waiting_view.selectRow(0)
    with qtbot.waitSignal(page.sig_done, timeout=30000, check_params_cb=lambda a, _r: a == "release") as done:
        view.release(reason="USB của xã bị mất", passphrase=PASS)
    qtbot.waitUntil(lambda: not page._reading and not view.jobs.busy, timeout=30000)  # noqa: SLF001
    first, last = bundles["x2"][2]
    assert done.args[1].summary.status == "applied"
    assert shown[-1].startswith(f"Đã áp dụng gói {bundles['x3'][0][:8]}, bỏ qua {last - first + 1} thay đổi")
    assert view.tabs.tabText(2) == "Gói chờ xử lý (0)"
    with at(prov.dir):
        assert [w.bundle_id for w in sync_release.waivers(prov.db)] == [bundles["x3"][0]]
    page.runner.shutdown()


def test_the_commune_page_offers_the_same_release(qtbot, held, shown) -> None:  # noqa: ANN001
    """A PC's waiting tab holds its siblings' bundles: the same action, the same service (tested above)."""
    _prov, _bundles, pc = held
    page = _page(qtbot, pc.db, pc.dir)
    view = page.view
    assert isinstance(view, CommuneSync) and view.release_button.isEnabled()  # no accounts: anyone
    view.release(reason="thử", passphrase="khong-can")
    assert "Hãy chọn gói đang giữ" in shown[-1] and view.tabs.currentWidget() is view.waiting_view
    page.runner.shutdown()
