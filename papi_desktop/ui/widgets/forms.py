"""Small pieces shared by the dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget

from .messages import show_error

if TYPE_CHECKING:
    from ..workers import JobRunner


def ok_cancel_row(dialog: QDialog, ok_text: str) -> QHBoxLayout:
    """Cancel and a default OK button (Enter accepts), right-aligned; texts translated by the caller."""
    ok = QPushButton(ok_text)
    ok.setDefault(True)
    cancel = QPushButton(QCoreApplication.translate("Dialogs", "Hủy"))
    ok.clicked.connect(dialog.accept)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    dialog.ok_button = ok  # type: ignore[attr-defined]
    return row


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """widget.resize(width, height), but never larger than its screen's free area less a title bar
    and a margin: on a 1366×768 screen with a task bar a 760 px tall dialog would lose its buttons."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None and not screen.availableGeometry().isEmpty():
        free = screen.availableGeometry()
        width, height = min(width, free.width() - 40), min(height, free.height() - 60)
    widget.resize(max(width, widget.minimumSizeHint().width()), max(height, widget.minimumSizeHint().height()))


def save_then_close(dialog: QDialog, runner: JobRunner | None, save: Callable[[], Any],
                    saved: Callable[[Any], None]) -> None:
    """Run a dialog's save in the database worker (at once without a runner: work that is not the
    database's), then saved(result), which closes it; a refusal is shown and the dialog stays open with
    what was typed. Its OK button is off while the save runs: Enter twice saves once."""
    ok = getattr(dialog, "ok_button", None)

    def refused(exc: BaseException) -> None:
        if ok is not None:
            ok.setEnabled(True)
        show_error(dialog, exc)

    if runner is None:
        try:
            result = save()
        except Exception as exc:  # noqa: BLE001 - the service's message; the dialog stays open
            refused(exc)
            return
        saved(result)
        return
    if ok is not None:
        if not ok.isEnabled():
            return  # a save is already on its way
        ok.setEnabled(False)

    def done(result: Any) -> None:
        if ok is not None:
            ok.setEnabled(True)
        saved(result)

    runner.submit(save, done, refused, owner=dialog)
