"""Xóa dữ liệu cá nhân của công dân (issue 13 §3): find the records that name a person (every register
and list), choose one and the reason, confirm, and the service erases it on the database worker
(services.personal_data: the values emptied, the record's key destroyed, the erasure sent with the
next bundle). Opened from Cài đặt (PersonalDataButton); the service refuses anyone but a leader or an
admin, with its words shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.erasure import REASONS
from ...services import personal_data
from ...services.handle import DataHandle
from ..widgets.forms import resize_within_screen
from ..widgets.messages import ask, current_lang, show_error, show_info
from ..widgets.role_gate import RoleGate
from ..workers import JobRunner


class PersonalDataDialog(QDialog):
    """sig_found(count) after each search; sig_erased(message, "" when refused) after each erasure."""

    sig_found = Signal(int)
    sig_erased = Signal(str)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.found: list[personal_data.Found] = []
        self.setWindowTitle(self.tr("Xóa dữ liệu cá nhân của công dân"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "Khi công dân yêu cầu (hoặc hết thời hạn lưu trữ), xóa họ tên, địa chỉ, số định danh, năm sinh của "
            "một bản ghi. Bản ghi vẫn còn (ngày, nội dung, kết quả); dữ liệu cũ trong nhật ký thay đổi không mở "
            "được nữa; việc xóa được gửi lên tỉnh cùng gói dữ liệu tiếp theo. Báo cáo đã ký và bản sao lưu cũ "
            "không bị sửa: bản sao lưu hết hạn theo vòng lưu giữ."))
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Họ tên (không cần dấu)"))
        self.search_edit.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Tìm"))
        self.search_button.clicked.connect(self.search)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Họ tên"), self.tr("Số định danh"), self.tr("Ngày"),
                                              self.tr("Hồ sơ")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)
        self.status = QLabel("")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Lý do:")))
        self.reason = QComboBox()
        en = current_lang() == "en"
        for code, labels in REASONS.items():
            self.reason.addItem(labels[en], code)
        row.addWidget(self.reason, 1)
        self.erase_button = QPushButton(self.tr("Xóa dữ liệu cá nhân…"))
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase_selected)
        row.addWidget(self.erase_button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        resize_within_screen(self, 760, 520)

    def search(self) -> None:
        db, name = self.db, self.search_edit.text()
        self.search_button.setEnabled(False)

        def done(found: list[personal_data.Found]) -> None:
            self.search_button.setEnabled(True)
            self._show(found)
            self.sig_found.emit(len(found))

        def failed(exc: BaseException) -> None:
            self.search_button.setEnabled(True)
            self._show([])
            show_error(self, exc)
            self.sig_found.emit(-1)

        self.runner.submit(lambda: personal_data.find(db, name), done, failed, owner=self)

    def _show(self, found: list[personal_data.Found]) -> None:
        self.found = found
        lang = current_lang()
        self.table.setRowCount(len(found))
        for r, f in enumerate(found):
            for c, value in enumerate((f.name, f.id_masked, f"{f.day:%d/%m/%Y}" if f.day else "", f.what(lang))):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("Tìm thấy %1 bản ghi.").replace("%1", str(len(found))) if found
                            else self.tr("Không có bản ghi nào có tên này."))
        self._enable()

    def selected(self) -> personal_data.Found | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows and rows[0].row() < len(self.found) else None

    def _enable(self) -> None:
        self.erase_button.setEnabled(self.selected() is not None)

    def erase_selected(self) -> bool:
        """Erase the chosen record's personal data after a confirmation naming it."""
        chosen = self.selected()
        if chosen is None:
            return False
        lang, reason = current_lang(), self.reason.currentData()
        question = self.tr("Xóa dữ liệu cá nhân của %1 (%2)? Không thể hoàn tác.")
        if not ask(self, question.replace("%1", chosen.name).replace("%2", chosen.what(lang))):
            return False
        db = self.db

        def done(result: personal_data.Erasure) -> None:
            message = result.message(lang)
            show_info(self, message)
            self.sig_erased.emit(message)
            self.search()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.sig_erased.emit("")

        self.runner.submit(lambda: personal_data.erase(db, chosen.table, chosen.record_id, reason), done, failed,
                           owner=self)
        return True


class PersonalDataButton(QPushButton):
    """“Xóa dữ liệu cá nhân…” in Cài đặt."""

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Xóa dữ liệu cá nhân…"), parent)
        self.db, self.runner = db, runner
        self.dialog: PersonalDataDialog | None = None
        RoleGate(db, "erase").hold(self)  # finding a citizen by name is part of it (services/personal_data)
        self.clicked.connect(self.open_dialog)

    def open_dialog(self) -> PersonalDataDialog:
        self.dialog = PersonalDataDialog(self.db, self.runner, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog
