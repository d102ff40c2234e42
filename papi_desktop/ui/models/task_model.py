"""Lazy table model over a plan's tasks: holds only ids, loads rows a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.dates import format_vn
from ...domain.status import STATUS_LABELS
from ...services.plan import TaskRow

PAGE = 200
TaskIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3

_HEADERS = (
    QT_TRANSLATE_NOOP("TaskTableModel", "Chỉ số"),
    QT_TRANSLATE_NOOP("TaskTableModel", "TT"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Nhiệm vụ"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Cơ quan chủ trì"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Thời gian hoàn thành"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Hạn gần nhất"),
    QT_TRANSLATE_NOOP("TaskTableModel", "Trạng thái"),
)


class TaskTableModel(QAbstractTableModel):
    COL_DIM, COL_NUMBER, COL_TASK, COL_LEAD, COL_DEADLINE, COL_NEXT_DUE, COL_STATUS = range(7)

    def __init__(self, load_rows: Callable[[list[str]], list[TaskRow]], lang: str = "vi", parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._load_rows = load_rows
        self._ids: list[str] = []
        self._loaded = 0  # rows exposed so far (canFetchMore/fetchMore)
        self._cache: dict[str, TaskRow] = {}
        self._lang = lang
        self.pages_loaded = 0

    # data set
    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self._loaded = min(PAGE, len(self._ids))
        self.endResetModel()

    def invalidate(self, task_id: str) -> None:
        """One task changed: drop it from the cache and repaint only its row."""
        self._cache.pop(task_id, None)
        if task_id in self._ids:
            row = self._ids.index(task_id)
            if row < self._loaded:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def task_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, task_id: str) -> int:
        return self._ids.index(task_id) if task_id in self._ids else -1

    def total(self) -> int:
        return len(self._ids)

    # lazy loading
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_HEADERS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = min(PAGE, len(self._ids) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def _row(self, row: int) -> TaskRow | None:
        task_id = self._ids[row]
        cached = self._cache.get(task_id)
        if cached is not None:
            return cached
        start = (row // PAGE) * PAGE
        page_ids = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
        for item in self._load_rows(page_ids):
            self._cache[item.id] = item
        self.pages_loaded += 1
        return self._cache.get(task_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or index.row() >= self._loaded:
            return None
        if role == TaskIdRole:
            return self._ids[index.row()]
        item = self._row(index.row())
        if item is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self._display(item, col, role == SortRole)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_TASK, self.COL_DEADLINE, self.COL_LEAD):
            return {self.COL_TASK: item.task, self.COL_DEADLINE: item.deadline_text, self.COL_LEAD: item.lead}[col]
        if role == StatusRole:
            return item.shown_status
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATUS:
            colour = {"overdue": "#b3261e", "done": "#1b6e20", "in_progress": "#8a5a00"}.get(item.shown_status)
            return QBrush(QColor(colour)) if colour else None
        return None

    def _display(self, item: TaskRow, col: int, for_sort: bool) -> object:
        if col == self.COL_DIM:
            return item.dimension
        if col == self.COL_NUMBER:
            return item.number
        if col == self.COL_TASK:
            return item.task.replace("\n", " ")
        if col == self.COL_LEAD:
            return item.lead.replace("\n", " ")
        if col == self.COL_DEADLINE:
            return item.deadline_text.replace("\n", " ")
        if col == self.COL_NEXT_DUE:
            if for_sort:
                return item.next_due.isoformat() if item.next_due else "9999"
            return format_vn(item.next_due)
        labels = STATUS_LABELS[item.shown_status]
        return labels[1] if self._lang == "en" else labels[0]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TaskTableModel", _HEADERS[section])
        return None
