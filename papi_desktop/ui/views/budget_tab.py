"""Ngân sách: the commune's budget tables by year, their total checks, the estimate against its
execution, import from Excel, and posting a table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.numbers import group_vn
from ...services import budget, postings, reference
from ...services.handle import DataHandle
from ...services.record_sync import RecordState
from ..import_flow import ImportFlow, row_lines
from ..models.record_state import refresh_cells, show_state, states_unless_province
from ..widgets.flow import FlowLayout
from ..widgets.messages import current_lang, show_error, show_info
from ..widgets.tables import align_right, fit_columns, readonly_table, year_combo
from ..workers import JobRunner, Latest
from .budget_entry import BudgetEntryDialog
from .posting_dialog import PostingDialog, Villages

TableRole = Qt.ItemDataRole.UserRole + 1


def _amount(value: int | None) -> QStandardItem:
    return align_right(QStandardItem(group_vn(value) if value is not None else ""))


class BudgetTab(QWidget):
    """Read and written in the database worker.

    Signals:
        sig_imported(object): a table id, or None when the import wrote nothing.
        sig_reloaded(): the year's tables were read and are shown.
    """

    sig_imported = Signal(object)
    sig_reloaded = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read, self._states_read = Latest(runner, self), Latest(runner, self)
        self._infos: dict[str, budget.TableInfo] = {}
        self._states: dict[str, RecordState] | None = None  # the year's tables' sync states; None: the province
        self.villages = Villages(self, db, runner)
        self.today = date.today
        self.year = year_combo(self.today().year, lambda y: self.tr("Năm ngân sách %1").replace("%1", str(y)),
                               ahead=1, back=4)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("Giai đoạn: theo số biểu"), None)
        for st in reference.budget_forms()["stages"]:
            self.stage.addItem(st["name_en" if current_lang() == "en" else "name_vi"], st["code"])
        self.import_button = QPushButton(self.tr("Nhập bảng từ Excel…"))
        self.entry_button = QPushButton(self.tr("Nhập tay…"))
        self.post_button = QPushButton(self.tr("Niêm yết bảng này…"))
        self.tables = QStandardItemModel(0, 3, self)
        self.tables.setHorizontalHeaderLabels([self.tr("Giai đoạn"), self.tr("Biểu"), self.tr("Tên bảng")])
        self.table_view = readonly_table(self.tables)
        fit_columns(self.table_view, contents=(1,), stretch=2)
        self.table_view.setColumnWidth(0, self.fontMetrics().horizontalAdvance("x" * 16))
        self.lines = QStandardItemModel(self)
        self.line_view = readonly_table(self.lines)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        # The list beside the amounts has no room for a column: the selected table's sync state is a line.
        self.sync_caption, self.sync_label = QLabel(self.tr("Đồng bộ:")), QLabel()
        sync_row = QHBoxLayout()
        sync_row.addWidget(self.sync_caption)
        sync_row.addWidget(self.sync_label, 1)
        self.compare = QStandardItemModel(self)
        self.compare_view = readonly_table(self.compare)
        bar = FlowLayout()
        for w in (self.year, self.stage, self.import_button, self.entry_button, self.post_button):
            bar.addWidget(w)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.line_view, 3)
        right_layout.addWidget(self.check_label)
        right_layout.addLayout(sync_row)
        right_layout.addWidget(QLabel(self.tr("Dự toán so với thực hiện (bảng thực hiện mới nhất của năm):")))
        right_layout.addWidget(self.compare_view, 2)
        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(self.table_view)
        split.addWidget(right)
        split.setStretchFactor(1, 1)  # the amounts get the room
        split.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.import_button.clicked.connect(lambda: self.start_import())
        self.post_button.clicked.connect(self.post_table)
        self.entry_button.clicked.connect(self.enter_table)
        self.table_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_table())
        self.reload()

    def reload(self) -> None:
        """Read the year's tables and the comparison in the database worker."""
        db, year = self.db, self.year.currentData()

        def read() -> tuple:
            found = budget.tables(db, year)
            return found, budget.compare(db, year), states_unless_province(db, {"budget_table": [t.id for t in found]})

        self._read.submit(read, lambda result: self._show(*result))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        refresh_cells(self._states_read.submit, self.db, [], current_lang(), {"budget_table": list(self._infos)},
                      self._states_read_again)

    def _states_read_again(self, states: dict[str, RecordState] | None) -> None:
        self._states = states  # back from the Đồng bộ page: a sync may have moved them
        self._show_sync(self.selected_table())

    def _show_sync(self, t: budget.TableInfo | None) -> None:
        state = self._states.get(t.id) if self._states is not None and t is not None else None
        show_state(self.sync_label, state, current_lang())
        self.sync_caption.setVisible(state is not None)
        self.sync_label.setVisible(state is not None)

    def _show(self, tables: list[budget.TableInfo], compare: list[budget.Comparison],
              states: dict[str, RecordState] | None = None) -> None:
        lang = current_lang()
        self.tables.removeRows(0, self.tables.rowCount())
        self._infos, self._states = {t.id: t for t in tables}, states
        for t in self._infos.values():
            first = QStandardItem(budget.stage_name(t.stage, lang))
            first.setData(t.id, TableRole)
            first.setToolTip(first.text())  # the list is narrow beside the amounts: names in full here
            title = QStandardItem(t.title)
            title.setToolTip(t.title)
            self.tables.appendRow([first, QStandardItem(t.form_code), title])
        self.lines.clear()
        self.check_label.clear()
        self._show_sync(None)
        if self.tables.rowCount():
            self.table_view.setCurrentIndex(self.tables.index(0, 0))
        self._fill_compare(compare)
        self.sig_reloaded.emit()

    def selected_table(self) -> budget.TableInfo | None:
        index = self.table_view.currentIndex()
        if not index.isValid():
            return None
        return self._infos.get(self.tables.item(index.row(), 0).data(TableRole))

    def show_table(self) -> None:
        t = self.selected_table()
        self.lines.clear()
        self._show_sync(t)
        if t is None:
            return
        self.lines.setHorizontalHeaderLabels([self.tr("STT"), self.tr("Nội dung"), *(c.name for c in t.columns)])
        wrong_rows = {m.row for m in t.mismatches()}
        for line in t.lines:
            name = QStandardItem(("    " * max(0, line.level - 1)) + line.name)
            cells = [QStandardItem(line.code), name, *(_amount(line.values.get(c.key)) for c in t.columns)]
            font = QFont()
            font.setBold(line.level <= 1 and not line.of_which)
            font.setItalic(line.of_which)
            for cell in cells:
                cell.setFont(font)
                if line.row in wrong_rows:
                    cell.setForeground(QBrush(QColor("#b3261e")))
            self.lines.appendRow(cells)
        # Amounts are never cut ("5.000.000.0…"): their columns take their widest cell, bold totals too.
        fit_columns(self.line_view, contents=(0, *range(2, self.lines.columnCount())), stretch=1)
        problems = t.mismatches()
        lang = current_lang()
        self.check_label.setText(self.tr("Các dòng cộng khớp với dòng tổng.") if not problems else
                                 "\n".join(m.message(lang) for m in problems))

    def _fill_compare(self, found: list[budget.Comparison]) -> None:
        self.compare.clear()
        self.compare.setHorizontalHeaderLabels([self.tr("STT"), self.tr("Nội dung"), self.tr("Dự toán"),
                                                self.tr("Thực hiện"), self.tr("Tỷ lệ (%)")])
        for c in found:
            percent = align_right(QStandardItem("" if c.percent is None else f"{c.percent:.1f}".replace(".", ",")))
            self.compare.appendRow([QStandardItem(c.code), QStandardItem(c.name), _amount(c.estimate),
                                    _amount(c.executed), percent])
        fit_columns(self.compare_view, contents=(0, 2, 3, 4), stretch=1)

    def start_import(self, path: Path | None = None, confirm: bool = True) -> ImportFlow | None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn bảng ngân sách"), "",
                                                  self.tr("Bảng tính Excel (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        stage, lang = self.stage.currentData(), current_lang()

        def question(p: budget.BudgetPreview) -> str:
            text = self.tr("%1 (biểu %2), năm %3, %4: %5 dòng. Nhập bảng này?").replace("%1", p.parsed.title) \
                .replace("%2", p.parsed.form_code or "—").replace("%3", str(p.year)) \
                .replace("%4", budget.stage_name(p.stage, lang)).replace("%5", str(len(p.parsed.lines)))
            if p.replaces:
                text += "\n" + self.tr("Bảng cùng năm, giai đoạn và biểu đã có sẽ được thay bằng bảng này.")
            return text

        def done(table_id: object) -> None:
            if table_id:
                self.reload()
            self.sig_imported.emit(table_id)

        db = self.db
        flow = ImportFlow(self, self.runner, self.tr("Đang đọc bảng ngân sách…"),
                          lambda: budget.preview_import(db, path, stage=stage),
                          lambda p: row_lines(p.summary(lang)["errors"]), question,
                          lambda p: budget.apply_import(db, p), done, confirm)
        flow.start()
        return flow

    def enter_table(self) -> BudgetEntryDialog:
        db = self.db
        dialog = BudgetEntryDialog(self.year.currentData(), lambda inp: budget.save_table(db, inp), self,
                                   runner=self.runner)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def post_table(self) -> PostingDialog | None:
        t = self.selected_table()
        if t is None:
            show_error(self, self.tr("Hãy chọn một bảng ngân sách."))
            return None
        stage = next(s for s in reference.budget_forms()["stages"] if s["code"] == t.stage)
        period = {"execution_q1": f"{t.year}-Q1", "execution_h1": f"{t.year}-H1",
                  "execution_9m": f"{t.year}-9M"}.get(t.stage, str(t.year))
        db = self.db
        dialog = PostingDialog(self.villages.items, lambda inp: postings.add_posting(db, inp), self, self.today(),
                               budget_table_id=t.id, runner=self.runner)
        dialog.preset(stage["disclosure"], period, f"{t.title} năm {t.year}" if str(t.year) not in t.title else t.title,
                      t.doc_number, t.doc_date)
        dialog.accepted.connect(lambda: show_info(self, self.tr("Đã ghi vào sổ công khai.")))
        dialog.open()
        return dialog
