"""The Đồng bộ page over the network, offscreen, against a real hub process: the address the province
gave shows, "Đồng bộ ngay qua mạng" sends in the database worker and the receipt marks it sent; the
automatic sync probes a hub that is down without blocking, says so, and sends by itself once the hub
is back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hub_world import HubProcess
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sync_world import COMMUNE_PASS, Commune, Province, at

from papi_desktop import paths
from papi_desktop.services import province, sync
from papi_desktop.ui.views.sync_commune import CommuneSync
from papi_desktop.ui.views.sync_page import SyncPage
from papi_desktop.ui.widgets import sync_widgets
from papi_desktop.ui.workers import JobRunner


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, HubProcess]]:
    root = tmp_path_factory.mktemp("hub-page")
    prov = Province(root / "province")
    hub = HubProcess(prov.dir)
    with at(prov.dir):
        province.set_hub_url(prov.db, hub.url)  # before enrolment: the package carries it
    a = Commune(root / "pc-a", prov)
    yield prov, a, hub
    hub.stop()
    for db in (prov.db, a.db):
        db.dispose()


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: texts.append(self.text()) or 0)
    monkeypatch.setattr(sync_widgets, "ask_passphrase", lambda *_a, **_k: COMMUNE_PASS)
    return texts


def _page(qtbot, pc: Commune) -> SyncPage:  # noqa: ANN001
    paths.set_override(pc.dir)
    page = SyncPage(pc.db, JobRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        pass
    assert isinstance(page.view, CommuneSync)
    return page


@pytest.fixture(autouse=True)
def no_override() -> Iterator[None]:
    yield
    paths.set_override(None)


def test_sync_now_over_the_network(qtbot, world, quiet) -> None:  # noqa: ANN001
    _prov, a, hub = world
    page = _page(qtbot, a)
    view = page.view
    assert view.hub_label.text() == hub.url
    assert view.net_button.isEnabled() and view.net_state.text() == "Chưa đồng bộ qua mạng lần nào."
    assert sync.pending(a.db)
    with qtbot.waitSignal(page.sig_done, timeout=120000, check_params_cb=lambda a_, _r: a_ == "network") as done:
        view.net_button.click()
    assert done.args[1] is not None and done.args[1].sent["status"] == "applied"
    assert not sync.pending(a.db)  # the receipt came back over HTTP and marked everything
    assert quiet and "Đã gửi gói dữ liệu: " in quiet[-1]
    qtbot.waitUntil(lambda: view.net_state.text().startswith("Lần gần nhất: "), timeout=20000)
    page.runner.shutdown()


def test_automatic_sync_waits_for_the_hub_and_then_sends(qtbot, world, quiet) -> None:  # noqa: ANN001
    _prov, a, hub = world
    a.add_visit("Lò Thị Hoa")
    hub.kill()  # the province's server is down (or the commune offline)
    page = _page(qtbot, a)
    view = page.view
    auto = view.autosync
    auto.first_retry_ms = 300
    states: list[str] = []
    auto.sig_state.connect(lambda state, _d: states.append(state))
    with qtbot.waitSignal(auto.sig_state, timeout=30000, check_params_cb=lambda s, _d: s == "offline"):
        view.auto_box.setChecked(True)
    assert view.net_state.text().startswith("Chưa kết nối được máy chủ tỉnh")
    assert sync.pending(a.db)
    hub.start()  # the same port again
    with qtbot.waitSignal(auto.sig_state, timeout=120000, check_params_cb=lambda s, _d: s == "done"):
        pass
    assert not sync.pending(a.db)
    assert states.count("offline") >= 1 and "syncing" in states and "failed" not in states
    assert view.net_state.text().startswith("Đã đồng bộ lúc ")
    view.auto_box.setChecked(False)
    assert not auto.enabled and not auto.timer.isActive()
    auto.shutdown()
    page.runner.shutdown()


def test_a_wrong_passphrase_does_not_turn_automatic_sync_on(qtbot, world, quiet, monkeypatch) -> None:  # noqa: ANN001
    _prov, a, _hub = world
    page = _page(qtbot, a)
    view = page.view
    monkeypatch.setattr(sync_widgets, "ask_passphrase", lambda *_a, **_k: "sai-mat-khau-roi-2026")
    view.auto_box.setChecked(True)
    qtbot.waitUntil(lambda: not view.auto_box.isChecked(), timeout=60000)
    assert not view.autosync.enabled and quiet  # the error was shown; nothing kept
    page.runner.shutdown()


def test_the_status_bar_says_what_waits_and_follows_the_automatic_sync(qtbot, world, quiet) -> None:  # noqa: ANN001
    """The window's status line: the changes the province lacks and when they last went; the automatic
    sync's state while it runs; "Tỉnh đã nhận đủ" once the receipt came back; a click opens Đồng bộ."""
    from papi_desktop.ui.main_window import MainWindow

    _prov, a, _hub = world
    a.add_visit("Quàng Văn Pọm")
    paths.set_override(a.dir)  # after: add_visit's at() leaves none
    waiting = len(sync.pending(a.db))
    window = MainWindow(a.db)
    qtbot.addWidget(window)
    status = window.sync_status
    qtbot.waitUntil(lambda: status.line is not None, timeout=20000)
    assert status.text().startswith(f"{waiting} thay đổi tỉnh chưa nhận  ·  gửi lần cuối ")
    window.nav.setCurrentRow(0)
    qtbot.mouseClick(status, Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == window._row("sync")
    page = window.page("sync")
    qtbot.waitUntil(lambda: isinstance(page.view, CommuneSync), timeout=20000)
    auto = page.view.autosync
    auto.first_retry_ms = 300
    with qtbot.waitSignal(auto.sig_state, timeout=120000, check_params_cb=lambda s, _d: s == "done"):
        page.view.auto_box.setChecked(True)
    qtbot.waitUntil(lambda: status.text().startswith("Tỉnh đã nhận đủ  ·  gửi lần cuối "), timeout=20000)
    auto.sig_state.emit("offline", None)  # what a probe of a hub that is down says
    assert status.text().startswith("Chưa liên lạc được máy chủ tỉnh; sẽ thử lại  ·  Tỉnh đã nhận đủ")
    page.view.auto_box.setChecked(False)
    qtbot.waitUntil(lambda: status.text().startswith("Tỉnh đã nhận đủ"), timeout=20000)
    auto.shutdown()
    window.runner.shutdown()
