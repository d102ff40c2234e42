"""The status bar's word on sync: what waits to go to the province and when it last went, read in the
database worker now and then; while the automatic network sync runs, what it is doing. A click opens
the Đồng bộ page."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from ...services import sync_board
from ...services.handle import DataHandle
from ..workers import JobRunner, Latest
from .sync_widgets import when

REFRESH_MS = 60_000  # new saves add pending changes; a minute late is soon enough for a status line


class SyncStatus(QLabel):
    """Signals:
        sig_open(): the person clicked it (the window opens the Đồng bộ page).
    """

    sig_open = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None,
                 refresh_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.db = db
        self.line: sync_board.StatusLine | None = None
        self.auto = ""  # the automatic sync's state while it runs, shown before the counts
        self._read = Latest(runner, self)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setContentsMargins(0, 0, 18, 0)  # apart from the unit's name beside it
        self.setToolTip(self.tr("Mở trang Đồng bộ"))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(refresh_ms)
        self.refresh()

    def refresh(self) -> None:
        db = self.db
        self._read.submit(lambda: sync_board.status_line(db), self._show, lambda _exc: None)

    def _show(self, line: sync_board.StatusLine) -> None:
        self.line = line
        self._render()

    def watch(self, autosync: QObject) -> None:
        """Follow an AutoSync's sig_state (the Đồng bộ page makes it when first opened)."""
        autosync.sig_state.connect(self.on_auto_state)  # type: ignore[attr-defined]

    def on_auto_state(self, state: str, _detail: object) -> None:
        self.auto = {
            "syncing": self.tr("Đang đồng bộ qua mạng…"),
            "offline": self.tr("Chưa liên lạc được máy chủ tỉnh; sẽ thử lại"),
            "failed": self.tr("Đồng bộ qua mạng chưa được; sẽ thử lại"),
        }.get(state, "")
        if state in ("done", "off"):
            self.refresh()
        self._render()

    def _render(self) -> None:
        parts = [self.auto] if self.auto else []
        line = self.line
        if line is not None:
            parts.extend(self._counts(line))
        self.setText("  ·  ".join(p for p in parts if p))

    def _counts(self, line: sync_board.StatusLine) -> list[str]:
        if line.mode == "province":
            return [self.tr("%1 gói chờ xử lý").replace("%1", str(line.pending))] if line.pending else []
        if line.enrolment != "enrolled":
            return [self.tr("Chưa đăng ký đồng bộ với tỉnh")]
        out = [self.tr("Tỉnh đã nhận đủ") if line.pending == 0
               else self.tr("%1 thay đổi tỉnh chưa nhận").replace("%1", f"{line.pending:,}".replace(",", "."))]
        if line.last_sent_at:
            out.append(self.tr("gửi lần cuối %1").replace("%1", when(line.last_sent_at)))
        else:
            out.append(self.tr("chưa gửi lần nào"))
        return out

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_open.emit()
        super().mousePressEvent(event)
