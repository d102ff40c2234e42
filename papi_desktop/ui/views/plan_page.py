"""The Plan page: per-dimension summary, filters, accent-insensitive search, tasks, detail."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.status import STATUS_LABELS
from ...services import plan as plan_service
from ...services import reference
from ...services.handle import DataHandle
from ..models.summary_model import DimensionRole, SummaryModel
from ..models.task_model import SortRole, TaskIdRole, TaskTableModel
from ..widgets.flow import FlowLayout, placeholder_width
from ..widgets.messages import current_lang, error_text
from ..widgets.scroll import scrolling
from ..widgets.tables import NarrowColumns, fit_columns
from ..workers import JobRunner, Latest
from .import_dialog import ImportDialog
from .indicators_panel import IndicatorsPanel
from .plan_preview import size_task_columns
from .task_detail import TaskDetailPanel
from .task_dialogs import AddTaskDialog


class PlanPage(QWidget):
    """Everything is read and written in the database worker.

    Signals:
        sig_reloaded(int): the number of tasks shown after a reload.
        sig_first_read(): the first read ended (the plan's data is shown, or why it could not be read).
    """

    sig_reloaded = Signal(int)
    sig_first_read = Signal()

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self._read, self._tasks_read, self._summary_read = (Latest(runner, self) for _ in range(3))
        self.loaded = False  # the first read (the plan's data, or why it could not be read) is shown
        self._select_after_reload: str | None = None
        self.today = date.today
        self.plan: plan_service.PlanInfo | None = None
        lang = current_lang()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm nhiệm vụ (gõ không dấu cũng được)… Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.dimension = QComboBox()
        self.dimension.addItem(self.tr("Tất cả chỉ số"), None)
        for dim in reference.dimensions():
            self.dimension.addItem(f"{dim.number}. {dim.name(lang)}", dim.number)
        self.status = QComboBox()
        self.status.addItem(self.tr("Mọi trạng thái"), None)
        for key in ("not_started", "in_progress", "done", "overdue"):
            self.status.addItem(STATUS_LABELS[key][1 if lang == "en" else 0], key)
        self.lead = QComboBox()
        for combo, chars in ((self.dimension, 22), (self.lead, 16)):  # long names: the popup shows them whole
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        self.overdue = QCheckBox(self.tr("Chỉ nhiệm vụ quá hạn"))
        self.import_button = QPushButton(self.tr("Nhập kế hoạch từ Excel…"))
        self.add_button = QPushButton(self.tr("Thêm nhiệm vụ…"))
        self.count_label = QLabel()

        self.summary_model = SummaryModel(self)
        self.summary_view = QTableView()
        self.summary_view.setModel(self.summary_model)
        self.summary_view.verticalHeader().hide()
        self.summary_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.summary_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        fit_columns(self.summary_view, contents=range(1, self.summary_model.columnCount()), stretch=0)
        self.summary_view.setWordWrap(False)
        self.summary_view.verticalHeader().setDefaultSectionSize(22)

        self.model = TaskTableModel(lambda ids: plan_service.task_rows(self.db, ids, self.today()), lang, self, runner)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        size_task_columns(self.table, lang)
        # Narrow (1280×720 with the detail panel open): the deadline text, then the lead unit, give way
        # to the task; both stay in the tooltips and the detail panel.
        self.narrow_columns = NarrowColumns(self.table, TaskTableModel.COL_TASK,
                                            (TaskTableModel.COL_DEADLINE, TaskTableModel.COL_LEAD),
                                            self.fontMetrics().horizontalAdvance("x" * 30))

        self.detail = TaskDetailPanel(db, runner, self)
        self.indicators = IndicatorsPanel(db, runner, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.summary_view, self.tr("Tiến độ theo chỉ số nội dung"))
        self.tabs.addTab(self.indicators, self.tr("Chỉ tiêu"))

        # At 1280×720 the filters wrap onto a second line, the summary and the task list share the
        # height (a splitter), and the detail panel scrolls: nothing is pushed off screen.
        filters = FlowLayout()
        filters.addWidget(self.search, stretch=True, min_width=placeholder_width(self.search))
        for w in (self.dimension, self.status, self.lead, self.overdue):
            filters.addWidget(w)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.import_button)
        tasks = QWidget()
        tasks_layout = QVBoxLayout(tasks)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_layout.addLayout(filters)
        tasks_layout.addWidget(self.table, 1)
        tasks_layout.addWidget(self.count_label)
        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        left.addWidget(self.tabs)
        left.addWidget(tasks)
        left.setStretchFactor(1, 1)
        left.setSizes([22 * 9 + 40, 400])
        self.detail_scroll = scrolling(self.detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload_tasks)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.dimension, self.status, self.lead):
            combo.currentIndexChanged.connect(lambda _i: self.reload_tasks())
        self.overdue.toggled.connect(lambda _b: self.reload_tasks())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.summary_view.clicked.connect(self._summary_clicked)
        self.detail.sig_saved.connect(self._task_saved)
        self.detail.sig_deleted.connect(lambda _id: self.reload())
        self.import_button.clicked.connect(self.open_import)
        self.add_button.clicked.connect(self._add_task)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self._add_task)
        self.reload()

    def reload(self) -> None:
        """Read the plan, its lead units, the summary and the task list in the database worker, then show
        them together."""
        db, today, lang, wanted = self.db, self.today(), current_lang(), self._filter_values()

        def read() -> tuple[plan_service.PlanInfo | None, list[str], list, list[str]]:
            plan = plan_service.current_plan(db)
            if plan is None:
                return None, [], [], []
            leads = plan_service.lead_units(db, plan.id)
            lead = wanted["lead"] if wanted["lead"] in leads else None  # a lead no longer in the plan: all
            ids = plan_service.task_ids(db, plan_service.TaskFilter(plan_id=plan.id, **{**wanted, "lead": lead}),
                                        today)
            return plan, leads, plan_service.dimension_summary(db, plan.id, today, lang), ids

        self._tasks_read.cancel()  # the whole reload brings the task list too
        self._read.submit(read, lambda result: self._reloaded(*result), self._read_failed)

    def _reloaded(self, plan: plan_service.PlanInfo | None, leads: list[str], summary: list, ids: list[str]) -> None:
        self.plan = plan
        has_plan = plan is not None
        self.add_button.setEnabled(has_plan)
        if plan is None:
            self.title.setText(self.tr("Chưa có kế hoạch. Bấm “Nhập kế hoạch từ Excel…” để nhập phụ lục kế hoạch."))
        else:
            doc = f" — {plan.doc_number}" if plan.doc_number else ""
            self.title.setText(self.tr("Kế hoạch cải thiện chỉ số PAPI năm %1").replace("%1", str(plan.year)) + doc)
            self.detail.year = plan.year
        current_lead = self.lead.currentData()
        self.lead.blockSignals(True)
        self.lead.clear()
        self.lead.addItem(self.tr("Mọi cơ quan chủ trì"), None)
        for name in leads:
            self.lead.addItem(name.replace("\n", " "), name)
        idx = self.lead.findData(current_lead)
        self.lead.setCurrentIndex(max(idx, 0))
        self.lead.blockSignals(False)
        self.summary_model.set_rows(summary)
        self.indicators.set_plan(plan.id if plan else None, plan.year if plan else None)
        self._show_tasks(ids)
        self._first_read_done()

    def _read_failed(self, exc: BaseException) -> None:
        self.title.setText(self.tr("Không đọc được kế hoạch: %1").replace("%1", error_text(exc)))
        self._first_read_done()

    def _first_read_done(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.sig_first_read.emit()

    def reload_summary(self) -> None:
        if self.plan is None:
            self.summary_model.set_rows([])
            return
        db, plan_id, today, lang = self.db, self.plan.id, self.today(), current_lang()
        self._summary_read.submit(lambda: plan_service.dimension_summary(db, plan_id, today, lang),
                                  self.summary_model.set_rows)

    def _filter_values(self) -> dict[str, object]:
        return {"dimension": self.dimension.currentData(), "status": self.status.currentData(),
                "lead": self.lead.currentData(), "overdue_only": self.overdue.isChecked(), "search": self.search.text()}

    def current_filter(self) -> plan_service.TaskFilter | None:
        if self.plan is None:
            return None
        return plan_service.TaskFilter(plan_id=self.plan.id, **self._filter_values())  # type: ignore[arg-type]

    def reload_tasks(self) -> None:
        flt = self.current_filter()
        if flt is None:
            self._show_tasks([])
            return
        db, today = self.db, self.today()
        self._tasks_read.submit(lambda: plan_service.task_ids(db, flt, today), self._show_tasks)

    def _show_tasks(self, ids: list[str]) -> None:
        wanted, current = self._select_after_reload, self.detail.task_id
        self._select_after_reload = None
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("%1 nhiệm vụ").replace("%1", str(len(ids))))
        for task_id in (wanted, current):  # the task asked for, else the one shown, if the list holds it
            row = self.model.row_of(task_id) if task_id else -1
            if row >= 0:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                break
        else:
            if current:
                self.detail.set_task(None)
        self.sig_reloaded.emit(len(ids))

    def _current_changed(self, current, _previous) -> None:  # noqa: ANN001
        task_id = current.data(TaskIdRole) if current.isValid() else None
        if task_id != self.detail.task_id:
            self.detail.set_task(task_id)

    def select_task(self, task_id: str) -> None:
        """Select a task now, or once the list being read holds it."""
        row = self.model.row_of(task_id)
        if row >= 0 and not (self._read.busy or self._tasks_read.busy):
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        else:
            self._select_after_reload = task_id

    def _summary_clicked(self, index) -> None:  # noqa: ANN001
        dim = index.siblingAtColumn(0).data(DimensionRole)
        self.dimension.setCurrentIndex(self.dimension.findData(dim))

    def _task_saved(self, task_id: str) -> None:
        self.model.invalidate(task_id)
        self.reload_summary()

    def _add_task(self) -> None:
        if self.plan is None:
            return
        dialog = AddTaskDialog(self, self.dimension.currentData())
        if not dialog.exec():
            return
        dimension, values = dialog.values()
        db, plan_id = self.db, self.plan.id
        self.runner.submit(lambda: plan_service.add_task(db, plan_id, dimension, **values), self._task_added,
                           owner=self)

    def _task_added(self, task_id: str) -> None:
        self._select_after_reload = task_id
        self.reload()

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.db, self.runner, self)
        dialog.sig_imported.connect(lambda _r: self.reload())
        dialog.show()
        return dialog
