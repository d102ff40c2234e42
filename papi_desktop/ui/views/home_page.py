"""Tổng quan: what is overdue or due soon, across petitions, the plan, dialogues and reception; and a
reminder when changes have waited too long to reach the province, or a reporting deadline of the
province is near and it lacks the commune's changes. Read in the database worker: the list can hold
every one of 20,000 open petitions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...domain.dates import format_vn
from ...services import overview, sync_board
from ...services.handle import DataHandle
from ..widgets.messages import current_lang, error_text
from ..widgets.sync_widgets import reminder_text
from ..widgets.tables import text_columns
from ..workers import JobRunner, Latest

KindRole = Qt.ItemDataRole.UserRole + 1
RefRole = Qt.ItemDataRole.UserRole + 2
LATE = QColor("#b3261e")


class DueModel(QAbstractTableModel):
    """The due list as a model over the entries (no item objects per cell: the list may be long)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[overview.DueEntry] = []
        self.today = date.today()
        self.headers = [self.tr("Hạn"), self.tr("Việc"), self.tr("Nội dung"), self.tr("Tình trạng")]

    def set_entries(self, entries: list[overview.DueEntry], today: date) -> None:
        self.beginResetModel()
        self.entries, self.today = entries, today
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def state(self, e: overview.DueEntry) -> str:
        days = (e.due - self.today).days
        return (self.tr("Quá hạn %1 ngày").replace("%1", str(-days)) if e.overdue
                else self.tr("Còn %1 ngày").replace("%1", str(days)))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and col not in (1, 2):
                return None
            return (format_vn(e.due), e.title, e.detail, self.state(e))[col]
        if role == KindRole:
            return e.kind
        if role == RefRole:
            return e.ref_id or ""
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and e.overdue:
            return QBrush(LATE)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class HomePage(QWidget):
    """Signals:
        sig_open(str, str): (kind, record id) the user asked to open.
        sig_loaded(int): the due list was read and is shown (its number of entries).
    """

    sig_open = Signal(str, str)
    sig_loaded = Signal(int)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read, self._reminders = Latest(runner, self), Latest(runner, self)
        self.today = date.today
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.sync_notice = QLabel()
        self.sync_notice.setWordWrap(True)
        self.sync_notice.setTextFormat(Qt.TextFormat.RichText)
        self.sync_notice.setStyleSheet("background: #fff4e0; border: 1px solid #e0a040; padding: 6px; color: #6a3d00;")
        self.sync_notice.hide()
        self.sync_notice.linkActivated.connect(lambda _link: self.sig_open.emit("sync", ""))
        self.model = DueModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(2, self.view.horizontalHeader().ResizeMode.Stretch)
        # Widths from samples, never from the cells (ResizeToContents would measure thousands of rows):
        # the due date and the state are never cut.
        text_columns(self.view, {0: "00/00/0000", 1: 260,
                                 3: QCoreApplication.translate("DueModel", "Quá hạn %1 ngày").replace("%1", "0000")})
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.sync_notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh_button.clicked.connect(self.reload)
        self.view.doubleClicked.connect(self._open)
        self.heading.setText(self.tr("Đang đọc các việc đến hạn…"))
        self.reload()

    def reload(self) -> None:
        """Read the due list and the sync reminders in the database worker; shown when they arrive."""
        today, lang, db = self.today(), current_lang(), self.db
        self._read.submit(lambda: overview.due_entries(db, today, lang=lang),
                          lambda entries: self._show(today, entries), self._failed)
        # The change log's age: a reminder, never an error over the home page.
        self._reminders.submit(lambda: sync_board.reminders(db), self.show_sync_reminders, lambda _exc: None)

    def _show(self, today: date, entries: list[overview.DueEntry]) -> None:
        self.model.set_entries(entries, today)
        late = sum(e.overdue for e in entries)
        self.heading.setText(self.tr("%1 việc quá hạn, %2 việc sắp đến hạn").replace("%1", str(late))
                             .replace("%2", str(len(entries) - late)) if entries
                             else self.tr("Không có việc nào quá hạn hoặc sắp đến hạn."))
        self.sig_loaded.emit(len(entries))

    def _failed(self, exc: BaseException) -> None:
        self.heading.setText(self.tr("Không đọc được danh sách việc đến hạn: %1").replace("%1", error_text(exc)))

    def show_sync_reminders(self, reminders: list[sync_board.Reminder]) -> None:
        # Each line's "trang Đồng bộ" is the link that opens the page: no second "open the page" after it.
        lines = [reminder_text(r, link=True) for r in reminders]
        self.sync_notice.setText("<br>".join(lines))
        self.sync_notice.setVisible(bool(lines))

    def _open(self, index: QModelIndex) -> None:
        self.sig_open.emit(index.siblingAtColumn(0).data(KindRole), index.siblingAtColumn(0).data(RefRole) or "")
