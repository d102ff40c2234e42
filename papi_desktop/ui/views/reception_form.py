"""Entering one visit in the reception book: the 13 columns of Mẫu 03/TCD, the type and the receiver.

Keyboard first: fields in reading order, Tab moves on, Enter saves, Esc cancels, Ctrl+Shift+N adds
a citizen row. Every problem of the entry is shown at once, in the user's language.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn, parse_vn
from ...services import reception as rs
from ...services.handle import DataHandle
from ..widgets.forms import ok_cancel_row, resize_within_screen, save_then_close
from ..widgets.messages import show_error
from ..workers import JobRunner


class ReceptionDialog(QDialog):
    """Signals:
        sig_saved(str): the id of the visit saved.
    """

    sig_saved = Signal(str)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None, today: date | None = None,
                 receiver: str = "") -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.setWindowTitle(self.tr("Ghi sổ tiếp công dân"))
        resize_within_screen(self, 760, 640)
        self.received_on = QLineEdit(format_vn(today or date.today()))
        self.reception_type = QComboBox()
        for code, label in (("regular", self.tr("Thường xuyên (công chức được phân công)")),
                            ("periodic", self.tr("Định kỳ (Chủ tịch UBND tiếp)")),
                            ("adhoc", self.tr("Đột xuất (lãnh đạo tiếp)"))):
            self.reception_type.addItem(label, code)
        self.receiver = QLineEdit(receiver)
        self.citizens = QStandardItemModel(0, 5, self)
        self.citizens.setHorizontalHeaderLabels([self.tr("Họ tên"), self.tr("Địa chỉ"),
                                                 self.tr("CCCD/giấy tờ"), self.tr("Năm sinh"),
                                                 self.tr("Đại diện")])
        self.citizen_view = QTableView()
        self.citizen_view.setModel(self.citizens)
        self.citizen_view.horizontalHeader().setStretchLastSection(True)
        self.citizen_view.setMaximumHeight(130)
        self.add_citizen_button = QPushButton(self.tr("Thêm công dân (Ctrl+Shift+N)"))
        self.people = QSpinBox()
        self.people.setRange(1, 10000)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(80)
        self.class_boxes = {code: QCheckBox(label) for code, label in (
            ("khieu_nai", self.tr("Khiếu nại")), ("to_cao", self.tr("Tố cáo")),
            ("kien_nghi", self.tr("Kiến nghị")), ("phan_anh", self.tr("Phản ánh")))}
        self.prior = QLineEdit()
        self.direction_group = QButtonGroup(self)
        self.direction_buttons = {}
        for code, label in (("", self.tr("Chưa xử lý")), ("accept", self.tr("Thụ lý")),
                            ("guide", self.tr("Hướng dẫn")), ("forward", self.tr("Chuyển đơn"))):
            button = QRadioButton(label)
            self.direction_group.addButton(button)
            self.direction_buttons[code] = button
        self.direction_buttons[""].setChecked(True)
        self.direction_target = QLineEdit()
        self.direction_target.setPlaceholderText(self.tr("Cơ quan, đơn vị nhận hoặc được hướng dẫn đến"))
        self.direction_doc = QLineEdit()
        self.direction_doc.setPlaceholderText(self.tr("Số văn bản hướng dẫn / chuyển đơn"))
        self.followup = QLineEdit()
        self.notes = QLineEdit()
        self.track_reply = QCheckBox(self.tr("Vào sổ đơn để theo dõi hạn trả lời công dân (10 ngày làm việc)"))
        self.track_reply.setChecked(True)

        classes = QHBoxLayout()
        for box in self.class_boxes.values():
            classes.addWidget(box)
        directions = QHBoxLayout()
        for button in self.direction_buttons.values():
            directions.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Ngày tiếp:"), self.received_on)
        form.addRow(self.tr("Hình thức tiếp:"), self.reception_type)
        form.addRow(self.tr("Người tiếp:"), self.receiver)
        form.addRow(self.tr("Công dân:"), self.citizen_view)
        form.addRow("", self.add_citizen_button)
        form.addRow(self.tr("Số người:"), self.people)
        form.addRow(self.tr("Nội dung vụ việc:"), self.summary)
        form.addRow(self.tr("Phân loại:"), classes)
        form.addRow(self.tr("Cơ quan đã giải quyết:"), self.prior)
        form.addRow(self.tr("Hướng xử lý:"), directions)
        form.addRow("", self.direction_target)
        form.addRow("", self.direction_doc)
        form.addRow(self.tr("Theo dõi kết quả:"), self.followup)
        form.addRow(self.tr("Ghi chú:"), self.notes)
        form.addRow("", self.track_reply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, self.tr("Lưu (Enter)")))
        self.add_citizen_button.clicked.connect(self.add_citizen)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, activated=self.add_citizen)
        self.add_citizen()

    def add_citizen(self, name: str = "", address: str = "", id_number: str = "", birth_year: str = "",
                    representative: bool = False) -> None:
        items = [QStandardItem(name), QStandardItem(address), QStandardItem(id_number), QStandardItem(birth_year),
                 QStandardItem()]
        items[4].setCheckable(True)
        items[4].setCheckState(Qt.CheckState.Checked if representative else Qt.CheckState.Unchecked)
        self.citizens.appendRow(items)
        self.people.setValue(max(self.people.value(), self.citizens.rowCount()))

    def entry(self) -> rs.ReceptionInput:
        citizens = []
        for row in range(self.citizens.rowCount()):
            name, address, id_number, year = (self.citizens.item(row, c).text().strip() for c in range(4))
            if not (name or address or id_number):
                continue
            if year and not year.isdigit():
                raise ValueError(self.tr("Năm sinh “%1” phải là số, ví dụ 1985.").replace("%1", year))
            citizens.append(rs.CitizenInput(
                name, address, id_number, "cccd" if id_number.isdigit() else "other",
                int(year) if year else None, self.citizens.item(row, 4).checkState() == Qt.CheckState.Checked))
        direction = next(code for code, b in self.direction_buttons.items() if b.isChecked())
        return rs.ReceptionInput(
            received_on=parse_vn(self.received_on.text(), "ngày tiếp") or date.today(), citizens=citizens,
            summary=self.summary.toPlainText(), classes=[c for c, box in self.class_boxes.items() if box.isChecked()],
            reception_type=self.reception_type.currentData(), receiver=self.receiver.text(),
            people_count=self.people.value(), prior_authorities=self.prior.text(), direction=direction,
            direction_target=self.direction_target.text(), direction_doc=self.direction_doc.text(),
            followup=self.followup.text(), notes=self.notes.text(),
        )

    def accept(self) -> None:
        """Saved in the database worker; the dialog closes once the visit is written and stays open, with
        what was typed, when the service refuses it."""
        try:
            entry = self.entry()
        except ValueError as exc:
            show_error(self, str(exc))
            return
        db, track = self.db, self.track_reply.isChecked()
        save_then_close(self, self.runner, lambda: rs.add_reception(db, entry, track_reply=track), self._saved)

    def _saved(self, reception_id: str) -> None:
        self.sig_saved.emit(reception_id)
        super().accept()
