"""Tiếp công dân: the reception book over any number of visits, search, statistics, entry, import."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import Cancelled
from ...domain.jobs import CancelToken
from ...services import progress, province, reception, reception_import, reception_words, setup
from ...services.handle import DataHandle
from ...services.reception import TYPE_LABELS
from ..job_progress import QtProgress
from ..models.lazy import Indexed, indexed
from ..models.reception_model import DIRECTION_LABELS, ReceptionTableModel
from ..models.record_state import labels, with_states
from ..widgets.flow import FlowLayout, placeholder_width
from ..widgets.messages import ask, current_lang, error_text, show_error, show_info
from ..widgets.tables import text_columns
from ..workers import JobRunner, Latest
from .reception_form import ReceptionDialog


class ReceptionPage(QWidget):
    """Signals:
        sig_reloaded(int): visits shown after a reload.
        sig_imported(int): visits written by an import.
    """

    sig_reloaded = Signal(int)
    sig_imported = Signal(int)

    def __init__(self, db: DataHandle, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self._read = Latest(runner, self)
        self.receiver = ""  # the officer on the profile, read with the list: the entry dialog's default
        self.today = date.today
        self._progress: QtProgress | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo họ tên, địa chỉ, nội dung (không dấu cũng được)… Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.period = QComboBox()
        self.period.addItem(self.tr("Tất cả thời gian"), None)
        for year in (self.today().year + 1, self.today().year, self.today().year - 1):
            for p in progress.periods(year):
                self.period.addItem(p.label(current_lang()), (p.start, p.end))
        current = progress.period_for_day(self.today())
        if current is not None:
            idx = self.period.findText(current.label(current_lang()))
            self.period.setCurrentIndex(max(idx, 0))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Mọi hình thức"), None)
        for code, label in (("regular", self.tr("Thường xuyên")), ("periodic", self.tr("Định kỳ")),
                            ("adhoc", self.tr("Đột xuất"))):
            self.kind.addItem(label, code)
        self.add_button = QPushButton(self.tr("Ghi lượt tiếp (Ctrl+N)"))
        self.import_button = QPushButton(self.tr("Nhập sổ từ Excel…"))
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
        self.model = ReceptionTableModel(with_states(db, "reception", lambda ids: reception.reception_rows(db, ids)),
                                         current_lang(), self, runner)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(ReceptionTableModel.COL_SUMMARY,
                                                           QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()

        def widest(texts: Iterable[str]) -> str:
            return max(texts, key=fm.horizontalAdvance)

        text_columns(self.table, {
            ReceptionTableModel.COL_DATE: "00/00/0000", ReceptionTableModel.COL_TYPE: widest(TYPE_LABELS.values()),
            ReceptionTableModel.COL_NAMES: 150, ReceptionTableModel.COL_ADDRESS: 150,
            ReceptionTableModel.COL_ID: "000000000000", ReceptionTableModel.COL_PEOPLE: "000",
            ReceptionTableModel.COL_CLASSES: 120, ReceptionTableModel.COL_DIRECTION: widest(DIRECTION_LABELS.values()),
            ReceptionTableModel.COL_SYNC: widest(labels())})
        self.count = QLabel()
        bar = FlowLayout()  # wraps on a narrow screen: the import button stays in sight
        bar.addWidget(self.search, stretch=True, min_width=placeholder_width(self.search))
        for w in (self.period, self.kind, self.add_button, self.import_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stats)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button.clicked.connect(self.open_entry)
        self.import_button.clicked.connect(self._choose_import)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.open_entry)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.reload()

    def window_dates(self) -> tuple[date | None, date | None]:
        value = self.period.currentData()
        return value if value else (None, None)

    def reload(self) -> None:
        """Read the list's ids, the period's statistics and the weekly check in the database worker."""
        start, end = self.window_dates()
        db, search, kind, today = self.db, self.search.text(), self.kind.currentData(), self.today()
        lang = current_lang()

        def read() -> tuple[Indexed, str, list[date], str, bool]:
            ids = indexed(reception.reception_ids(db, search, start, end, kind))
            stats, missing = "", []
            if start and end:
                stats = reception_words.statistics_text(reception.statistics(db, start, end), lang)
                missing = reception.weeks_without_periodic(db, start, min(end, today))
            profile = setup.get_profile(db)
            return ids, stats, missing, profile.officer_name if profile else "", province.is_province(db)

        self._read.submit(read, lambda result: self._show(*result))

    def _show(self, ids: Indexed, stats: str, missing: list[date], receiver: str, is_province: bool = False) -> None:
        # The province's copies are what it received: their sync state is the communes' to see.
        self.table.setColumnHidden(ReceptionTableModel.COL_SYNC, is_province)
        self.model.set_ids(ids)
        self.receiver = receiver
        self.count.setText(self.tr("%1 lượt tiếp").replace("%1", str(len(ids.ids))))
        self.stats.setText(stats)
        # One week apart from several: English says "1 week", "3 weeks" (the .ts has no plural forms).
        warning = self.tr("Chủ tịch UBND chưa có buổi tiếp định kỳ trong 01 tuần (ít nhất 01 ngày/tuần), tuần "
                          "đó bắt đầu %2.") if len(missing) == 1 else \
            self.tr("Chủ tịch UBND chưa có buổi tiếp định kỳ trong %1 tuần (ít nhất 01 ngày/tuần), tuần gần "
                    "nhất bắt đầu %2.")
        self.warning.setText(warning.replace("%1", str(len(missing)))
                             .replace("%2", missing[-1].strftime("%d/%m/%Y")) if missing else "")
        self.sig_reloaded.emit(len(ids.ids))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.model.refresh_states()  # back from the Đồng bộ page: a sync may have moved them

    def open_entry(self) -> ReceptionDialog:
        dialog = ReceptionDialog(self.db, self.runner, self, self.today(), receiver=self.receiver)
        dialog.sig_saved.connect(lambda _id: self.reload())
        dialog.open()
        return dialog

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn sổ tiếp công dân"), "",
                                              self.tr("Bảng tính Excel (*.xlsx)"))
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path, confirm: bool = True) -> None:
        """Preview in the worker, ask, then write all-or-nothing in the worker."""
        token = CancelToken()
        self._progress = QtProgress(self, self.tr("Đang đọc sổ tiếp công dân…"), token)
        progress_obj = self._progress
        self.runner.submit(lambda: reception_import.preview_import(self.db, path, progress_obj, token),
                           lambda preview: self._previewed(preview, confirm), self._failed)

    def _previewed(self, preview: reception_import.RegisterPreview, confirm: bool) -> None:
        self._close_progress()
        summary = preview.summary(current_lang())
        if preview.parsed.errors:
            lines = [self.tr("Dòng %1: %2").replace("%1", str(e["row"])).replace("%2", e["reason"])
                     for e in summary["errors"][:30]]
            show_error(self, self.tr("Tệp có %1 dòng lỗi; chưa ghi dữ liệu nào. Sửa tệp rồi nhập lại.\n\n")
                       .replace("%1", str(len(preview.parsed.errors))) + "\n".join(lines))
            self.sig_imported.emit(0)
            return
        text = self.tr("%1 lượt tiếp trong tệp: %2 lượt mới, %3 lượt đã có trong sổ. Nhập các lượt mới?") \
            .replace("%1", str(summary["rows"])).replace("%2", str(summary["new"])) \
            .replace("%3", str(summary["already_in_book"]))
        if confirm and not ask(self, text):
            return
        token = CancelToken()
        self._progress = QtProgress(self, self.tr("Đang nhập sổ tiếp công dân…"), token)
        progress_obj = self._progress
        self.runner.submit(lambda: reception_import.apply_import(self.db, preview, progress_obj, token),
                           self._imported, self._failed)

    def _imported(self, written: int) -> None:
        self._close_progress()
        self.reload()
        self.sig_imported.emit(written)
        show_info(self, self.tr("Đã nhập %1 lượt tiếp.").replace("%1", str(written)))

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.sig_imported.emit(0)
        show_error(self, self.tr("Đã hủy. Dữ liệu không thay đổi.") if isinstance(exc, Cancelled) else error_text(exc))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
