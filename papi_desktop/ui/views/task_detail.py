"""The task detail panel: edit the task, its milestones, and its progress with evidence."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_vn
from ...domain.period_labels import period_name
from ...domain.status import STATUS_LABELS
from ...services import plan as plan_service
from ...services import progress
from ...services.handle import DataHandle
from ...services.record_sync import RecordState
from ..models.record_state import (
    header_text,
    labels,
    refresh_cells,
    show_state,
    state_item,
    states_unless_province,
    task_sync_state,
)
from ..widgets.flow import FlowLayout
from ..widgets.messages import ask, current_lang, show_error
from ..widgets.tables import text_columns
from ..workers import JobRunner, Latest
from .task_dialogs import MilestoneDialog, ProgressDialog, evidence_model_row

MilestoneIdRole = Qt.ItemDataRole.UserRole + 1
FilePathRole = Qt.ItemDataRole.UserRole + 2
UPDATE_SYNC = 3  # the progress update's or the evidence's sync state, last


class TaskDetailPanel(QWidget):
    """Signals:
        sig_saved(str): a task id whose data changed.
        sig_deleted(str): a task id that was tombstoned.
        sig_shown(str): a task id whose data was read and is shown.
    """

    sig_saved = Signal(str)
    sig_deleted = Signal(str)
    sig_shown = Signal(str)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.runner = db, runner
        self._read = Latest(runner, self)
        self._sync_read, self._cells_read = Latest(runner, self), Latest(runner, self)
        self.own_task = False  # a task the commune added itself (its sync state is the task's too)
        self.task_id: str | None = None
        self.year: int = date.today().year
        self.today = date.today
        self.heading = QLabel(self.tr("Chọn một nhiệm vụ trong danh sách để xem và cập nhật."))
        self.heading.setWordWrap(True)
        self.number = QLineEdit()
        self.task = QPlainTextEdit()
        self.task.setTabChangesFocus(True)
        self.task.setMaximumHeight(90)
        self.output = QPlainTextEdit()
        self.output.setTabChangesFocus(True)
        self.output.setMaximumHeight(60)
        self.lead = QLineEdit()
        self.coordinators = QLineEdit()
        self.deadline = QPlainTextEdit()
        self.deadline.setTabChangesFocus(True)
        self.deadline.setMaximumHeight(60)
        self.status = QComboBox()
        lang_idx = 1 if current_lang() == "en" else 0
        for key in plan_service.STATUSES:
            self.status.addItem(STATUS_LABELS[key][lang_idx], key)
        self.note = QLineEdit()
        self.sync_label = QLabel()  # where the commune's state of the task stands with the province
        self.save_button = QPushButton(self.tr("Lưu thay đổi (Ctrl+S)"))
        self.delete_button = QPushButton(self.tr("Xóa nhiệm vụ"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow panel puts labels above
        form.addRow(self.tr("TT:"), self.number)
        form.addRow(self.tr("Nhiệm vụ:"), self.task)
        form.addRow(self.tr("Sản phẩm đầu ra:"), self.output)
        form.addRow(self.tr("Cơ quan chủ trì:"), self.lead)
        form.addRow(self.tr("Cơ quan phối hợp:"), self.coordinators)
        form.addRow(self.tr("Thời gian hoàn thành:"), self.deadline)
        form.addRow(self.tr("Trạng thái:"), self.status)
        form.addRow(self.tr("Ghi chú:"), self.note)
        form.addRow(self.tr("Đồng bộ:"), self.sync_label)
        form.setRowVisible(self.sync_label, False)
        self.form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        self.milestones = QStandardItemModel(0, 3, self)
        self.milestones.setHorizontalHeaderLabels([self.tr("Mốc"), self.tr("Hạn"), self.tr("Hoàn thành ngày")])
        self.milestone_view = QTableView()
        self.milestone_view.setModel(self.milestones)
        header = self.milestone_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        no_date = max("00/00/0000", self.tr("(không có ngày)"), key=self.fontMetrics().horizontalAdvance)
        text_columns(self.milestone_view, {1: no_date, 2: "00/00/0000"})
        self.milestone_view.verticalHeader().hide()
        self.milestone_view.verticalHeader().setDefaultSectionSize(22)
        self.milestone_view.setWordWrap(False)
        self.milestone_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.milestone_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.milestone_view.setMaximumHeight(140)
        self.done_button = QPushButton(self.tr("Đánh dấu mốc đã xong"))
        self.add_milestone_button = QPushButton(self.tr("Thêm mốc…"))
        self.remove_milestone_button = QPushButton(self.tr("Xóa mốc"))
        ms_buttons = FlowLayout()
        for b in (self.done_button, self.add_milestone_button, self.remove_milestone_button):
            ms_buttons.addWidget(b)
        ms_box = QGroupBox(self.tr("Mốc thời gian"))
        ms_layout = QVBoxLayout(ms_box)
        ms_layout.addWidget(self.milestone_view)
        ms_layout.addLayout(ms_buttons)

        self.updates = QStandardItemModel(0, 4, self)
        self.updates.setHorizontalHeaderLabels([self.tr("Kỳ / văn bản"), self.tr("Ngày"), self.tr("Kết quả / trích yếu"),
                                                header_text()])
        self.update_view = QTreeView()
        self.update_view.setModel(self.updates)
        self.update_view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        up_header = self.update_view.header()  # the result takes the room left; the sync state its widest label
        up_header.setStretchLastSection(False)
        up_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.update_view.setColumnWidth(UPDATE_SYNC, max(up_header.sectionSizeHint(UPDATE_SYNC), 24 + max(
            map(self.fontMetrics().horizontalAdvance, labels()))))
        self.add_update_button = QPushButton(self.tr("Cập nhật tiến độ…"))
        self.open_file_button = QPushButton(self.tr("Mở tệp minh chứng"))
        up_buttons = FlowLayout()
        up_buttons.addWidget(self.add_update_button)
        up_buttons.addWidget(self.open_file_button)
        up_box = QGroupBox(self.tr("Tiến độ và minh chứng"))
        up_layout = QVBoxLayout(up_box)
        up_layout.addWidget(self.update_view)
        up_layout.addLayout(up_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(ms_box)
        layout.addWidget(up_box, 1)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self._delete)
        self.done_button.clicked.connect(self._mark_done)
        self.add_milestone_button.clicked.connect(self._add_milestone)
        self.remove_milestone_button.clicked.connect(self._remove_milestone)
        self.add_update_button.clicked.connect(self._add_update)
        self.open_file_button.clicked.connect(self._open_file)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.set_task(None)

    def set_task(self, task_id: str | None) -> None:
        self.task_id = task_id
        # Off until the task's own data is shown: a Save before would write what the last task showed.
        self._set_enabled(False)
        if task_id is None:
            self._read.cancel()
            self.heading.setText(self.tr("Chọn một nhiệm vụ trong danh sách để xem và cập nhật."))
            for w in (self.number, self.lead, self.coordinators, self.note):
                w.clear()
            for w in (self.task, self.output, self.deadline):
                w.clear()
            self.milestones.removeRows(0, self.milestones.rowCount())
            self.updates.removeRows(0, self.updates.rowCount())
            self._show_sync(None)
            return
        self.reload()

    def _set_enabled(self, enabled: bool) -> None:
        for w in (self.number, self.task, self.output, self.lead, self.coordinators, self.deadline, self.status,
                  self.note, self.save_button, self.delete_button, self.done_button, self.add_milestone_button,
                  self.remove_milestone_button, self.add_update_button, self.open_file_button):
            w.setEnabled(enabled)

    def reload(self) -> None:
        """Read the task, its milestones and its progress in the database worker; shown when they arrive."""
        if self.task_id is None:
            return
        db, task_id, today = self.db, self.task_id, self.today()

        def read() -> tuple[plan_service.TaskDetail, list[progress.UpdateInfo], RecordState | None,
                            dict[str, RecordState] | None]:
            detail = plan_service.task_detail(db, task_id, today)
            updates = progress.updates_of(db, task_id)
            states = states_unless_province(db, {"progress_update": [u.id for u in updates],
                                                 "evidence": [e.id for u in updates for e in u.evidence]})
            return detail, updates, task_sync_state(db, task_id, detail.editable), states

        self._read.submit(read, lambda result: self._show(task_id, *result))

    def refresh_sync(self) -> None:
        """Only the sync line read again (after a sync): what is being typed in the form stays."""
        if self.task_id is None:
            return
        db, task_id, own = self.db, self.task_id, self.own_task

        def shown(state: RecordState | None) -> None:
            if task_id == self.task_id:  # not another task chosen meanwhile
                self._show_sync(state)

        self._sync_read.submit(lambda: task_sync_state(db, task_id, own), shown)
        refresh_cells(self._cells_read.submit, db, [(self.updates, UPDATE_SYNC)], current_lang())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh_sync()  # back from the Đồng bộ page: a sync may have moved it

    def _show_sync(self, state: RecordState | None) -> None:
        show_state(self.sync_label, state, current_lang())
        self.form.setRowVisible(self.sync_label, state is not None)

    def _show(self, task_id: str, detail: plan_service.TaskDetail, updates: list[progress.UpdateInfo],
              sync: RecordState | None = None, states: dict[str, RecordState] | None = None) -> None:
        if task_id != self.task_id:
            return  # another task was chosen meanwhile
        self.own_task = detail.editable
        self._show_sync(sync)
        row = detail.row
        heading = self.tr("Nhiệm vụ %1 — chỉ số %2").replace("%1", row.number).replace("%2", str(row.dimension))
        if not detail.editable:  # the province's task: the commune keeps only its own state of it
            heading += " " + self.tr("(nhiệm vụ tỉnh giao: xã cập nhật trạng thái, ghi chú và tiến độ)")
        self.heading.setText(heading)
        self._set_enabled(True)
        for w in (self.number, self.lead, self.coordinators, self.task, self.output, self.deadline):
            w.setReadOnly(not detail.editable)
        for w in (self.delete_button, self.add_milestone_button, self.remove_milestone_button):
            w.setEnabled(detail.editable)
        self.number.setText(row.number)
        self.task.setPlainText(row.task)
        self.output.setPlainText(row.output)
        self.lead.setText(row.lead)
        self.coordinators.setText(row.coordinators)
        self.deadline.setPlainText(row.deadline_text)
        self.status.setCurrentIndex(self.status.findData(row.status))
        self.note.setText(detail.note)
        self.milestones.removeRows(0, self.milestones.rowCount())
        for m in detail.milestones:
            items = [QStandardItem(m.text), QStandardItem(format_vn(m.due) or self.tr("(không có ngày)")),
                     QStandardItem(format_vn(m.done_on))]
            items[0].setData(m.id, MilestoneIdRole)
            if m.due and not m.done_on and m.due < self.today() and row.status != "done":
                items[1].setForeground(Qt.GlobalColor.red)
            self.milestones.appendRow(items)
        self.updates.removeRows(0, self.updates.rowCount())
        lang = current_lang()
        for u in updates:
            # The period as people read it ("6 tháng đầu năm 2026"), not its code ("2026-H1").
            period = period_name(u.period_code, lang)
            parent = [*evidence_model_row([period, format_vn(u.reported_on), u.result]),
                      state_item("progress_update", u.id, states, lang)]
            for ev in u.evidence:
                child = [*evidence_model_row([ev.doc_ref, format_vn(ev.doc_date),
                                              ev.summary + (f" [{ev.file_name}]" if ev.file_name else "")]),
                         state_item("evidence", ev.id, states, lang)]
                child[0].setData(str(ev.file_path) if ev.file_path else "", FilePathRole)
                parent[0].appendRow(child)
            self.updates.appendRow(parent)
        self.update_view.setColumnHidden(UPDATE_SYNC, states is None)  # the communes' to see
        self.update_view.expandAll()
        self.sig_shown.emit(task_id)

    def _write(self, fn: Callable[[], object]) -> None:
        """A change of the task shown, in the database worker: shown again and announced once written;
        a refusal is shown and changes nothing."""
        task_id = self.task_id

        def written(_result: object) -> None:
            if task_id == self.task_id:
                self.reload()
            self.sig_saved.emit(task_id)

        self.runner.submit(fn, written, owner=self)

    def save(self) -> None:
        if self.task_id is None:
            return
        db, task_id = self.db, self.task_id
        fields = dict(number=self.number.text(), task=self.task.toPlainText(), output=self.output.toPlainText(),
                      lead=self.lead.text(), coordinators=self.coordinators.text(),
                      deadline_text=self.deadline.toPlainText(), status=self.status.currentData(),
                      note=self.note.text())
        self._write(lambda: plan_service.update_task(db, task_id, **fields))

    def _selected_milestone(self) -> str | None:
        idx = self.milestone_view.currentIndex()
        if not idx.isValid():
            show_error(self, self.tr("Hãy chọn một mốc trong bảng."))
            return None
        return self.milestones.item(idx.row(), 0).data(MilestoneIdRole)

    def _mark_done(self) -> None:
        mid = self._selected_milestone()
        if mid:
            db, today = self.db, self.today()
            self._write(lambda: plan_service.set_milestone_done(db, mid, today))

    def _add_milestone(self) -> None:
        dialog = MilestoneDialog(self)
        if dialog.exec():
            try:
                text, due = dialog.values()
            except Exception as exc:  # noqa: BLE001 - a date that cannot be read
                show_error(self, exc)
                return
            db, task_id = self.db, self.task_id
            self._write(lambda: plan_service.add_milestone(db, task_id, text, due))

    def _remove_milestone(self) -> None:
        mid = self._selected_milestone()
        if mid and ask(self, self.tr("Xóa mốc thời gian đã chọn?")):
            db = self.db
            self._write(lambda: plan_service.delete_milestone(db, mid))

    def _add_update(self) -> None:
        dialog = ProgressDialog(self.year, self, self.today())
        if dialog.exec():
            try:
                period, result, reported_on, evidence = dialog.values()
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
                return
            db, task_id = self.db, self.task_id
            self._write(lambda: progress.add_update(db, task_id, period, result, reported_on, evidence))

    def _open_file(self) -> None:
        idx = self.update_view.currentIndex()
        path = idx.siblingAtColumn(0).data(FilePathRole) if idx.isValid() else None
        if not path or not os.path.exists(path):
            show_error(self, self.tr("Hãy chọn một văn bản minh chứng có tệp đính kèm."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _delete(self) -> None:
        if self.task_id and ask(self, self.tr("Xóa nhiệm vụ này khỏi kế hoạch? Lịch sử thay đổi vẫn được giữ.")):
            db, task_id = self.db, self.task_id

            def deleted(_result: object) -> None:
                if task_id == self.task_id:
                    self.set_task(None)
                self.sig_deleted.emit(task_id)

            self.runner.submit(lambda: plan_service.delete_task(db, task_id), deleted, owner=self)
