"""The plan shown before the database is open (issue 11 §5): services.plan_snapshot reads the current
plan's tasks with sqlite3 alone, read-only, while the real opening (held back here with an Event through
app.start's open_database) is still to come; the window opens on those rows, not editable, and the real
plan page takes their place with the same rows. No preview when a login comes first, a migration is
pending, or the file is missing or damaged; and the reader (with the window's modules) loads no SQLAlchemy."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from papi_desktop import app, paths
from papi_desktop.domain.dates import format_vn
from papi_desktop.domain.status import STATUS_LABELS
from papi_desktop.services import accounts, plan_snapshot
from papi_desktop.services import plan as plan_service
from papi_desktop.storage import migrate
from papi_desktop.ui.main_window import MainWindow
from papi_desktop.ui.models.task_model import TaskTableModel
from papi_desktop.ui.views.placeholder import PlaceholderPage
from papi_desktop.ui.views.plan_page import PlanPage
from papi_desktop.ui.views.plan_preview import PlanPreview

ROOT = Path(__file__).resolve().parents[2]
RELEASE_0010 = ROOT / "tests" / "storage" / "releases" / "0.1.0-0010-commune.sqlite"
ARGS = argparse.Namespace(demo=False, quit_after_show=False, db=None)


def _expected(db) -> list[tuple[object, ...]]:  # noqa: ANN001
    """The task list as the real page's service reads it, in the preview's columns."""
    today = date.today()
    plan = plan_service.current_plan(db)
    assert plan is not None
    rows = plan_service.task_rows(db, plan_service.task_ids(db, plan_service.TaskFilter(plan_id=plan.id), today), today)
    return [(r.dimension, r.number, r.task, r.lead, r.deadline_text, r.next_due, r.shown_status) for r in rows]


def _texts(model, rows: int) -> list[list[str]]:  # noqa: ANN001
    return [[str(model.index(r, c).data() or "") for c in range(model.columnCount())] for r in range(rows)]


@pytest.fixture
def progressed(plan_db):  # noqa: ANN001, ANN201
    """The seed plan with some progress of the commune's own: one task in progress, one done, one
    milestone marked done (statuses and next deadlines the preview must show as the page does)."""
    plan = plan_service.current_plan(plan_db)
    assert plan is not None
    ids = plan_service.task_ids(plan_db, plan_service.TaskFilter(plan_id=plan.id), date.today())
    shown = {row.id: row.shown_status for row in plan_service.task_rows(plan_db, ids, date.today())}
    plan_service.update_task(plan_db, next(i for i in ids if shown[i] == "not_started"), status="in_progress")
    overdue = [i for i in ids if shown[i] == "overdue"]
    plan_service.update_task(plan_db, overdue[0], status="done")
    detail = plan_service.task_detail(plan_db, overdue[1], date.today())
    dated = [m for m in detail.milestones if m.due is not None]
    assert dated
    plan_service.set_milestone_done(plan_db, dated[0].id, date.today())
    return plan_db


def _started(qtbot, held: threading.Event) -> MainWindow:  # noqa: ANN001
    """The program's start (app.start, as app.run calls it) with the real opening held until held is set."""

    def open_held() -> app.Opened:
        assert held.wait(30)
        return app._open_in_background()  # noqa: SLF001

    window = app.start(ARGS, QApplication.instance(), app.read_preview(ARGS), open_held)
    qtbot.addWidget(window)
    return window


def _close(window: MainWindow) -> None:
    window.runner.shutdown()
    if window.db is not None:
        window.db.dispose()


