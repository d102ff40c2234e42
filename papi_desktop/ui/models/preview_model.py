"""The plan's task list read before the database is open (services.plan_snapshot): a plain read-only
table model, in the columns of TaskTableModel. It imports no service that loads SQLAlchemy."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.dates import format_vn
from ...domain.status import STATUS_LABELS
from ...services.plan_snapshot import PreviewRow

# TaskTableModel's headers, in its translation context: the same texts, translated once.
HEADERS = (
    QT_TRANSLATE_NOOP("TaskTableModel", "Chỉ số"),
    QT_TRANSLATE_NOOP("TaskTableModel", "TT"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Nhiệm vụ"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Cơ quan chủ trì"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Thời gian hoàn thành"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Hạn gần nhất"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Trạng thái"),
)
COL_DIM, COL_NUMBER, COL_TASK, COL_LEAD, COL_DEADLINE, COL_NEXT_DUE, COL_STATUS = range(7)
Index = QModelIndex | QPersistentModelIndex
STATUS_COLOURS = {"overdue": "#b3261e", "done": "#1b6e20", "in_progress": "#8a5a00"}


class PreviewModel(QAbstractTableModel):
    def __init__(self, rows: list[PreviewRow], lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.lang = lang
        self._headers = [QCoreApplication.translate("TaskTableModel", str(h)) for h in HEADERS]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags  # not selectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:  # as LazyTableModel shows it: one line, the number a number
            return row.dimension if col == COL_DIM else self.text(row, col).replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_TASK, COL_LEAD, COL_DEADLINE):
            return self.text(row, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            colour = STATUS_COLOURS.get(row.shown_status)
            return QBrush(QColor(colour)) if colour else None
        return None

    def text(self, row: PreviewRow, col: int) -> str:
        if col == COL_DIM:
            return str(row.dimension)
        if col == COL_NEXT_DUE:
            return format_vn(row.next_due)
        if col == COL_STATUS:
            return STATUS_LABELS[row.shown_status][1 if self.lang == "en" else 0]
        return str((row.number, row.task, row.lead, row.deadline_text)[col - COL_NUMBER])
