"""Per-dimension progress summary of the plan (8 rows)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...services.plan import DimensionSummary

_HEADERS = (
    QT_TRANSLATE_NOOP("SummaryModel", "Chỉ số nội dung"),
    QT_TRANSLATE_NOOP("SummaryModel", "Nhiệm vụ"),
    QT_TRANSLATE_NOOP("SummaryModel", "Hoàn thành"),
    QT_TRANSLATE_NOOP("SummaryModel", "Đang làm"),
    QT_TRANSLATE_NOOP("SummaryModel", "Chưa làm"),
    QT_TRANSLATE_NOOP("SummaryModel", "Quá hạn"),
    QT_TRANSLATE_NOOP("SummaryModel", "% hoàn thành"),
)
DimensionRole = Qt.ItemDataRole.UserRole + 1


class SummaryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[DimensionSummary] = []

    def set_rows(self, rows: list[DimensionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802, ANN001
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802, ANN001
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == DimensionRole:
            return row.dimension
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:  # a narrow column cuts long names
            return f"{row.dimension}. {row.name}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (f"{row.dimension}. {row.name}", row.total, row.done, row.in_progress, row.not_started,
                  row.overdue, f"{row.percent_done}%")
        return values[index.column()]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SummaryModel", _HEADERS[section])
        return None