def test_the_preview_shows_the_plan_then_the_real_page_takes_its_place(qtbot, progressed, settle) -> None:  # noqa: ANN001
    expected = _expected(progressed)
    assert {row[-1] for row in expected} == {"not_started", "in_progress", "done", "overdue"}
    progressed.dispose()  # the program opens the file itself
    held = threading.Event()
    window = _started(qtbot, held)
    qtbot.waitUntil(lambda: window.preview is not None, timeout=10000)
    preview = window.preview
    assert isinstance(preview, PlanPreview) and window.db is None  # the real opening has not run
    assert window.pages.currentWidget() is preview and window.nav.currentRow() == window._row("plan")  # noqa: SLF001
    model = preview.model
    got = [(r.dimension, r.number, r.task, r.lead, r.deadline_text, r.next_due, r.shown_status) for r in model.rows]
    assert got == expected and model.rowCount() == len(expected) == 28
    first = expected[0]
    assert _texts(model, 1)[0] == [str(first[0]), first[1], first[2], first[3], str(first[4]).replace("\n", " "),
                                   format_vn(first[5]), STATUS_LABELS[str(first[6])][0]]  # type: ignore[arg-type]
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == first[4]  # the whole text, as on the page
    assert model.flags(model.index(0, 2)) == Qt.ItemFlag.ItemIsEnabled  # neither editable nor selectable
    assert "Đang mở dữ liệu" in preview.notice.text() and preview.count_label.text() == "28 nhiệm vụ"
    assert preview.title.text().startswith("Kế hoạch cải thiện chỉ số PAPI năm 2026")
    preview_texts = _texts(model, 28)

    held.set()
    qtbot.waitUntil(lambda: window.ready, timeout=30000)
    page = window.plan_page
    assert isinstance(page, PlanPage) and window.preview is None
    assert window.pages.currentWidget() is page
    assert not any(window.pages.widget(i) is preview for i in range(window.pages.count()))
    qtbot.waitUntil(lambda: not shiboken6.isValid(preview), timeout=5000)  # deleted (deleteLater) once replaced
    assert window.pages.indexOf(page) == window._row("plan")  # noqa: SLF001
    assert page.model.rowCount() == 28 and page.count_label.text() == "28 nhiệm vụ"
    for row in range(28):  # the lazy model reads its rows in the worker when first asked
        page.proxy.index(row, 0).data()
    settle(window.runner)
    assert _texts(page.proxy, 28) == preview_texts  # the same rows, now the interactive page's
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == \
        [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert page.model.columnCount() == len(TaskTableModel.HEADERS) == model.columnCount()
    _close(window)


def _assert_no_preview(qtbot, db_file: Path, reason: str) -> None:  # noqa: ANN001
    """The real reader behind the real window: no preview, the window stays as it was (the home page's
    place shown, the plan's a placeholder) for the normal opening to decide."""
    assert plan_snapshot.read_or_reason(db_file, date.today()) == reason
    window = MainWindow()
    qtbot.addWidget(window)
    snapshot = app.read_preview(ARGS)
    assert snapshot is not None
    window.show_preview(snapshot)
    qtbot.waitUntil(snapshot.done, timeout=10000)
    assert snapshot.result() is None
    qtbot.wait(100)  # a delivery from the reader's thread would have arrived
    assert window.preview is None and isinstance(window.page_by_key["plan"], PlaceholderPage)
    assert window.nav.currentRow() == 0
    window.runner.shutdown()


def test_a_dropped_preview_leaves_and_a_late_one_never_comes(qtbot, plan_db) -> None:  # noqa: ANN001
    """The opening went another way (app._opened: a login, the province; app._failed): the rows go, and a
    read that ends after that is not shown."""
    plan_db.dispose()
    shown = MainWindow()
    qtbot.addWidget(shown)
    shown.show_preview(app.read_preview(ARGS))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: shown.preview is not None, timeout=10000)
    shown.drop_preview()
    assert shown.preview is None and isinstance(shown.page_by_key["plan"], PlaceholderPage)
    assert shown.pages.currentWidget() is shown.page_by_key["plan"]  # the plan's place, now saying it opens
    late = MainWindow()
    qtbot.addWidget(late)
    late.drop_preview()
    snapshot = app.read_preview(ARGS)
    assert snapshot is not None
    late.show_preview(snapshot)
    qtbot.waitUntil(snapshot.done, timeout=10000)
    assert snapshot.result() is not None  # there were rows to show
    qtbot.wait(100)
    assert late.preview is None and isinstance(late.page_by_key["plan"], PlaceholderPage)
    for window in (shown, late):
        window.runner.shutdown()


