"""Đồng bộ: sync with the province by USB stick. A commune PC sees its enrolment, what waits to be
sent, its other PCs and the conflict queue (sync_commune.py); the province sees the communes it
enrolled and receives their bundles (sync_province.py). The state is read in the database worker."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from ...services import sync_board
from ...services.handle import DataHandle
from ..widgets.messages import error_text
from ..workers import JobRunner


class SyncPage(QWidget):
    """Signals:
        sig_loaded(object): the state was read (a CommuneBoard or a ProvinceBoard) and is shown.
        sig_done(str, object): an action ended (see CommuneSync and ProvinceSync).
    """

    sig_loaded = Signal(object)
    sig_done = Signal(str, object)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.view: QWidget | None = None
        self.loading = QLabel(self.tr("Đang đọc tình trạng đồng bộ…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._reading = False
        self._again = False
        self.reload()

    def reload(self) -> None:
        if self._reading:  # one read at a time; the latest request is served after it
            self._again = True
            return
        self._reading = True
        self.runner.submit(lambda: sync_board.board(self.db), self._loaded, self._load_failed)

    def refresh(self) -> None:
        """Read again when the page is shown again (not on its first showing: it reads when built)."""
        if self.view is not None:
            self.reload()

    def _after_read(self) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self.reload()

    def _loaded(self, board: sync_board.CommuneBoard | sync_board.ProvinceBoard) -> None:
        if self.view is None:
            if isinstance(board, sync_board.ProvinceBoard):
                from .sync_province import ProvinceSync  # noqa: PLC0415

                self.view = ProvinceSync(self.db, self.runner, self)
            else:
                from .sync_commune import CommuneSync  # noqa: PLC0415

                self.view = CommuneSync(self.db, self.runner, self)
            self.view.sig_reload.connect(self.reload)
            self.view.sig_done.connect(self.sig_done)
            self.stack.addWidget(self.view)
        self.view.show_board(board)  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(self.view)
        self._after_read()
        self.sig_loaded.emit(board)

    def _load_failed(self, exc: BaseException) -> None:
        self.loading.setText(self.tr("Không đọc được tình trạng đồng bộ: %1 Bấm sang trang khác rồi quay lại để thử "
                                     "lại; nếu vẫn lỗi, hãy báo bộ phận hỗ trợ.").replace("%1", error_text(exc)))
        self.stack.setCurrentWidget(self.loading)
        self._after_read()
