"""Composition root: data folder -> database (migrated) -> language -> set-up -> main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from . import __version__, i18n
from .domain.errors import KnownError
from .services import setup
from .storage.db import Database


def open_database_or_explain() -> Database | None:
    try:
        return setup.open_database()
    except KnownError as exc:
        from .ui.widgets.messages import show_error

        show_error(None, exc.message("vi") + "\n\n" + exc.message("en"), "PAPI Desktop")
        return None


def build_main_window(db: Database):  # noqa: ANN201
    from .ui.main_window import MainWindow

    return MainWindow(db)


def run(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PAPI Desktop")
    app.setOrganizationName("PAPI")
    app.setApplicationVersion(__version__)
    db = open_database_or_explain()
    if db is None:
        return 1
    lang = i18n.install(app, args.lang or setup.get_setting(db, "language", "vi"))
    app.setProperty("papi_lang", lang)
    if setup.get_profile(db) is None:
        from .ui.views.setup_dialog import SetupDialog

        dialog = SetupDialog(db)
        if args.quit_after_show:
            setup.create_demo(db)
        elif not dialog.exec():
            db.dispose()
            return 0
    window = build_main_window(db)
    if args.quit_after_show:
        # Smoke test and start-up benchmark: report once the window is on screen, then leave.
        window.sig_shown.connect(lambda: QTimer.singleShot(0, lambda: (print("papi-desktop: main window shown",
                                                                             flush=True), app.quit())))
    window.show()
    code = app.exec()
    db.dispose()
    return code


