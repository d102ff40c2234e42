"""Enter a budget table by hand: the lines as they are printed (STT, content, amounts in đồng, typed
1.234.567 or 1234567), checked like an import before anything is saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import KnownError
from ...domain.numbers import parse_amount
from ...services import budget, reference
from ..widgets.forms import ok_cancel_row, resize_within_screen, save_then_close
from ..widgets.messages import current_lang, show_error
from ..workers import JobRunner


class BudgetEntryDialog(QDialog):
    def __init__(self, year: int, save: Callable[[budget.TableInput], str], parent: QWidget | None = None,
                 runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Nhập bảng ngân sách"))
        resize_within_screen(self, 860, 620)
        self._save = save
        self.saved_id: str | None = None
        self.year = QSpinBox()
        self.year.setRange(2017, 2100)
        self.year.setValue(year)
        self.stage = QComboBox()
        for st in reference.budget_forms()["stages"]:
            self.stage.addItem(st["name_en" if current_lang() == "en" else "name_vi"], st["code"])
        self.form_code = QLineEdit()
        self.form_code.setPlaceholderText(self.tr("ví dụ 110 hoặc CKNS-03 (để trống nếu không có)"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("ví dụ: Dự toán chi ngân sách xã"))
        self.columns = QLineEdit("Dự toán năm")  # a column of an official table: always Vietnamese
        self.columns.setToolTip(self.tr("Tên các cột số tiền, cách nhau bởi dấu ;"))
        self.model = QStandardItemModel(0, 3, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setDefaultSectionSize(24)
        add, remove = QPushButton(self.tr("Thêm dòng")), QPushButton(self.tr("Bỏ dòng"))
        add.clicked.connect(self.add_row)
        remove.clicked.connect(lambda: self.view.currentIndex().isValid()
                               and self.model.removeRow(self.view.currentIndex().row()))
        self.columns.editingFinished.connect(self._headers)
        form = QFormLayout()
        form.addRow(self.tr("Năm ngân sách:"), self.year)
        form.addRow(self.tr("Giai đoạn:"), self.stage)
        form.addRow(self.tr("Số biểu:"), self.form_code)
        form.addRow(self.tr("Tên bảng:"), self.title)
        form.addRow(self.tr("Các cột số tiền:"), self.columns)
        rows = QHBoxLayout()
        rows.addWidget(add)
        rows.addWidget(remove)
        rows.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addLayout(rows)
        layout.addLayout(ok_cancel_row(self, self.tr("Lưu")))
        self._headers()
        for _ in range(5):
            self.add_row()

    def column_names(self) -> list[str]:
        return [c.strip() for c in self.columns.text().split(";") if c.strip()]

    def _headers(self) -> None:
        names = self.column_names()
        self.model.setColumnCount(2 + len(names))
        self.model.setHorizontalHeaderLabels([self.tr("STT"), self.tr("Nội dung"), *names])
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def add_row(self, code: str = "", name: str = "", *amounts: str) -> None:
        cells = [QStandardItem(code), QStandardItem(name)]
        cells += [QStandardItem(amounts[i] if i < len(amounts) else "") for i in range(len(self.column_names()))]
        self.model.appendRow(cells)

    def lines(self) -> list[budget.LineEntry]:
        out = []
        names = self.column_names()
        for row in range(self.model.rowCount()):
            texts = [(self.model.item(row, c).text() if self.model.item(row, c) else "").strip()
                     for c in range(2 + len(names))]
            if not any(texts):
                continue
            values = {}
            for i, text in enumerate(texts[2:]):
                try:
                    amount = parse_amount(text, f"dòng {row + 1}, cột “{names[i]}”")
                except KnownError as exc:
                    raise KnownError(f"Dòng {row + 1}: {exc.vi}", f"Row {row + 1}: {exc.en}") from None
                if amount is not None:
                    values[f"c{i + 1}"] = amount
            out.append(budget.LineEntry(texts[0], texts[1], values))
        return out

    def accept(self) -> None:
        try:
            inp = budget.TableInput(self.year.value(), self.stage.currentData(), self.title.text(),
                                    self.column_names(), self.lines(), form_code=self.form_code.text())
        except Exception as exc:  # noqa: BLE001 - an amount that cannot be read; the dialog keeps what was typed
            show_error(self, exc)
            return
        save_then_close(self, self.runner, lambda: self._save(inp), self._saved)

    def _saved(self, table_id: str) -> None:
        self.saved_id = table_id
        super().accept()
