"""Small table models for the Đồng bộ page: a few dozen rows at most (the communes of the province,
the bundles of one stick, the open conflicts), so each holds its rows; numbers right-aligned, the
full text of a long cell in its tooltip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

RowIdRole = Qt.ItemDataRole.UserRole + 1


class RowsModel(QAbstractTableModel):
    """Headers are QT_TRANSLATE_NOOP'd in the caller's context; each row is (id, cells, colour or ""),
    the colour painting the colour_column (a state) only."""

    def __init__(self, context: str, headers: Sequence[object], numeric: Sequence[int] = (),
                 colour_column: int | None = None, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        # QT_TRANSLATE_NOOP is typed as returning object: its value is the source string
        self._context, self._headers, self._numeric = context, tuple(map(str, headers)), set(numeric)
        self._colour_column = colour_column
        self._rows: list[tuple[str, tuple[object, ...], str]] = []

    def set_rows(self, rows: Sequence[tuple[str, Sequence[object], str]]) -> None:
        self.beginResetModel()
        self._rows = [(rid, tuple(cells), colour) for rid, cells, colour in rows]
        self.endResetModel()

    def row_id(self, row: int) -> str | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def cell(self, row: int, col: int) -> str:
        return str(self._rows[row][1][col])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        rid, cells, colour = self._rows[index.row()]
        value = cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(str(value).split()) if isinstance(value, str) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 40:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and colour and index.column() == self._colour_column:
            return QBrush(QColor(colour))
        if role == RowIdRole:
            return rid
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._context, self._headers[section])
        return None
