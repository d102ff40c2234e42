"""Composition root: the plan's rows read (sqlite3, read-only) while Qt loads -> language -> main window
shown at once, on those rows when they may be shown -> database opened off the GUI thread (integrity check,
backup, migration) -> first-run set-up if needed -> pages built on the data, the real plan page taking
the preview's place."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from . import __version__, i18n, paths

if TYPE_CHECKING:
    from .services.plan_snapshot import PlanSnapshot
    from .storage.db import Database
    from .ui.main_window import MainWindow

Opened = tuple["Database", object, bool, bool]


def _open_in_background() -> Opened:
    """Runs on the worker thread: the heavy imports and the database work stay off the GUI thread.
    (db, profile, province mode, locked): a database with accounts is locked until a login, and what
    reads it (the recoveries below) waits for that."""
    from .services import backup, setup  # noqa: PLC0415
    from .ui.views import plan_page  # noqa: F401, PLC0415 - import cost paid here, not on the GUI thread

    for vi, en in backup.recover():  # a restore a kill interrupted is finished before the database opens
        sys.stderr.write(f"{vi} ({en})\n")
    db = setup.open_database()
    if db.locked:
        return db, None, False, True
    return _after_login(db)


def _after_login(db: Database) -> Opened:
    from .services import attachments, backup_journal, export_staging, personal_data, province, setup  # noqa: PLC0415

    export_staging.recover_unfinished(db)  # what a killed export left: finished or removed, numbers withdrawn
    backup_journal.settle(db)  # backups a kill (or a busy database) left out of the audit trail
    attachments.sweep_orphans(db)  # files a killed import or save stored and never committed
    personal_data.reapply(db)  # erasures a restore from an older backup undid
    return db, setup.get_profile(db), province.is_province(db), False


def _opened(window: MainWindow, result: Opened, args: argparse.Namespace,
            app: QApplication) -> None:
    from .services import setup  # noqa: PLC0415
    from .ui.views.login_dialog import AccountDialogs  # noqa: PLC0415

    db, profile, is_province, locked = result
    if locked or is_province:  # the snapshot checks both first; a login, or the province's pages, decide
        window.drop_preview()
    dialogs = AccountDialogs(db, window.runner, window)
    if locked:  # the login first; then the rest of the opening, in the worker
        login = dialogs.login()
        if not login.exec() or (login.result_value.must_change  # type: ignore[attr-defined]
                                and not dialogs.change_password(forced=True).exec()):
            db.dispose()
            window.close()
            return
        window.runner.submit(lambda: _after_login(db), lambda again: _opened(window, again, args, app),
                             lambda exc: _failed(window, exc, app))
        return
    if profile is None and not is_province:  # the province's folder has no commune profile
        if args.demo or args.quit_after_show:
            setup.create_demo(db)  # the demo commune has no accounts: anyone may try everything
        else:
            from .ui.views.setup_dialog import SetupDialog  # noqa: PLC0415

            # The first run: the commune, then its administrator (from then on everyone logs in).
            if not SetupDialog(db, window).exec() or not dialogs.create_admin().exec():
                db.dispose()
                window.close()
                return
    window.attach(db)
    _daily_backup(db)


def _daily_backup(db: Database) -> None:
    """Once a day (when a backup key exists): on a thread of its own, not the database worker, since it
    only reads and may take a minute with many attachments. A failure is logged, never shown as a crash;
    a backup killed at exit leaves only a hidden part, which the next start sweeps."""
    from .services import backup, failures  # noqa: PLC0415

    def run() -> None:
        try:
            backup.automatic(db, "daily")
        except Exception as exc:  # noqa: BLE001 - the day's backup never stops the program
            failures.log_unexpected(exc, "papi-daily-backup")

    threading.Thread(target=run, name="papi-daily-backup", daemon=True).start()


def _failed(window: MainWindow, exc: BaseException, app: QApplication) -> None:
    from .ui.widgets.messages import show_error  # noqa: PLC0415

    window.drop_preview()  # the rows read before the open are not shown beside why it failed
    show_error(window, exc, "PAPI Desktop")
    app.exit(1)


def _install_error_hooks(app: QApplication) -> None:
    """The windowed build has no console: an exception nothing caught (in a slot, in a thread) goes to the
    rotating log in the data folder and, on the GUI thread, to a dialog that says where that log is."""
    from .services import failures  # noqa: PLC0415

    failures.install()

    def on_exception(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        if threading.current_thread() is threading.main_thread():
            from .ui.widgets.messages import show_error  # noqa: PLC0415 - error_text() logs a bug

            show_error(app.activeWindow(), exc, "PAPI Desktop")
        else:
            failures.log_unexpected(exc)

    def on_thread_exception(hook: threading.ExceptHookArgs) -> None:
        if hook.exc_value is not None and not isinstance(hook.exc_value, SystemExit):
            failures.log_unexpected(hook.exc_value.with_traceback(hook.exc_traceback),
                                    hook.thread.name if hook.thread else "")

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def read_preview(args: argparse.Namespace) -> Future[PlanSnapshot | None] | None:
    """Start reading the plan's rows on a thread of its own (sqlite3 only: no SQLAlchemy, no Qt), so that the
    read overlaps Qt's start; services.plan_snapshot decides whether there may be a preview at all. None for
    a PostgreSQL database (a province hub's, never previewed)."""
    if getattr(args, "db", None):
        return None
    from .services import plan_snapshot  # noqa: PLC0415

    try:
        db_file = paths.db_path()  # makes the data folder: a failure there is the real opening's to report
    except Exception:  # noqa: BLE001
        return None
    snapshot: Future[PlanSnapshot | None] = Future()

    def read() -> None:
        snapshot.set_result(plan_snapshot.read(db_file, date.today()))  # read() catches everything

    threading.Thread(target=read, name="papi-plan-snapshot", daemon=True).start()
    return snapshot


def start(args: argparse.Namespace, app: QApplication, preview: Future[PlanSnapshot | None] | None,
          open_database: Callable[[], Opened] = _open_in_background) -> MainWindow:
    """The window shown (on the preview when there is one) and the opening asked of the database worker.
    open_database: tests hold the real opening back with it, to see the preview alone."""
    from .ui.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow()
    if args.quit_after_show:
        _report_progress(window, app)
    if preview is not None:  # when the read is done already, the rows are on the window's first paint
        window.show_preview(preview)
    window.show()
    window.runner.submit(open_database, lambda result: _opened(window, result, args, app),
                         lambda exc: _failed(window, exc, app))
    return window


def _report_progress(window: MainWindow, app: QApplication) -> None:
    """Smoke test and start-up benchmark: the shown window, the plan's rows shown (the preview, else the
    real page), the real plan page ready; then leave."""
    said: list[str] = []

    def say(what: str) -> None:
        if what not in said:
            said.append(what)
            print(f"papi-desktop: {what}", flush=True)

    def ready() -> None:
        say("plan data shown")  # when there was no preview
        say("plan page interactive")
        app.quit()

    window.sig_shown.connect(lambda: say("main window shown"))
    window.sig_preview_shown.connect(lambda: QTimer.singleShot(0, lambda: say("plan data shown")))
    window.sig_ready.connect(lambda: QTimer.singleShot(0, ready))


def run(args: argparse.Namespace) -> int:
    preview = read_preview(args)  # first: it reads while PySide6 and the window's modules load
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _install_error_hooks(app)
    app.setApplicationName("PAPI Desktop")
    app.setOrganizationName("PAPI")
    app.setApplicationVersion(__version__)
    lang = i18n.install(app, args.lang or i18n.saved_language())
    app.setProperty("papi_lang", lang)
    window = start(args, app, preview)
    code = app.exec()
    window.runner.shutdown()
    if window.db is not None:
        window.db.dispose()
    return code
