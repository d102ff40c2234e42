"""The GUI says the same as the command line: a database condition plainly, a bug with where its log is;
an exception nothing caught (a slot, a thread) reaches the log and a dialog, not a console that is not there."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from papi_desktop import app as app_module
from papi_desktop.services import failures
from papi_desktop.storage import db as db_module
from papi_desktop.ui.widgets.messages import error_text, show_error


@pytest.fixture(autouse=True)
def _fresh_log():
    failures.close()
    yield
    failures.close()


def _locked_error(db, monkeypatch: pytest.MonkeyPatch) -> OperationalError:
    monkeypatch.setenv("PAPI_BUSY_TIMEOUT_MS", "200")
    engine = db_module.make_engine(db.path)
    other = sqlite3.connect(str(db.path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError) as caught, engine.begin() as conn:
            conn.execute(text("UPDATE local_setting SET value = value"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        engine.dispose()
    return caught.value


def test_a_locked_database_in_vietnamese_and_english(db, qapp: QApplication, shown: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    exc = _locked_error(db, monkeypatch)
    show_error(None, exc)
    assert "đang bị một chương trình khác giữ" in shown[-1] and "không mong muốn" not in shown[-1]
    qapp.setProperty("papi_lang", "en")
    assert "held for writing by another program" in error_text(exc)
    assert not (db.path.parent / "logs" / "papi-desktop.log").exists()  # not a bug: nothing logged


def test_a_bug_says_where_the_log_is(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(
        (self.text(), bool(self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse))) or 0)
    try:
        {}["missing"]
    except KeyError as exc:
        show_error(None, exc)
    log = data_dir / "logs" / "papi-desktop.log"
    text, selectable = shown[-1]
    assert "không mong muốn (KeyError)" in text and str(log) in text
    assert selectable  # the path can be copied into an e-mail to support
    assert "Dữ liệu không bị thay đổi" not in text
    assert "Traceback (most recent call last)" in log.read_text(encoding="utf-8")


def test_uncaught_exceptions_reach_the_log_and_a_dialog(data_dir: Path, qapp: QApplication, shown: list[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app_module._install_error_hooks(qapp)
    try:
        raise ValueError("in a slot")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert "không mong muốn (ValueError)" in shown[-1]

    def job() -> None:
        raise ArithmeticError("in a thread")

    worker = threading.Thread(target=job, name="papi-test-thread")
    worker.start()
    worker.join()
    assert len(shown) == 1  # no dialog from another thread
    log = (data_dir / "logs" / "papi-desktop.log").read_text(encoding="utf-8")
    assert "ValueError: in a slot" in log and "ArithmeticError: in a thread" in log and "papi-test-thread" in log
