"""Small dialogs of the Plan page: add a task, record progress with evidence, add a milestone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn, parse_vn
from ...services import progress, reference
from ...services.handle import DataHandle
from ..widgets.forms import ok_cancel_row, resize_within_screen
from ..widgets.messages import current_lang, show_error
from ..widgets.registry_note import RegistryNote
from ..workers import JobRunner


class AddTaskDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, dimension: int | None = None,
                 runner: JobRunner | None = None, db: DataHandle | None = None) -> None:
        """runner, db: to say whether this PC keeps the registers; by default the Plan page's (parent)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm nhiệm vụ"))
        resize_within_screen(self, 560, 420)
        self.dimension = QComboBox()
        for dim in reference.dimensions():
            self.dimension.addItem(f"{dim.number}. {dim.name(current_lang())}", dim.number)
        if dimension:
            self.dimension.setCurrentIndex(dimension - 1)
        self.task = QPlainTextEdit()
        self.task.setTabChangesFocus(True)
        self.output = QLineEdit()
        self.lead = QLineEdit()
        self.coordinators = QLineEdit()
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText(self.tr("Ví dụ: - Kế hoạch quý I/2026; - Báo cáo quý IV/2026"))
        form = QFormLayout()
        form.addRow(self.tr("Chỉ số nội dung:"), self.dimension)
        form.addRow(self.tr("Nhiệm vụ:"), self.task)
        form.addRow(self.tr("Sản phẩm đầu ra:"), self.output)
        form.addRow(self.tr("Cơ quan chủ trì:"), self.lead)
        form.addRow(self.tr("Cơ quan phối hợp:"), self.coordinators)
        form.addRow(self.tr("Thời gian hoàn thành:"), self.deadline)
        self.registry_note = RegistryNote(self.tr(
            "Máy này không giữ sổ của xã: nếu máy khác cũng thêm nhiệm vụ vào chỉ số này khi chưa đồng bộ, máy giữ "
            "sổ có thể đánh lại số và thứ tự của nhiệm vụ khi nhận dữ liệu của máy này."))
        self.registry_note.watch(runner or getattr(parent, "runner", None), db or getattr(parent, "db", None))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.registry_note)
        layout.addLayout(ok_cancel_row(self, self.tr("Thêm")))

    def values(self) -> tuple[int, dict[str, str]]:
        return int(self.dimension.currentData()), {
            "task": self.task.toPlainText(), "output": self.output.text(), "lead": self.lead.text(),
            "coordinators": self.coordinators.text(), "deadline_text": self.deadline.text(),
        }


class MilestoneDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm mốc thời gian"))
        self.text = QLineEdit()
        self.due = QLineEdit()
        self.due.setPlaceholderText(self.tr("ngày/tháng/năm, để trống nếu không có hạn"))
        form = QFormLayout()
        form.addRow(self.tr("Sản phẩm, nội dung:"), self.text)
        form.addRow(self.tr("Hạn:"), self.due)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, self.tr("Thêm")))

    def values(self) -> tuple[str, date | None]:
        return self.text.text(), parse_vn(self.due.text(), "hạn")


class ProgressDialog(QDialog):
    """Record progress for a reporting period, with evidence documents and optional attached files."""

    def __init__(self, year: int, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cập nhật tiến độ"))
        resize_within_screen(self, 720, 480)
        today = today or date.today()
        self.period = QComboBox()
        for period in progress.periods(year):
            self.period.addItem(period.label(current_lang()), period.code)
        current = progress.period_for_day(today)
        if current is not None and self.period.findData(current.code) >= 0:
            self.period.setCurrentIndex(self.period.findData(current.code))
        self.result = QPlainTextEdit()
        self.result.setTabChangesFocus(True)
        self.reported_on = QLineEdit(format_vn(today))
        self.evidence = QStandardItemModel(0, 4, self)
        self.evidence.setHorizontalHeaderLabels([self.tr("Số, ký hiệu văn bản"), self.tr("Ngày"),
                                                 self.tr("Trích yếu"), self.tr("Tệp đính kèm")])
        self.table = QTableView()
        self.table.setModel(self.evidence)
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("Thêm văn bản"))
        attach = QPushButton(self.tr("Đính kèm tệp…"))
        remove = QPushButton(self.tr("Bỏ dòng"))
        add.clicked.connect(self.add_evidence_row)
        attach.clicked.connect(self._attach)
        remove.clicked.connect(self._remove)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.accept)
        ev_buttons = QHBoxLayout()
        for b in (add, attach, remove):
            ev_buttons.addWidget(b)
        ev_buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Kỳ báo cáo:"), self.period)
        form.addRow(self.tr("Kết quả thực hiện:"), self.result)
        form.addRow(self.tr("Ngày cập nhật:"), self.reported_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(ev_buttons)
        layout.addLayout(ok_cancel_row(self, self.tr("Lưu")))

    def add_evidence_row(self, doc_ref: str = "", doc_date: str = "", summary: str = "", file: str = "") -> None:
        items = [QStandardItem(doc_ref), QStandardItem(doc_date), QStandardItem(summary), QStandardItem(file)]
        items[3].setEditable(False)
        self.evidence.appendRow(items)
        self.table.setCurrentIndex(self.evidence.index(self.evidence.rowCount() - 1, 0))

    def _attach(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            self.add_evidence_row()
            row = self.evidence.rowCount() - 1
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp minh chứng"))
        if name:
            self.evidence.item(row, 3).setText(name)

    def _remove(self) -> None:
        idx: QModelIndex = self.table.currentIndex()
        if idx.isValid():
            self.evidence.removeRow(idx.row())

    def values(self) -> tuple[str, str, date | None, list[progress.EvidenceInput]]:
        evidence = []
        for row in range(self.evidence.rowCount()):
            cells = [self.evidence.item(row, c).text().strip() for c in range(4)]
            if not any(cells):
                continue
            evidence.append(progress.EvidenceInput(
                doc_ref=cells[0], doc_date=parse_vn(cells[1], "ngày văn bản"), summary=cells[2],
                file=Path(cells[3]) if cells[3] else None,
            ))
        return (str(self.period.currentData()), self.result.toPlainText(),
                parse_vn(self.reported_on.text(), "ngày cập nhật"), evidence)

    def accept(self) -> None:
        try:
            self.values()
        except Exception as exc:  # noqa: BLE001 - a wrong date: say which, keep the dialog open
            show_error(self, exc)
            return
        super().accept()


def evidence_model_row(texts: list[str]) -> list[QStandardItem]:
    items = [QStandardItem(t) for t in texts]
    for item in items:
        item.setEditable(False)
        item.setData(Qt.AlignmentFlag.AlignTop, Qt.ItemDataRole.TextAlignmentRole)
    return items
