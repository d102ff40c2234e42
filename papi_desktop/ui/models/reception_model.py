"""Lazy table model over the reception book (100,000 visits stay fast: ids only, pages on demand)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from ...domain.dates import format_vn
from ...services.reception import CLASS_LABELS, TYPE_LABELS, ReceptionRow
from .record_state import SyncedTableModel

DIRECTION_LABELS = {"": "", "accept": "Thụ lý", "guide": "Hướng dẫn", "forward": "Chuyển đơn"}


class ReceptionTableModel(SyncedTableModel):
    COL_DATE, COL_TYPE, COL_NAMES, COL_ADDRESS, COL_ID, COL_PEOPLE, COL_SUMMARY, COL_CLASSES, COL_DIRECTION = range(9)
    COL_SYNC = 9  # the record's sync state (SyncedTableModel)
    CONTEXT = "ReceptionTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ReceptionTableModel", "Ngày tiếp"),
        QT_TRANSLATE_NOOP("ReceptionTableModel", "Hình thức"),
        QT_TRANSLATE_NOOP("ReceptionTableModel", "Họ tên"),
        QT_TRANSLATE_NOOP("ReceptionTableModel", "Địa chỉ"),
        QT_TRANSLATE_NOOP("ReceptionTableModel", "CCCD"),
        QT_TRANSLATE_NOOP("ReceptionTableModel", "Số người"),
        QT_TRANSLATE_NOOP("ReceptionTableModel", "Nội dung vụ việc"),
        QT_TRANSLATE_NOOP("ReceptionTableModel", "Phân loại"),
        QT_TRANSLATE_NOOP("ReceptionTableModel", "Hướng xử lý"),
    )
    COLUMNS = ("received_on", "reception_type", "names", "address", "id_numbers", "people_count", "summary",
               "classes", "direction")

    def display(self, item: ReceptionRow, col: int, for_sort: bool) -> object:
        if col == self.COL_DATE:
            return item.received_on.isoformat() if for_sort else format_vn(item.received_on)
        if col == self.COL_TYPE:
            return TYPE_LABELS.get(item.reception_type, item.reception_type)
        if col == self.COL_CLASSES:
            return ", ".join(CLASS_LABELS[c] for c in item.classes.split(",") if c)
        if col == self.COL_DIRECTION:
            return DIRECTION_LABELS.get(item.direction, item.direction)
        return super().display(item, col, for_sort)

    def extra(self, item: ReceptionRow, col: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.COL_SUMMARY, self.COL_NAMES, self.COL_ADDRESS,
                                                           self.COL_CLASSES):
            return self.display(item, col, False)  # the columns are narrow on a 1280×720 screen
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_PEOPLE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
