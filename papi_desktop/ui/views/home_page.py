"""Tổng quan: what is overdue or due soon, across petitions, the plan, dialogues and reception; and a
reminder when changes have waited too long to reach the province."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...domain.dates import format_vn
from ...services import overview, sync_board
from ...storage.db import Database
from ..widgets.messages import current_lang
from ..widgets.sync_widgets import reminder_text
from ..widgets.tables import fit_columns
from ..workers import JobRunner

KindRole = Qt.ItemDataRole.UserRole + 1
RefRole = Qt.ItemDataRole.UserRole + 2


class HomePage(QWidget):
    """Signals:
        sig_open(str, str): (kind, record id) the user asked to open.
    """

    sig_open = Signal(str, str)

    def __init__(self, db: Database, parent: QWidget | None = None, runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.today = date.today
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.sync_notice = QLabel()
        self.sync_notice.setWordWrap(True)
        self.sync_notice.setStyleSheet("background: #fff4e0; border: 1px solid #e0a040; padding: 6px; color: #6a3d00;")
        self.sync_notice.hide()
        self.sync_notice.linkActivated.connect(lambda _link: self.sig_open.emit("sync", ""))
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([self.tr("Hạn"), self.tr("Việc"), self.tr("Nội dung"),
                                              self.tr("Tình trạng")])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        fit_columns(self.view, contents=(0, 3), stretch=2)  # the due date and the state are never cut
        self.view.setColumnWidth(1, 260)
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.sync_notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh_button.clicked.connect(self.reload)
        self.view.doubleClicked.connect(self._open)
        self.reload()

    def reload(self) -> None:
        today = self.today()
        entries = overview.due_entries(self.db, today, lang=current_lang())
        self.model.removeRows(0, self.model.rowCount())
        late = sum(e.overdue for e in entries)
        self.heading.setText(self.tr("%1 việc quá hạn, %2 việc sắp đến hạn").replace("%1", str(late))
                             .replace("%2", str(len(entries) - late)) if entries
                             else self.tr("Không có việc nào quá hạn hoặc sắp đến hạn."))
        for e in entries:
            days = (e.due - today).days
            state = (self.tr("Quá hạn %1 ngày").replace("%1", str(-days)) if e.overdue
                     else self.tr("Còn %1 ngày").replace("%1", str(days)))
            items = [QStandardItem(format_vn(e.due)), QStandardItem(e.title), QStandardItem(e.detail),
                     QStandardItem(state)]
            items[0].setData(e.kind, KindRole)
            items[0].setData(e.ref_id or "", RefRole)
            if e.overdue:
                items[3].setForeground(QBrush(QColor("#b3261e")))
            self.model.appendRow(items)
        if self.runner is not None:  # reads the change log: in the database worker
            self.runner.submit(lambda: sync_board.reminders(self.db), self.show_sync_reminders, lambda _exc: None)

    def show_sync_reminders(self, reminders: list[sync_board.Reminder]) -> None:
        lines = [reminder_text(r) for r in reminders]
        link = self.tr("Mở trang Đồng bộ")
        self.sync_notice.setText("<br>".join(lines) + f" <a href='sync'>{link}</a>" if lines else "")
        self.sync_notice.setVisible(bool(lines))

    def _open(self, index) -> None:  # noqa: ANN001
        first = self.model.item(index.row(), 0)
        self.sig_open.emit(first.data(KindRole), first.data(RefRole) or "")