def test_no_preview_before_a_login(qtbot, plan_db) -> None:  # noqa: ANN001
    accounts.create_first_admin(plan_db, "quantri", "Vì Văn Quản", "quan-tri-Chieng-Son-9")
    plan_db.dispose()
    _assert_no_preview(qtbot, paths.db_path(), "accounts")


def test_no_preview_with_a_migration_pending_and_the_real_page_comes_after_it(qtbot, data_dir: Path) -> None:  # noqa: ANN001
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RELEASE_0010, paths.db_path())  # a PC still on release 0.1.0 (schema 0010), with its plan
    _assert_no_preview(qtbot, paths.db_path(), "schema")
    held = threading.Event()
    window = _started(qtbot, held)
    qtbot.wait(200)
    assert window.preview is None
    held.set()  # now the normal path: backup, migration, then the real page
    qtbot.waitUntil(lambda: window.ready, timeout=60000)
    assert isinstance(window.plan_page, PlanPage) and window.plan_page.model.rowCount() == 28
    assert window.nav.currentRow() == 0  # the home page, as without a preview
    _close(window)


def test_no_preview_without_a_file_and_none_is_made(qtbot, data_dir: Path) -> None:  # noqa: ANN001
    _assert_no_preview(qtbot, paths.db_path(), "missing")
    assert not paths.db_path().exists()


def test_no_preview_of_a_damaged_file(qtbot, plan_db) -> None:  # noqa: ANN001
    plan_db.dispose()
    db_file = paths.db_path()
    with db_file.open("r+b") as f:  # the header a disk error overwrote
        f.write(b"\x00garbage, not SQLite" * 5)
    _assert_no_preview(qtbot, db_file, "error:DatabaseError")


def test_no_preview_of_a_locked_file(qtbot, plan_db) -> None:  # noqa: ANN001
    """Another process holds the file exclusively (a restore's copy): no wait, no preview."""
    plan_db.dispose()
    holder = sqlite3.connect(paths.db_path())
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert plan_snapshot.read_or_reason(paths.db_path(), date.today()) == "error:OperationalError"
    finally:
        holder.rollback()
        holder.close()


def test_no_preview_during_an_interrupted_restore(plan_db) -> None:  # noqa: ANN001
    plan_db.dispose()
    (paths.data_dir() / ".restore-20261203-101010").mkdir()
    assert plan_snapshot.read_or_reason(paths.db_path(), date.today()) == "restore"


def test_the_schema_the_snapshot_expects_is_the_releases() -> None:
    assert plan_snapshot.SCHEMA_HEAD == migrate.SCHEMA_HEAD


def test_the_reader_and_the_window_load_no_sqlalchemy(plan_db) -> None:  # noqa: ANN001
    """In a fresh process: the reader reads the plan, and it and the window's modules (which show the
    preview) import no SQLAlchemy, Alembic or storage."""
    plan_db.dispose()
    code = ("import sys; from datetime import date; from pathlib import Path; "
            "from papi_desktop.services import plan_snapshot; "
            "s = plan_snapshot.read(Path(sys.argv[1]), date.today()); print(len(s.rows)); "
            "import papi_desktop.ui.main_window, papi_desktop.ui.views.plan_preview; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic') "
            "or m.startswith('papi_desktop.storage')))")
    proc = subprocess.run([sys.executable, "-c", code, str(paths.db_path())], capture_output=True, text=True,
                          timeout=60, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                                                     "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:2] == ["28", "[]"]


def test_the_program_reports_the_preview_then_the_interactive_page(plan_db, data_dir: Path) -> None:  # noqa: ANN001
    """The start-up benchmark's markers, from the real program on the real file, in order."""
    plan_db.dispose()
    proc = subprocess.run([sys.executable, "-m", "papi_desktop", "--data-dir", str(data_dir), "--quit-after-show"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": str(data_dir.parent)})
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith("papi-desktop:")]
    assert lines == ["papi-desktop: main window shown", "papi-desktop: plan data shown",
                     "papi-desktop: plan page interactive"]
