"""Attendance by group: a small editable table (group, number of people) with the usual groups."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

# Groups a dialogue's minutes usually list (Luật 10/2022, Điều 27 and 32); any other can be added.
DEFAULT_GROUPS = (
    "Lãnh đạo Đảng ủy, HĐND, UBND xã",
    "Ủy ban MTTQ và các tổ chức chính trị - xã hội",
    "Ban Thanh tra nhân dân",
    "Trưởng thôn, bản",
    "Nhân dân",
)
HEADERS = (QT_TRANSLATE_NOOP("AttendanceEditor", "Thành phần"), QT_TRANSLATE_NOOP("AttendanceEditor", "Số người"))


class AttendanceEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("AttendanceEditor", h) for h in HEADERS])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the form
        add = QPushButton(self.tr("Thêm thành phần"))
        remove = QPushButton(self.tr("Bỏ dòng"))
        add.clicked.connect(lambda: self.add_group("", 0, edit=True))
        remove.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.set_attendance({})

    def add_group(self, name: str, count: int, edit: bool = False) -> None:
        number = QStandardItem()
        number.setData(int(count), Qt.ItemDataRole.EditRole)  # an int: the view edits it with a spin box
        self.model.appendRow([QStandardItem(name), number])
        if edit:
            self.view.edit(self.model.index(self.model.rowCount() - 1, 0))

    def set_attendance(self, attendance: dict[str, int]) -> None:
        """The usual groups first (0 when absent), then any other recorded group."""
        self.model.removeRows(0, self.model.rowCount())
        for name in DEFAULT_GROUPS:
            self.add_group(name, attendance.get(name, 0))
        for name, count in attendance.items():
            if name not in DEFAULT_GROUPS:
                self.add_group(name, count)

    def attendance(self) -> dict[str, int]:
        """Groups with at least one person, in the table's order."""
        out: dict[str, int] = {}
        for row in range(self.model.rowCount()):
            name = (self.model.item(row, 0).text() or "").strip()
            count = int(self.model.item(row, 1).data(Qt.ItemDataRole.EditRole) or 0)
            if name and count > 0:
                out[name] = out.get(name, 0) + count
        return out

    def _remove_current(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.removeRow(row)
