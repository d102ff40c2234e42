"""Import the plan appendix: choose the file, preview in a worker, then import all-or-nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled
from ...domain.jobs import CancelToken
from ...services import demo, plan_import, reference
from ...services.handle import DataHandle
from ...services.plan_import import ImportPreview
from ..job_progress import QtProgress
from ..widgets.forms import resize_within_screen
from ..widgets.messages import current_lang, error_text
from ..workers import JobRunner


class ImportDialog(QDialog):
    """Signals:
        sig_previewed(object): the ImportPreview shown.
        sig_imported(object): the result after writing.
        sig_failed(str): the message shown for a bad file or a failure.
    """

    sig_previewed = Signal(object)
    sig_imported = Signal(object)
    sig_failed = Signal(str)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.preview: ImportPreview | None = None
        self._progress: QtProgress | None = None
        self.setWindowTitle(self.tr("Nhập kế hoạch từ Excel"))
        resize_within_screen(self, 720, 520)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Tệp phụ lục kế hoạch (.xlsx)"))
        self.browse_button = QPushButton(self.tr("Chọn tệp…"))
        self.preview_button = QPushButton(self.tr("Xem trước"))
        self.import_button = QPushButton(self.tr("Nhập vào cơ sở dữ liệu"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.status = QLabel(self.tr("Chọn tệp rồi bấm Xem trước. Chưa có gì được ghi cho đến khi bạn bấm Nhập."))
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.preview_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 1)
        layout.addLayout(buttons)
        self.browse_button.clicked.connect(self._browse)
        self.preview_button.clicked.connect(self.start_preview)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.path_edit.returnPressed.connect(self.start_preview)

    def _browse(self) -> None:
        samples = demo.samples_dir()  # the demo's sample appendix, where there is one
        start = str(samples) if samples.is_dir() else ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp kế hoạch"), start,
                                              self.tr("Bảng tính Excel (*.xlsx);;Tất cả tệp (*)"))
        if name:
            self.path_edit.setText(name)
            self.start_preview()

    def _busy(self, busy: bool) -> None:
        for w in (self.browse_button, self.preview_button, self.path_edit):
            w.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self.preview is not None and self.preview.changes_anything)

    def _start_progress(self, label: str) -> tuple[QtProgress, CancelToken]:
        token = CancelToken()
        self._progress = QtProgress(self, label, token)
        return self._progress, token

    def _stop_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def start_preview(self) -> None:
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip():
            self._fail(self.tr("Hãy chọn tệp kế hoạch .xlsx."))
            return
        self.preview = None
        self._busy(True)
        self.status.setText(self.tr("Đang đọc tệp…"))
        progress, token = self._start_progress(self.tr("Đang đọc tệp kế hoạch…"))
        self.runner.submit(lambda: plan_import.preview_import(self.db, path, progress=progress, cancel=token),
                           self._previewed, self._job_failed)

    def _previewed(self, preview: ImportPreview) -> None:
        self._stop_progress()
        self.preview = preview
        self.summary.setPlainText(self.describe(preview))
        if preview.changes_anything:
            self.status.setText(self.tr("Xem trước xong. Kiểm tra rồi bấm “Nhập vào cơ sở dữ liệu”."))
        else:
            self.status.setText(self.tr("Kế hoạch trong tệp giống hệt kế hoạch đã có: không có gì thay đổi."))
        self._busy(False)
        self.sig_previewed.emit(preview)

    def start_import(self) -> None:
        if self.preview is None:
            return
        preview = self.preview
        self._busy(True)
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("Đang nhập…"))
        progress, token = self._start_progress(self.tr("Đang nhập kế hoạch…"))
        self.runner.submit(lambda: plan_import.apply_import(self.db, preview, progress=progress, cancel=token),
                           self._imported, self._job_failed)

    def _imported(self, result: ImportPreview) -> None:
        self._stop_progress()
        self.preview = None
        self._busy(False)
        self.status.setText(self.tr("Đã nhập: %1 nhiệm vụ mới, %2 nhiệm vụ cập nhật, %3 giữ nguyên.")
                            .replace("%1", str(result.added)).replace("%2", str(result.updated))
                            .replace("%3", str(result.unchanged)))
        self.sig_imported.emit(result)

    def _job_failed(self, exc: BaseException) -> None:
        self._stop_progress()
        self.preview = None
        self._busy(False)
        if isinstance(exc, Cancelled):
            self._fail(self.tr("Đã hủy. Dữ liệu không thay đổi."))
        else:
            self._fail(error_text(exc))

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        self.summary.setPlainText(message)
        self.sig_failed.emit(message)

    def describe(self, p: ImportPreview) -> str:
        lang = current_lang()
        lines = [
            self.tr("Năm kế hoạch: %1").replace("%1", str(p.parsed.year)),
            self.tr("Văn bản: %1").replace("%1", p.parsed.doc_number or "—"),
            self.tr("Tổng số nhiệm vụ: %1").replace("%1", str(len(p.parsed.tasks))),
        ]
        for dim in reference.dimensions():
            lines.append(f"  {dim.number}. {dim.name(lang)}: {p.tasks_per_dimension.get(dim.number, 0)}")
        lines.append(self.tr("Mốc thời gian có ngày: %1; không có ngày (thường xuyên, theo quy định…): %2")
                     .replace("%1", str(p.milestones_dated)).replace("%2", str(p.milestones_undated)))
        if p.parsed.indicators:
            lines.append(self.tr("Chỉ tiêu: %1").replace("%1", str(len(p.parsed.indicators))))
        lines.append(self.tr("Thêm mới: %1 · Thay đổi: %2 · Giữ nguyên: %3")
                     .replace("%1", str(p.added)).replace("%2", str(p.updated)).replace("%3", str(p.unchanged)))
        if p.problems:
            lines.append("")
            lines.append(self.tr("Các dòng không hiểu được (%1):").replace("%1", str(len(p.problems))))
            for prob in p.problems:
                reason = prob.en if lang == "en" else prob.vi
                lines.append(self.tr("  Dòng %1: %2 — %3").replace("%1", str(prob.row)).replace("%2", reason)
                             .replace("%3", prob.text))
        return "\n".join(lines)
