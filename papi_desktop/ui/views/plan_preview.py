"""The plan page's place while the database is being opened: the plan's tasks as the snapshot read them
(services.plan_snapshot), to look at only. The main window replaces it with the real plan page, the same
rows then interactive, once that page has read them. Imports nothing that loads SQLAlchemy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...domain.status import STATUS_LABELS
from ...services.plan_snapshot import PlanSnapshot
from ..models import preview_model as cols
from ..models.preview_model import PreviewModel
from ..widgets.messages import current_lang
from ..widgets.tables import text_columns


def size_task_columns(table: QTableView, lang: str) -> None:
    """The task list's column widths, the same in the preview and on the plan page."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(cols.COL_TASK, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(40)
    statuses = [labels[1 if lang == "en" else 0] for labels in STATUS_LABELS.values()]
    text_columns(table, {cols.COL_DIM: "00", cols.COL_NUMBER: "00", cols.COL_NEXT_DUE: "00/00/0000",
                         cols.COL_STATUS: max(statuses, key=table.fontMetrics().horizontalAdvance)})
    text_columns(table, {cols.COL_LEAD: 120, cols.COL_DEADLINE: 130})


class PlanPreview(QWidget):
    def __init__(self, snapshot: PlanSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_lang()
        doc = f" — {snapshot.doc_number}" if snapshot.doc_number else ""
        self.title = QLabel(self.tr("Kế hoạch cải thiện chỉ số PAPI năm %1").replace("%1", str(snapshot.year)) + doc)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.notice = QLabel(self.tr("Đang mở dữ liệu… Danh sách dưới đây chỉ để xem; có thể tìm, lọc và sửa khi "
                                     "mở xong."))
        self.notice.setWordWrap(True)
        self.model = PreviewModel(snapshot.rows, lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        size_task_columns(self.table, lang)
        self.count_label = QLabel(self.tr("%1 nhiệm vụ").replace("%1", str(len(snapshot.rows))))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
