"""The province's conflict queue (issue 10 §7), on real installations (tests/sync_world.py): two PCs of
one commune edit the same field, both send their bundles to the province, and the province's Đồng bộ
page lists the conflict with the commune, both values and the PC that sent second; choosing a value
in the page's worker resolves it in the province's copy. The commune's home screen reminds it of a
reporting deadline near while the province lacks its changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from conflict_world import two_pcs_one_note
from periods_copy import one_period, today_vn
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select
from sync_world import Commune, Province, at

from papi_desktop import i18n, paths
from papi_desktop.services import conflicts, hub_sync, local_settings, sync_board
from papi_desktop.storage.models import TaskState
from papi_desktop.storage.sync_state import Enrolment
from papi_desktop.ui.views.home_page import HomePage
from papi_desktop.ui.views.sync_page import SyncPage
from papi_desktop.ui.views.sync_province import ProvinceSync
from papi_desktop.ui.widgets import sync_widgets as sw
from papi_desktop.ui.workers import JobRunner

NAVIGATION_WIDTH = 194  # the window's list of pages, beside the page

@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Province, Commune, Commune, Path]]:
    """The province has both PCs' bundles: PC B joined from A's data, then each edited one task's note."""
    root = tmp_path_factory.mktemp("province-conflicts")
    prov = Province(root / "province")
    a, b = two_pcs_one_note(root, prov)
    for pc in (a, b):  # A's bundle first, then B's
        sent = pc.export(root / f"usb-{pc.dir.name}")
        assert sent is not None
        for summary in prov.import_(*sent.files):
            assert summary.status == "applied", summary.reasons
    yield prov, a, b, root
    for db in (prov.db, a.db, b.db):
        db.dispose()


@pytest.fixture(autouse=True)
def no_override() -> Iterator[None]:
    yield
    paths.set_override(None)


def test_the_province_board_holds_the_conflict(world) -> None:  # noqa: ANN001
    prov, a, b, _root = world
    with at(prov.dir):
        board = sync_board.province_board(prov.db)
    (row,) = board.conflicts
    assert (row.unit_code, row.field, row.remote_device) == ("03985", "note", b.device)
    assert (row.local, row.remote) == ("Ghi chú của máy A", "Ghi chú của máy B")
    assert row.table_name == "task_state" and row.record_label  # named by its task
    assert row.shown == "remote"  # B's edit is the later one: it shows until someone chooses
    assert a.device != b.device


