"""Cài đặt: the report templates the province sent with its updates (name, size, the update's version
and date), and a copy of one saved where the clerk chooses (written whole or not at all)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...services import province_templates
from ...services.handle import DataHandle
from ..workers import JobRunner
from .flow import FlowLayout
from .messages import current_lang, show_error, show_info
from .tables import fit_columns, readonly_table

ROW_LIMIT = 6  # rows shown before the table scrolls (Cài đặt itself scrolls)


def size_text(size: int, lang: str | None = None) -> str:
    """1 234 567 -> "1,2 MB" (Vietnamese) or "1.2 MB" (English, lang default: the UI's), units as Explorer
    shows them."""
    if size < 1024:
        return f"{size} B"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / (1024 * 1024), "MB")
    number = f"{value:.1f}"
    return (number if (lang or current_lang()) == "en" else number.replace(".", ",")) + f" {unit}"


class ProvinceTemplatesBox(QGroupBox):
    """The list is read in the database worker (the templates' records are local settings), the copy
    written there too (a slow stick never freezes the window).

    Signals:
        sig_loaded(): the list was read and is shown.
        sig_saved(object): the copy's Path, or None when it was not written.
    """

    sig_loaded = Signal()
    sig_saved = Signal(object)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self.setTitle(self.tr("Mẫu biểu của tỉnh"))
        self.templates: list[province_templates.Template] = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.view = readonly_table(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.save_button = QPushButton(self.tr("Lưu bản sao…"))
        row = FlowLayout()
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view)
        layout.addLayout(row)
        self.save_button.clicked.connect(lambda: self.save_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.view.doubleClicked.connect(lambda _i: self.save_selected())
        self._shown_once = False
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Read again when Cài đặt is opened: an update applied on Đồng bộ may have brought new ones."""
        super().showEvent(event)
        if self._shown_once:
            self.reload()
        self._shown_once = True

    def reload(self) -> None:
        db = self.db
        self.runner.submit(lambda: province_templates.listed(db), self._show, owner=self)

    def _show(self, templates: list[province_templates.Template]) -> None:
        chosen = self.selected()
        self.templates = templates
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Tên tệp"), self.tr("Dung lượng"), self.tr("Bản cập nhật"),
                                              self.tr("Ngày phát hành")])
        for t in templates:
            name = QStandardItem(t.name)
            name.setData(t.name, Qt.ItemDataRole.UserRole)
            size = QStandardItem(size_text(t.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            version = QStandardItem(self.tr("phiên bản %1").replace("%1", str(t.version)) if t.version else "")
            self.model.appendRow([name, size, version, QStandardItem(province_templates.day(t.published))])
        fit_columns(self.view, contents=range(1, 4), stretch=0)
        height = self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth()
        self.view.setFixedHeight(height + self.view.verticalHeader().defaultSectionSize()
                                 * max(1, min(len(templates), ROW_LIMIT)))
        self.note.setText(self.tr("Mẫu biểu tỉnh gửi cùng bản cập nhật (trang Đồng bộ). Chọn một mẫu rồi lưu bản sao "
                                  "để điền hoặc in; bản trong chương trình giữ nguyên.") if templates else
                          self.tr("Chưa nhận mẫu biểu nào của tỉnh. Mẫu biểu đến cùng bản cập nhật của tỉnh (trang "
                                  "Đồng bộ)."))
        self.view.setVisible(bool(templates))
        self.save_button.setVisible(bool(templates))
        names = [t.name for t in templates]
        if chosen is not None and chosen.name in names:
            self.view.selectRow(names.index(chosen.name))
        self._enable()
        self.sig_loaded.emit()

    def _enable(self) -> None:
        self.save_button.setEnabled(self.selected() is not None)

    def selected(self) -> province_templates.Template | None:
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].row() if rows else None
        return self.templates[row] if row is not None and row < len(self.templates) else None

    def save_selected(self, target: Path | None = None) -> bool:
        """Ask where (unless target is given), then write the copy in the worker; False when nothing was asked."""
        template = self.selected()
        if template is None:
            return False
        if target is None:
            suffix = Path(template.name).suffix
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu bản sao mẫu biểu"),
                                                  str(Path.home() / template.name),
                                                  self.tr("Mẫu biểu (*%1);;Mọi tệp (*)").replace("%1", suffix))
            if not name:
                return False
            target = Path(name)
        chosen, what = target, template.name

        def saved(path: Path) -> None:
            show_info(self, self.tr("Đã lưu bản sao mẫu biểu %1: %2").replace("%1", what).replace("%2", str(path)))
            self.sig_saved.emit(path)

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.sig_saved.emit(None)

        self.runner.submit(lambda: province_templates.save_copy(what, chosen), saved, failed, owner=self)
        return True
