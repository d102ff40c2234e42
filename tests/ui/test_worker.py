"""Issue 11 §5, never frozen: every database call the GUI makes runs on the one database worker, its
result is delivered on the GUI thread, a read a newer one made useless is not run, and the lazy table
keeps only the pages near where the view is (memory bounded however far it scrolls)."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget

from papi_desktop.services import petitions as ps
from papi_desktop.services import reception as rs
from papi_desktop.services import setup
from papi_desktop.storage.changelog import bulk_insert
from papi_desktop.storage.registers import Reception
from papi_desktop.ui.main_window import NAVIGATION, MainWindow
from papi_desktop.ui.models.lazy import KEEP_PAGES, PAGE
from papi_desktop.ui.models.reception_model import ReceptionTableModel
from papi_desktop.ui.workers import DB_THREAD, JobRunner, Latest

TODAY = date(2026, 11, 22)
UI = "/papi_desktop/ui/"


@pytest.fixture
def gui_thread_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every session or connection that code of papi_desktop/ui opens on the GUI thread, with the ui frame
    that asked (a test's own service calls, to set up or check data, are not the GUI's)."""
    from papi_desktop.storage.db import Database

    found: list[str] = []

    def guard(name: str) -> None:
        original = getattr(Database, name)

        @contextmanager
        def watched(self, *args, **kwargs) -> Iterator[object]:  # noqa: ANN001
            if threading.current_thread() is threading.main_thread():
                frames = [f for f in traceback.extract_stack() if UI in f.filename.replace("\\", "/")]
                if frames:
                    found.append(f"{name} from {frames[-1].filename.split(UI)[-1]}:{frames[-1].lineno} "
                                 f"({frames[-1].name})")
            with original(self, *args, **kwargs) as opened:
                yield opened

        monkeypatch.setattr(Database, name, watched)

    for name in ("session", "reader", "connection"):
        guard(name)
    return found


def _idle(qtbot, runner: JobRunner, timeout: int = 20000) -> None:  # noqa: ANN001
    qtbot.wait(5)  # the events already posted (a repaint asks for pages) are handled first
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=timeout)


def test_every_page_reads_in_the_worker(qtbot, bare_db, gui_thread_calls, shown) -> None:  # noqa: ANN001
    """The main window on the demo commune with petitions and visits: opening every page and each of its
    tabs, searching, a preview and going back home open no database session on the GUI thread."""
    setup.create_demo(bare_db, today=TODAY)
    ps.add_petition(bare_db, ps.PetitionInput(received_on=date(2026, 11, 2), content="Đề nghị sửa cầu treo",
                                              content_class="kien_nghi", sender="Lò Văn Tiến"))
    rs.add_reception(bare_db, rs.ReceptionInput(received_on=date(2026, 11, 10), citizens=[rs.CitizenInput("Cầm A")],
                                                summary="Hỏi chế độ", classes=["kien_nghi"]))
    window = MainWindow(bare_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=20000)
    for row, (key, _label) in enumerate(NAVIGATION):
        window.nav.setCurrentRow(row)
        page = window.page(key)
        _idle(qtbot, window.runner)
        for tabs in ([page] if isinstance(page, QTabWidget) else []) + page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                _idle(qtbot, window.runner)
    home = window.page("home")
    assert home.model.rowCount() > 0  # the due list arrived from the worker
    reception = window.page("reception")
    window.nav.setCurrentRow([k for k, _ in NAVIGATION].index("reception"))
    reception.period.setCurrentIndex(0)
    with qtbot.waitSignal(reception.sig_reloaded, timeout=5000):
        QTest.keyClicks(reception.search, "cam")
    qtbot.waitUntil(lambda: reception.model.data(reception.model.index(0, 2)) is not None, timeout=5000)
    reports = window.page("reports")
    reports.kind.setCurrentIndex(reports.kind.findData("papi-year"))
    with qtbot.waitSignal(reports.sig_previewed, timeout=30000):
        reports.show_preview()
    window.nav.setCurrentRow(0)
    _idle(qtbot, window.runner)
    assert gui_thread_calls == []
    assert shown == []  # and nothing went wrong on the way