def _province_page(qtbot, prov: Province) -> tuple[SyncPage, ProvinceSync]:  # noqa: ANN001
    paths.set_override(prov.dir)  # the worker resolves this installation's folders per call
    page = SyncPage(prov.db, JobRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        pass
    assert isinstance(page.view, ProvinceSync)
    return page, page.view


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_header_of_the_province_queue_reads_whole(qtbot, qapp, world, lang) -> None:  # noqa: ANN001
    """In a 1366 px window (the page 1172 px wide beside the list of pages) and a 1280 px one, in both
    languages (before the next test resolves the conflict): no header cut, no column off the view, the
    record taking what is left."""
    prov, _a, _b, _root = world
    i18n.install(qapp, lang)
    qapp.setProperty("papi_lang", lang)
    page, view = _province_page(qtbot, prov)
    view.tabs.setCurrentWidget(view.conflicts)
    table = view.conflicts.view
    header = table.horizontalHeader()
    for width in (1366 - NAVIGATION_WIDTH, 1280 - NAVIGATION_WIDTH):
        page.resize(width, 560)
        page.show()
        qtbot.waitUntil(lambda w=width: page.width() == w)
        qtbot.wait(20)
        assert table.model().rowCount() == 1
        for col in range(table.model().columnCount()):
            name = table.model().headerData(col, Qt.Orientation.Horizontal)
            assert table.columnWidth(col) >= header.sectionSizeHint(col), f"{name!r} is cut at {width} px"
            right = table.columnViewportPosition(col) + table.columnWidth(col)
            assert right <= table.viewport().width(), f"{name!r} is off the view at {width} px"
        assert table.columnWidth(1) >= 180  # the record, the widest text, has room to wrap in
    page.runner.shutdown()


def test_the_province_page_lists_the_conflict_and_a_choice_resolves_it(qtbot, world, monkeypatch) -> None:  # noqa: ANN001
    prov, _a, b, _root = world
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    page, view = _province_page(qtbot, prov)
    queue = view.conflicts
    assert view.tabs.tabText(3) == "Xung đột (1)" and view.tabs.widget(3) is queue
    (open_,) = conflicts.open_conflicts(prov.db)
    # B joined after A: the commune's second PC, named so once the enrolments are read in the worker.
    qtbot.waitUntil(lambda: queue.model.cell(0, 5) == "Máy 2", timeout=10000)
    cells = [queue.model.cell(0, c) for c in range(7)]
    assert cells[0] == "Xã Chiềng Sơn" and cells[1].startswith("Tiến độ nhiệm vụ của xã: ") and cells[2] == "Ghi chú"
    assert cells[3:] == ["Ghi chú của máy A", "Ghi chú của máy B", "Máy 2", "giá trị nhận sau"]
    tip = queue.model.data(queue.model.index(0, 5), Qt.ItemDataRole.ToolTipRole)
    with prov.db.reader() as s:
        issued = s.scalar(select(func.min(Enrolment.issued_at)).where(Enrolment.device == b.device))
    assert tip == f"Máy thứ 2 của xã được tỉnh cấp chứng thư, ngày {sw.when(issued)[:10]}. Mã máy: {b.device}"
    assert [queue.model.headerData(c, Qt.Orientation.Horizontal) for c in (3, 4)] == ["Giá trị nhận trước",
                                                                                       "Giá trị nhận sau"]
    assert queue.keep_local_button.isEnabled() and queue.keep_local_button.text() == "Giữ giá trị nhận trước"

    queue.view.selectRow(0)
    with qtbot.waitSignal(view.sig_done, timeout=20000, check_params_cb=lambda a, _r: a == "resolve"):
        queue.keep_local_button.click()
    qtbot.waitUntil(lambda: not page._reading and not view.jobs.busy, timeout=20000)  # noqa: SLF001
    assert conflicts.open_conflicts(prov.db) == [] and queue.model.rowCount() == 0
    with prov.db.reader() as s:
        assert s.get(TaskState, open_.record_id).note == "Ghi chú của máy A"  # the province's copy takes the choice
    assert view.result.text().startswith("Đã chọn giá trị nhận trước cho bản sao của tỉnh.")
    assert view.tabs.tabText(3) == "Xung đột (0)"
    page.runner.shutdown()


def test_the_home_screen_reminds_of_a_reporting_deadline(qtbot, world) -> None:  # noqa: ANN001
    _prov, a, _b, _root = world
    today = today_vn()
    due = today + dt.timedelta(days=4)
    one_period(a.dir, today - dt.timedelta(days=2), due)
    a.add_visit("Lò Thị Hiền")  # a change the province lacks, made before the due date
    paths.set_override(a.dir)
    runner = JobRunner()
    home = HomePage(a.db, runner=runner)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: home.sync_notice.isVisibleTo(home), timeout=10000)
    text = home.sync_notice.text()
    (deadline,) = [r for r in sync_board.reminders(a.db) if r.kind == "deadline"]
    assert deadline.period is not None and deadline.period.due == due and deadline.days == 4
    assert f"Báo cáo thử {due.year}" in text and f"hạn gửi dữ liệu cho tỉnh là ngày {due:%d/%m/%Y} (còn 4 ngày)" in text
    assert deadline.changes == sync_board.status_line(a.db).pending  # the number the status bar shows
    assert f"tỉnh chưa nhận {deadline.changes} thay đổi trên máy này" in text
    # No hub address: a USB stick only. The page is named once, and that name is the link.
    assert text.endswith("Hãy ghi ra USB ở <a href='sync'>trang Đồng bộ</a>.")
    assert text.count("Đồng bộ") == 1 and "qua mạng" not in text
    with qtbot.waitSignal(home.sig_open) as opened:
        home.sync_notice.linkActivated.emit("sync")
    assert opened.args == ["sync", ""]

    local_settings.write(a.db, hub_sync.URL_KEY, "https://hub.tinh.example.vn")  # the province gave its hub
    try:
        home.reload()
        qtbot.waitUntil(lambda: "qua mạng" in home.sync_notice.text(), timeout=10000)
        assert home.sync_notice.text().endswith("Hãy ghi ra USB hoặc đồng bộ qua mạng ở <a href='sync'>trang Đồng bộ</a>.")
    finally:
        local_settings.write(a.db, hub_sync.URL_KEY, "")
    runner.shutdown()
