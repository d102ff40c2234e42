"""The "Đồng bộ" column of the register lists: each record's sync state (issue 10 §5), read in the
database worker with the page of rows it belongs to (services.record_sync.states, a few queries per
page), a short label in the cell and the full reason in the tooltip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel

from ...services import province, record_sync, task_state
from ...services.handle import DataHandle
from .lazy import PAGE, LazyTableModel, SortRole

CONTEXT = "RecordState"
HEADER = QT_TRANSLATE_NOOP("RecordState", "Đồng bộ")
LABELS = {
    "local": QT_TRANSLATE_NOOP("RecordState", "Chưa gửi"),
    "sent": QT_TRANSLATE_NOOP("RecordState", "Đã gửi"),
    "acknowledged": QT_TRANSLATE_NOOP("RecordState", "Tỉnh đã nhận"),
    "conflict": QT_TRANSLATE_NOOP("RecordState", "Xung đột"),
    "held": QT_TRANSLATE_NOOP("RecordState", "Đang giữ"),
    "quarantined": QT_TRANSLATE_NOOP("RecordState", "Cách ly"),
}
ORDER = ("conflict", "quarantined", "held", "local", "sent", "acknowledged")  # what needs a person first
COLOURS = {"conflict": "#b3261e", "quarantined": "#b3261e", "held": "#8a5a00", "acknowledged": "#1b6e20"}


def label(state: str) -> str:
    return QCoreApplication.translate(CONTEXT, str(LABELS[state])) if state in LABELS else state


class Stated:
    """A row of a page with its record's sync state (None: the record has none, e.g. never changed)."""

    __slots__ = ("id", "row", "sync")

    def __init__(self, row: Any, sync: record_sync.RecordState | None) -> None:
        self.id, self.row, self.sync = row.id, row, sync


def with_states(db: DataHandle, table: str, load_rows: Callable[[list[str]], list[Any]],
                record_of: Callable[[Any], str] | None = None) -> Callable[[list[str]], list[Stated]]:
    """load_rows, then the states of the rows it read, in the same worker call. record_of(row): the id
    of the record whose state the row shows (default: the row's own id)."""
    key = record_of or (lambda row: row.id)

    def load(ids: list[str]) -> list[Stated]:
        rows = load_rows(ids)
        found = record_sync.states(db, table, [key(r) for r in rows])
        return [Stated(r, found.get(key(r))) for r in rows]

    return load


class SyncedTableModel(LazyTableModel):
    """A lazy model whose loader is with_states(...): one more column, last (COL_SYNC, = len(HEADERS)),
    the record's sync state. item() gives the row itself, as in any lazy model."""

    @property
    def sync_column(self) -> int:
        return len(self.HEADERS)

    def item(self, row: int) -> Any:
        stated = super().item(row)
        return stated.row if isinstance(stated, Stated) else stated

    def sync_state(self, row: int) -> record_sync.RecordState | None:
        stated = super().item(row)
        return stated.sync if isinstance(stated, Stated) else None

    def refresh_states(self) -> None:
        """The pages held are read again (after a sync: the states may have moved); nothing else resets."""
        for page in self.pages_held():
            row_id = self.row_id(page * PAGE)
            if row_id is not None:
                self.invalidate(row_id)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS) + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or index.column() != self.sync_column or index.row() >= self.rowCount():
            return super().data(index, role)
        state = self.sync_state(index.row())
        if state is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return label(state.state)
        if role == SortRole:
            return ORDER.index(state.state) if state.state in ORDER else len(ORDER)
        if role == Qt.ItemDataRole.ToolTipRole:
            return state.reason_en if self.lang == "en" else state.reason_vi
        if role == Qt.ItemDataRole.ForegroundRole and state.state in COLOURS:
            return QBrush(QColor(COLOURS[state.state]))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if section == self.sync_column and orientation == Qt.Orientation.Horizontal \
                and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, str(HEADER))
        return super().headerData(section, orientation, role)


def labels() -> list[str]:
    """Every label, translated (the column's width is its widest)."""
    return [label(state) for state in LABELS]


def task_sync_state(db: DataHandle, task_id: str, own_task: bool) -> record_sync.RecordState | None:
    """In the worker: where the commune's own state of a task stands (status, note: task_state), or for
    a task the commune added itself, the task; None on the province (its copies are what it received)."""
    if province.is_province(db):
        return None
    state_id = task_state.state_id(task_id, db.unit_code)
    found = record_sync.states(db, "task_state", [state_id]).get(state_id)
    return found or (record_sync.states(db, "task", [task_id]).get(task_id) if own_task else None)


def show_state(label_widget: QLabel, state: record_sync.RecordState | None, lang: str) -> None:
    """A detail panel's line: the label, the reason in the tooltip (empty when there is none)."""
    label_widget.setText(label(state.state) if state is not None else "")
    label_widget.setToolTip((state.reason_en if lang == "en" else state.reason_vi) if state is not None else "")
