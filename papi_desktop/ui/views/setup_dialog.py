"""First-run set-up: choose the commune or ward, the officials' names and titles — or the demo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import reference, setup
from ...services.handle import DataHandle
from ..widgets.messages import show_error
from ..workers import JobRunner


class SetupDialog(QDialog):
    """Signals:
        sig_done(object): the Profile that was saved.
    """

    sig_done = Signal(object)

    def __init__(self, db: DataHandle, parent: QWidget | None = None, runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # The window's database worker when there is one (the program's start); the set-up then writes
        # there while the dialog stays responsive.
        self.runner = runner or getattr(parent, "runner", None)
        self.setWindowTitle(self.tr("Thiết lập PAPI Desktop"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("Chọn xã, phường dùng chương trình và nhập tên các chức danh ký báo cáo. "
                               "Có thể sửa lại trong Cài đặt."))
        intro.setWordWrap(True)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for u in reference.units():
            self.unit.addItem(f"{u.full_name} ({u.code})", u.code)
        self.unit.setCurrentIndex(-1)
        self.unit.lineEdit().setPlaceholderText(self.tr("Gõ tên xã, phường để tìm…"))
        completer = self.unit.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.chairman = QLineEdit()
        self.chairman_title = QLineEdit("Chủ tịch")
        self.vice = QLineEdit()
        self.officer = QLineEdit()
        self.officer_title = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Xã, phường:"), self.unit)
        form.addRow(self.tr("Họ tên Chủ tịch UBND:"), self.chairman)
        form.addRow(self.tr("Chức danh người ký:"), self.chairman_title)
        form.addRow(self.tr("Họ tên Phó Chủ tịch:"), self.vice)
        form.addRow(self.tr("Công chức phụ trách:"), self.officer)
        form.addRow(self.tr("Chức danh công chức:"), self.officer_title)
        self.start_button = QPushButton(self.tr("Bắt đầu"))
        self.start_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Mở xã mẫu để dùng thử"))
        self.cancel_button = QPushButton(self.tr("Thoát"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self._save)
        self.demo_button.clicked.connect(self._demo)
        self.cancel_button.clicked.connect(self.reject)

    def selected_code(self) -> str | None:
        idx = self.unit.findText(self.unit.currentText())
        return self.unit.itemData(idx) if idx >= 0 else None

    def _save(self) -> None:
        code = self.selected_code()
        if not code:
            show_error(self, self.tr("Hãy chọn xã, phường trong danh sách 75 đơn vị của tỉnh Sơn La."))
            self.unit.setFocus()
            return
        db = self.db
        names = dict(chairman_name=self.chairman.text(), chairman_title=self.chairman_title.text(),
                     vice_chairman_name=self.vice.text(), officer_name=self.officer.text(),
                     officer_title=self.officer_title.text())
        self._run(lambda: setup.setup_commune(db, code, **names))

    def _demo(self) -> None:
        db = self.db
        self._run(lambda: setup.create_demo(db))

    def _run(self, fn: Callable[[], object]) -> None:
        """In the database worker with a runner (the buttons off meanwhile); a refusal is shown and the
        dialog stays open."""
        buttons = (self.start_button, self.demo_button, self.cancel_button)

        def done(profile: object) -> None:
            for b in buttons:
                b.setEnabled(True)
            self.sig_done.emit(profile)
            self.accept()

        def failed(exc: BaseException) -> None:
            for b in buttons:
                b.setEnabled(True)
            show_error(self, exc)

        if self.runner is None:
            try:
                profile = fn()
            except Exception as exc:  # noqa: BLE001 - shown to the user, data unchanged
                failed(exc)
                return
            done(profile)
            return
        for b in buttons:
            b.setEnabled(False)
        self.runner.submit(fn, done, failed, owner=self)
