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
from ..widgets.sync_widgets import field_name
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


CONFLICT_TIP = QT_TRANSLATE_NOOP("RecordState", "Xung đột, chờ người chọn: %1. Chọn giá trị ở trang Đồng bộ, thẻ Xung đột.")


def label(state: str) -> str:
    return QCoreApplication.translate(CONTEXT, str(LABELS[state])) if state in LABELS else state


def tooltip(state: record_sync.RecordState, lang: str) -> str:
    """The reason; a conflict names its fields as the conflict queue does, and where to choose."""
    if state.state == "conflict" and state.fields:
        names = ", ".join(field_name(f) for f in state.fields)
        return QCoreApplication.translate(CONTEXT, str(CONFLICT_TIP)).replace("%1", names)
    return state.reason_en if lang == "en" else state.reason_vi


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
            return tooltip(state, self.lang)
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
    label_widget.setToolTip(tooltip(state, lang) if state is not None else "")
    colour = COLOURS.get(state.state) if state is not None else None
    label_widget.setStyleSheet(f"color: {colour};" if colour else "")


# The column in lists built with QStandardItemModel (issue 10 §5): the sync cell keeps its record.
RecordRole = Qt.ItemDataRole.UserRole + 40  # (table, record id) on the "Đồng bộ" cell


def header_text() -> str:
    return QCoreApplication.translate(CONTEXT, str(HEADER))


def states_unless_province(db: DataHandle, wanted: dict[str, list[str]]) -> dict[str, record_sync.RecordState] | None:
    """In the worker, with the rows: the states of these records by table, merged (ids are unique);
    None on the province, whose lists do not show the column."""
    if province.is_province(db):
        return None
    found: dict[str, record_sync.RecordState] = {}
    for table, ids in wanted.items():
        found.update(record_sync.states(db, table, ids))
    return found


def _paint(item: Any, state: record_sync.RecordState | None, lang: str) -> None:
    item.setText(label(state.state) if state is not None else "")
    item.setToolTip(tooltip(state, lang) if state is not None else "")
    colour = COLOURS.get(state.state) if state is not None else None
    item.setData(QBrush(QColor(colour)) if colour else None, Qt.ItemDataRole.ForegroundRole)


def state_item(table: str, record_id: str, states: dict[str, record_sync.RecordState] | None, lang: str) -> Any:
    """The cell of a QStandardItemModel's "Đồng bộ" column for one record (empty on the province)."""
    from PySide6.QtGui import QStandardItem  # here: the imports above are not this helper's to change

    item = QStandardItem()
    item.setEditable(False)
    item.setData((table, record_id), RecordRole)
    _paint(item, (states or {}).get(record_id), lang)
    return item


def _state_cells(model: Any, column: int) -> list[Any]:
    """The sync cells of the model's rows and of their children (a tree's evidence under its update)."""
    out, parents = [], [model.invisibleRootItem()]
    while parents:
        parent = parents.pop()
        for row in range(parent.rowCount()):
            cell = parent.child(row, column)
            if cell is not None and cell.data(RecordRole):
                out.append(cell)
            if parent.child(row, 0) is not None and parent.child(row, 0).hasChildren():
                parents.append(parent.child(row, 0))
    return out


def refresh_cells(submit: Callable[..., object], db: DataHandle,
                  lists: list[tuple[Any, int]], lang: str, also: dict[str, list[str]] | None = None,
                  then: Callable[[dict[str, record_sync.RecordState] | None], None] | None = None) -> None:
    """On showEvent (back from the Đồng bộ page, a sync may have moved them): the states of the records
    the lists (model, sync column) show, and of also's, read again in one worker call; the cells are
    updated in place (selection and scroll stay), then(found) shows the others."""
    wanted: dict[str, list[str]] = {table: list(ids) for table, ids in (also or {}).items()}
    for model, column in lists:
        for cell in _state_cells(model, column):
            table, record_id = cell.data(RecordRole)
            wanted.setdefault(table, []).append(record_id)
    if not any(wanted.values()):
        return

    def shown(found: dict[str, record_sync.RecordState] | None) -> None:
        for model, column in lists:
            for cell in _state_cells(model, column):  # walked again: the model may have been refilled meanwhile
                record_id = cell.data(RecordRole)[1]
                if found and record_id in found:
                    _paint(cell, found[record_id], lang)
        if then is not None:
            then(found)

    submit(lambda: states_unless_province(db, wanted), shown)
