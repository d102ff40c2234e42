"""A ProgressReporter (domain/jobs.py) for the GUI: a worker reports, a QProgressDialog shows it after 500 ms."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..domain.jobs import CancelToken


class QtProgress(QObject):
    """Thread-safe: start/advance/finish may be called from the worker thread.

    Signals:
        sig_start(int): total steps. sig_advance(int): steps done. sig_finish(): done.
    """

    sig_start = Signal(int)
    sig_advance = Signal(int)
    sig_finish = Signal()

    def __init__(self, parent: QWidget, label: str, cancel: CancelToken) -> None:
        super().__init__(parent)
        self.cancel_token = cancel
        self._done = 0
        self.dialog = QProgressDialog(label, self.tr("Hủy"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Đang xử lý"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)  # quick jobs never flash a dialog
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(cancel.cancel)
        self.sig_start.connect(self._on_start)
        self.sig_advance.connect(self._on_advance)

    # ProgressReporter protocol (called from the worker)
    def start(self, total: int, label: str = "") -> None:
        self.sig_start.emit(total)

    def advance(self, n: int = 1) -> None:
        self._done += n
        self.sig_advance.emit(self._done)

    def finish(self) -> None:
        self.sig_finish.emit()

    # GUI side
    def _on_start(self, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(0)

    def _on_advance(self, done: int) -> None:
        if self.dialog.maximum() and done <= self.dialog.maximum():
            self.dialog.setValue(done)

    def close(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
