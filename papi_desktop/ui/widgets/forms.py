"""Small pieces shared by the dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget


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