def test_the_guard_sees_a_call_from_the_gui_thread(qtbot, db, gui_thread_calls) -> None:  # noqa: ANN001
    """The check above can fail: a lazy model with no runner reads on the GUI thread, and is caught."""
    model = ReceptionTableModel(lambda ids: rs.reception_rows(db, ids))
    model.set_ids(["x"])
    assert model.data(model.index(0, 0)) is None  # no such visit, but the page was read here
    assert gui_thread_calls and "models/lazy.py" in gui_thread_calls[0]


@dataclass(frozen=True)
class Row:
    id: str
    text: str


class Loader:
    """A fake page loader: records each page it was asked for and the thread that asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, ids: list[str]) -> list[Row]:
        self.gate.wait(10)
        self.calls.append((ids[0], threading.current_thread().name))
        return [Row(i, f"row {i}") for i in ids]


def _model(runner: JobRunner | None, loader: Loader, n: int) -> ReceptionTableModel:
    model = ReceptionTableModel(loader, runner=runner)
    model.COLUMNS = ("text",) * 9  # the fake rows have one field: every column shows it
    model.display = lambda record, col, for_sort: record.text  # type: ignore[method-assign]
    model.set_ids([str(i) for i in range(n)])
    return model


def test_pages_load_in_the_worker_and_arrive_on_the_gui_thread(qtbot, runner) -> None:  # noqa: ANN001
    loader = Loader()
    model = _model(runner, loader, 1000)
    assert model.data(model.index(5, 0)) is None  # asked for, not there yet: the view shows it empty
    with qtbot.waitSignal(model.sig_page_loaded, timeout=5000) as loaded:
        pass
    assert loaded.args == [0] and model.data(model.index(5, 0)) == "row 5"
    assert [name for _first, name in loader.calls] == [f"{DB_THREAD}_0"]
    changed: list[int] = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    model.invalidate("7")  # one record changed: its page is read again, the rows shown stay meanwhile
    assert model.data(model.index(7, 0)) == "row 7"
    _idle(qtbot, runner)
    assert len(loader.calls) == 2 and changed == [(0, PAGE - 1)]


def test_far_pages_are_dropped_while_scrolling(qtbot, runner) -> None:  # noqa: ANN001
    """100,000 rows scrolled from top to bottom: never more than KEEP_PAGES pages held, the ones near the
    view; scrolling back reads a dropped page again."""
    loader = Loader()
    model = _model(runner, loader, 100_000)
    while model.canFetchMore():
        model.fetchMore()
    pages = 100_000 // PAGE
    for page in range(pages):
        model.data(model.index(page * PAGE + 10, 0))  # what a view asks for as the rows come in sight
        if page % 25 == 0 or page == pages - 1:
            _idle(qtbot, runner)
        assert len(model.pages_held()) <= KEEP_PAGES
    _idle(qtbot, runner)
    held = model.pages_held()
    assert len(held) == KEEP_PAGES and held[-1] == pages - 1 and held[0] >= pages - 2 * KEEP_PAGES
    assert model.data(model.index(99_999, 0)) == "row 99999"
    assert model.data(model.index(3, 0)) is None  # dropped long ago: asked for again
    _idle(qtbot, runner)
    assert model.data(model.index(3, 0)) == "row 3" and 0 in model.pages_held()
    assert len(loader.calls) == pages + 1


def test_a_page_read_for_an_older_list_is_not_shown(qtbot, runner) -> None:  # noqa: ANN001
    loader = Loader()
    loader.gate.clear()  # the worker holds the first page while the user types on
    model = _model(runner, loader, 500)
    assert model.data(model.index(0, 0)) is None
    model.set_ids([f"new{i}" for i in range(300)])
    loader.gate.set()
    _idle(qtbot, runner)
    assert model.pages_held() == []  # the old page arrived and was dropped
    model.data(model.index(0, 0))
    _idle(qtbot, runner)
    assert model.data(model.index(0, 0)) == "row new0"


def test_latest_skips_a_superseded_read_and_delivers_only_the_newest(qtbot, runner) -> None:  # noqa: ANN001
    owner = QObject()
    latest = Latest(runner, owner)
    started = threading.Event()
    release = threading.Event()
    ran: list[str] = []
    got: list[str] = []

    def read(name: str, block: bool = False) -> Callable[[], str]:
        def job() -> str:
            if block:
                started.set()
                release.wait(10)
            ran.append(name)
            return name
        return job

    latest.submit(read("a", block=True), got.append)  # running: it finishes, but is not delivered
    assert started.wait(10)
    latest.submit(read("b"), got.append)  # queued, then superseded by c: never run
    latest.submit(read("c"), got.append)
    release.set()
    _idle(qtbot, runner)
    assert ran == ["a", "c"] and got == ["c"] and not latest.busy


def test_a_result_for_a_closed_page_is_dropped(qtbot, runner) -> None:  # noqa: ANN001
    got: list[int] = []
    owner = QObject()
    release = threading.Event()
    runner.submit(lambda: release.wait(10) and 1, got.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=3000)
    release.set()
    _idle(qtbot, runner)
    assert got == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_scrolling_the_reception_book_keeps_memory_bounded(qtbot, db, runner) -> None:  # noqa: ANN001
    """The real page and view over 6,000 visits: scrolled to the end, the model holds KEEP_PAGES pages at
    most, read in the worker, and the rows in sight show their data."""
    from papi_desktop.ui.views.reception_page import ReceptionPage

    rows = [{"received_on": date(2026, 1, 1 + i % 28), "summary": f"Việc {i}", "classes": "kien_nghi",
             "search_text": f"viec {i}"} for i in range(6000)]
    with db.session() as s:
        bulk_insert(s, Reception, rows)
    page = ReceptionPage(db, runner)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    with qtbot.waitSignal(page.sig_reloaded, timeout=5000):
        page.period.setCurrentIndex(0)  # all time
    bar, view, model = page.table.verticalScrollBar(), page.table, page.model
    while model.rowCount() < model.total() or bar.value() < bar.maximum():
        bar.setValue(bar.maximum())
        _idle(qtbot, runner)
        assert len(model.pages_held()) <= KEEP_PAGES
    last = view.rowAt(view.viewport().height() - 2)
    qtbot.waitUntil(lambda: model.data(model.index(last, ReceptionTableModel.COL_SUMMARY)) is not None, timeout=5000)
    assert last > 5900 and model.pages_held()[-1] == (model.total() - 1) // PAGE
    assert model.pages_loaded >= model.total() // PAGE  # every page was read once on the way down


def test_the_collector_spares_the_window_while_it_is_open(qtbot, db) -> None:  # noqa: ANN001
    """What lives as long as the window is frozen out of the cyclic collector once the plan is shown (its
    full walks held the worker's lock on the window for 200-400 ms), and given back when it closes."""
    import gc

    before = gc.get_threshold()
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ready, timeout=10000)
    assert gc.get_freeze_count() > 10_000 and gc.get_threshold()[0] == 10_000
    window.close()
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_the_first_run_set_up_writes_in_the_worker(qtbot, bare_db, runner, monkeypatch) -> None:  # noqa: ANN001
    """The set-up dialog at the program's start has the window's worker: the demo commune (a plan,
    progress, registers) is written there while the dialog stays responsive, its buttons off."""
    from papi_desktop.ui.views.setup_dialog import SetupDialog

    threads: list[str] = []
    real = setup.create_demo
    monkeypatch.setattr(setup, "create_demo", lambda db: threads.append(threading.current_thread().name) or real(db))
    dialog = SetupDialog(bare_db, runner=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_done, timeout=20000):
        dialog.demo_button.click()
        assert not dialog.demo_button.isEnabled() and not dialog.start_button.isEnabled()
    assert threads == [f"{DB_THREAD}_0"] and setup.get_profile(bare_db).is_demo
    assert dialog.result() == 1 and dialog.demo_button.isEnabled()
