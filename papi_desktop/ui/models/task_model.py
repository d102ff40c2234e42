"""Lazy table model over a plan's tasks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.dates import format_vn
from ...domain.status import STATUS_LABELS
from ...services.plan import TaskRow
from . import preview_model
from .lazy import PAGE, LazyTableModel, RowIdRole, SortRole

TaskIdRole = RowIdRole
StatusRole = Qt.ItemDataRole.UserRole + 3
__all__ = ["PAGE", "SortRole", "StatusRole", "TaskIdRole", "TaskTableModel"]


class TaskTableModel(LazyTableModel):
    COL_DIM, COL_NUMBER, COL_TASK, COL_LEAD, COL_DEADLINE, COL_NEXT_DUE, COL_STATUS = range(7)
    CONTEXT = "TaskTableModel"
    HEADERS = preview_model.HEADERS  # one list, in this context, for the start-up preview too
    COLUMNS = ("dimension", "number", "task", "lead", "deadline_text", "next_due", "shown_status")

    def task_id(self, row: int) -> str | None:
        return self.row_id(row)

    def display(self, item: TaskRow, col: int, for_sort: bool) -> object:
        if col == self.COL_NEXT_DUE:
            if for_sort:
                return item.next_due.isoformat() if item.next_due else "9999"
            return format_vn(item.next_due)
        if col == self.COL_STATUS:
            labels = STATUS_LABELS[item.shown_status]
            return labels[1] if self.lang == "en" else labels[0]
        return super().display(item, col, for_sort)

    def extra(self, item: TaskRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_TASK, self.COL_DEADLINE, self.COL_LEAD):
            return {self.COL_TASK: item.task, self.COL_DEADLINE: item.deadline_text, self.COL_LEAD: item.lead}[col]
        if role == StatusRole:
            return item.shown_status
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATUS:
            colour = {"overdue": "#b3261e", "done": "#1b6e20", "in_progress": "#8a5a00"}.get(item.shown_status)
            return QBrush(QColor(colour)) if colour else None
        return None
