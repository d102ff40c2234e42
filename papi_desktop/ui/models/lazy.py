"""A lazy table model: holds only ids, exposes rows in pages as the view scrolls, loads a page of
data at a time through a service call, and caches it (Anki's browser model, Spyder's fetchMore)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

PAGE = 200
RowIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


class LazyTableModel(QAbstractTableModel):
    """Subclasses set HEADERS (QT_TRANSLATE_NOOP'd, in CONTEXT) and the record attribute of each
    column in COLUMNS; they override display() where a column needs formatting."""

    HEADERS: Sequence[str] = ()
    COLUMNS: Sequence[str] = ()
    CONTEXT = "LazyTableModel"

    def __init__(self, load_rows: Callable[[list[str]], list[Any]], lang: str = "vi", parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._load_rows = load_rows
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._loaded = 0
        self._cache: dict[str, Any] = {}
        self.lang = lang
        self.pages_loaded = 0

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._index = {rid: i for i, rid in enumerate(self._ids)}
        self._cache.clear()
        self._loaded = min(PAGE, len(self._ids))
        self.endResetModel()

    def invalidate(self, row_id: str) -> None:
        """One record changed: drop it from the cache and repaint only its row."""
        self._cache.pop(row_id, None)
        row = self.row_of(row_id)
        if 0 <= row < self._loaded:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: str) -> int:
        return self._index.get(row_id, -1)

    def total(self) -> int:
        return len(self._ids)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        more = min(PAGE, len(self._ids) - self._loaded)
        if parent.isValid() or more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def item(self, row: int) -> Any:
        """The loaded record of a row; loads its page on first use."""
        row_id = self._ids[row]
        cached = self._cache.get(row_id)
        if cached is None:
            start = (row // PAGE) * PAGE
            missing = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
            for record in self._load_rows(missing):
                self._cache[record.id] = record
            self.pages_loaded += 1
            cached = self._cache.get(row_id)
        return cached

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or index.row() >= self._loaded:
            return None
        if role == RowIdRole:
            return self._ids[index.row()]
        record = self.item(index.row())
        if record is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self.display(record, index.column(), role == SortRole)
        return self.extra(record, index.column(), role)

    def display(self, record: Any, col: int, for_sort: bool) -> object:
        value = getattr(record, self.COLUMNS[col])
        return value.replace("\n", " ") if isinstance(value, str) else value

    def extra(self, record: Any, col: int, role: int) -> object:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None
