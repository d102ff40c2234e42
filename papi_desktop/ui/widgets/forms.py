"""Small pieces shared by the dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton


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
