"""Chỉ tiêu: the plan's indicators with the actual value reported for a chosen period."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import progress
from ...services.handle import DataHandle
from ...services.record_sync import RecordState
from ..models.record_state import header_text, refresh_cells, state_item, states_unless_province
from ..widgets.forms import ok_cancel_row
from ..widgets.messages import current_lang, show_error
from ..widgets.tables import fit_columns
from ..workers import JobRunner, Latest

IndicatorIdRole = Qt.ItemDataRole.UserRole + 1
COL_NAME, COL_UNIT, COL_TARGET, COL_RESPONSIBLE, COL_ACTUAL, COL_SYNC = range(6)


class IndicatorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm chỉ tiêu"))
        self.name = QLineEdit()
        self.unit = QLineEdit()
        self.target = QLineEdit()
        self.responsible = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Chỉ tiêu:"), self.name)
        form.addRow(self.tr("Đơn vị tính:"), self.unit)
        form.addRow(self.tr("Mục tiêu:"), self.target)
        form.addRow(self.tr("Cơ quan theo dõi:"), self.responsible)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(ok_cancel_row(self, self.tr("Thêm")))


class IndicatorsPanel(QWidget):
    """Signals:
        sig_changed(): an indicator or a value was saved.
        sig_shown(): the indicators were read and are shown.
    """

    sig_changed = Signal()
    sig_shown = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read, self._states_read = Latest(runner, self), Latest(runner, self)
        self.plan_id: str | None = None
        self._loading = False
        self.period = QComboBox()
        self.add_button = QPushButton(self.tr("Thêm chỉ tiêu…"))
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels([self.tr("Chỉ tiêu"), self.tr("Đơn vị tính"), self.tr("Mục tiêu"),
                                              self.tr("Cơ quan theo dõi"), self.tr("Thực hiện trong kỳ"),
                                              header_text()])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        # A plan has a few indicators: the short columns fit their header and cells (never "Cơ quan theo dõ…"),
        # the name takes the rest.
        fit_columns(self.view, contents=[c for c in range(self.model.columnCount()) if c != COL_NAME],
                    stretch=COL_NAME)
        self.empty = QLabel(self.tr("Kế hoạch chưa có chỉ tiêu. Chỉ tiêu được nhập cùng tệp kế hoạch "
                                    "(bảng STT, Chỉ tiêu, Đơn vị tính, Kết quả…) hoặc thêm tại đây."))
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kỳ báo cáo:")))
        top.addWidget(self.period, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.model.itemChanged.connect(self._item_changed)
        self.add_button.clicked.connect(self._add)

    def set_plan(self, plan_id: str | None, year: int | None) -> None:
        self.plan_id = plan_id
        self.add_button.setEnabled(plan_id is not None)
        current = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        for period in progress.periods(year) if year else []:
            self.period.addItem(period.label(current_lang()), period.code)
        idx = self.period.findData(current)
        self.period.setCurrentIndex(max(idx, 0))
        self.period.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Read the plan's indicators in the database worker; shown when they arrive."""
        if not self.plan_id:
            self._read.cancel()
            self._show([])
            return
        db, plan_id = self.db, self.plan_id

        def read() -> tuple[list[progress.IndicatorInfo], dict[str, RecordState] | None]:
            found = progress.indicators_of(db, plan_id)
            return found, states_unless_province(db, {"indicator": [i.id for i in found]})

        self._read.submit(read, lambda result: self._show(*result))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        refresh_cells(self._states_read.submit, self.db, [(self.model, COL_SYNC)], current_lang())

    def _show(self, rows: list[progress.IndicatorInfo], states: dict[str, RecordState] | None = None) -> None:
        self._loading = True
        lang = current_lang()
        self.model.removeRows(0, self.model.rowCount())
        period = self.period.currentData()
        for ind in rows:
            items = [QStandardItem(ind.name), QStandardItem(ind.unit), QStandardItem(ind.target),
                     QStandardItem(ind.responsible), QStandardItem(ind.values.get(period, "")),
                     state_item("indicator", ind.id, states, lang)]
            for item in items[:COL_ACTUAL]:
                item.setEditable(False)
            items[COL_NAME].setData(ind.id, IndicatorIdRole)
            items[COL_NAME].setToolTip(ind.name)
            self.model.appendRow(items)
        self.view.setColumnHidden(COL_SYNC, states is None)  # the communes' to see
        self.empty.setVisible(not rows)
        self._loading = False
        self.sig_shown.emit()

    def _item_changed(self, item: QStandardItem) -> None:
        if self._loading or item.column() != COL_ACTUAL:
            return
        db, period, text = self.db, self.period.currentData(), item.text()
        indicator_id = self.model.item(item.row(), COL_NAME).data(IndicatorIdRole)

        def refused(exc: BaseException) -> None:
            show_error(self, exc)
            self.reload()

        self.runner.submit(lambda: progress.set_indicator_value(db, indicator_id, period, text),
                           lambda _r: self.sig_changed.emit(), refused, owner=self)

    def _add(self) -> None:
        dialog = IndicatorDialog(self)
        if not dialog.exec() or self.plan_id is None:
            return
        db, plan_id = self.db, self.plan_id
        values = (dialog.name.text(), dialog.unit.text(), dialog.target.text(), dialog.responsible.text())
        self.runner.submit(lambda: progress.add_indicator(db, plan_id, *values),
                           lambda _r: (self.reload(), self.sig_changed.emit()), owner=self)
